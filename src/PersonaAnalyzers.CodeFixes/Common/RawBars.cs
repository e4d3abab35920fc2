using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PersonaAnalyzers.CodeFixes.Substitution;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Whether a raw similarity bar (PERSONA003) decides on the same substitute a PERSONA001 or PERSONA004 fix is
/// about to guard: <c>var twin = …; if (twin != null &amp;&amp; Similarity(user, twin) &gt; 0.9) …</c>. That bar is the
/// code's own decision, and PERSONA003's fix turns it into the band check, which settles the other report too. A guard
/// added in front would leave the bar behind a second check — and which of the two a <c>dotnet format</c> run applied
/// first would decide the code it wrote. So those fixes step aside there, and the result is the same in any order.</summary>
internal static class RawBars
{
    /// <param name="reported">The reported node.</param>
    /// <param name="name">The local, loop variable or parameter that holds the substitute, when there is one: a bar later
    /// in its block that names it decides on it too.</param>
    public static async Task<bool> DecideAsync(Document document, SyntaxNode reported, string? name, CancellationToken cancellationToken) =>
        await FindAsync(document, reported, name, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The PERSONA003 report of that bar, or null.</summary>
    public static async Task<Diagnostic?> FindAsync(Document document, SyntaxNode reported, string? name, CancellationToken cancellationToken)
    {
        var statement = reported.AncestorsAndSelf().FirstOrDefault(n => n is StatementSyntax or ArrowExpressionClauseSyntax);
        if (statement is null || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
            return null;
        // The statement itself (a loop's body, a LINQ chain's lambdas) and, where a variable holds the substitute, the rest
        // of the block.
        var region = RuleReports.Region(statement, restOfBlock: name is not null);
        // Func<Reader, bool> close = c => Similarity(user, c) > 0.75; … .Where(close): a predicate the statement hands
        // over by name, kept in a local or written as a local function, is its bar too (probe 12b, repro 08).
        var handedOver = HandedOver(model, statement, cancellationToken);
        foreach (var predicate in handedOver)
            region = TextSpan.FromBounds(System.Math.Min(region.Start, predicate.Start), System.Math.Max(region.End, predicate.End));
        var diagnostics = await RuleReports.InAsync(document, model, new RawThresholdAnalyzer(), SubstitutionDescriptors.RawThresholdId, region, cancellationToken)
            .ConfigureAwait(false);
        var root = await model.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            var bar = root.FindNode(span);
            if ((statement.Span.Contains(span) || handedOver.Any(predicate => predicate.Contains(span)) ||
                 name is not null && (Syntax.Mentions(bar, name) || Syntax.Mentions(Tested(bar), name) || ScoreOf(diagnostic, root, model, name))) &&
                await RuleReports.FixedByAsync(BarFix, document, root, diagnostic, cancellationToken).ConfigureAwait(false))
                return diagnostic;
        }
        return null;
    }

    /// <summary>Where the predicates stand that the statement hands over by name (<c>Where(close)</c>, <c>Where(Close)</c>):
    /// a delegate local's lambda, or a local function, in this document.</summary>
    private static ImmutableArray<TextSpan> HandedOver(SemanticModel model, SyntaxNode statement, CancellationToken cancellationToken) =>
        statement.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(name => name.Parent is ArgumentSyntax)
            .Select(name => model.GetSymbolInfo(name, cancellationToken).Symbol)
            .Where(symbol => symbol is ILocalSymbol or IMethodSymbol { MethodKind: MethodKind.LocalFunction })
            .SelectMany(symbol => symbol!.DeclaringSyntaxReferences)
            .Select(reference => reference.GetSyntax(cancellationToken))
            .Where(declared => declared.SyntaxTree == model.SyntaxTree &&
                               declared is VariableDeclaratorSyntax { Initializer.Value: AnonymousFunctionExpressionSyntax } or LocalFunctionStatementSyntax)
            .Select(declared => declared.Span)
            .ToImmutableArray();

    /// <summary>Only a bar PERSONA003's fix rewrites counts: one it leaves (a primary constructor parameter's last read, a
    /// kernel score) keeps no guard away.</summary>
    private static readonly BandCheckInsteadOfThresholdFix BarFix = new();

    /// <summary>What a bar that is a pattern tests: <c>Similarity(me, twin) switch { &gt;= 0.9 =&gt; twin, _ =&gt; me }</c>
    /// reports the arm's <c>&gt;= 0.9</c>, and the score that names the substitute is the switch's.</summary>
    private static SyntaxNode Tested(SyntaxNode bar)
    {
        if (bar is not PatternSyntax)
            return bar;
        foreach (var ancestor in bar.Ancestors())
        {
            switch (ancestor)
            {
                case SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax switched }:
                    return switched.GoverningExpression;
                case SwitchSectionSyntax { Parent: SwitchStatementSyntax switched }:
                    return switched.Expression;
                case IsPatternExpressionSyntax test:
                    return test.Expression;
                case PatternSyntax or CasePatternSwitchLabelSyntax or SwitchLabelSyntax:
                    continue;
                default:
                    return bar;
            }
        }
        return bar;
    }

    /// <summary><c>var s = Similarity(me, twin); if (s &lt; 0.7) return me;</c>: the bar's score is a local computed from
    /// the substitute.</summary>
    private static bool ScoreOf(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, string name)
    {
        if (diagnostic.AdditionalLocations.Count == 0 ||
            root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not IdentifierNameSyntax operand ||
            model.GetSymbolInfo(operand).Symbol is not ILocalSymbol local)
            return false;
        return local.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value } && Syntax.Mentions(value, name) ||
            DeclaredBeside(reference.GetSyntax(), name));
    }

    /// <summary><c>var (n, s) = index.FindMostSimilar(user);</c>: the score declared in the same deconstruction as the
    /// substitute is its score (probe 15b, repro 01).</summary>
    private static bool DeclaredBeside(SyntaxNode declared, string name) =>
        declared is SingleVariableDesignationSyntax &&
        declared.Ancestors().OfType<AssignmentExpressionSyntax>().FirstOrDefault() is { Left: var targets } &&
        targets.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>().Any(other => other.Identifier.ValueText == name);
}
