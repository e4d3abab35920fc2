using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>Whether the candidate a raw bar decides on (or the substitute a PERSONA001 fix would guard) is a
/// highest-similarity pick that PERSONA002 reports:
/// <c>var best = pool.MaxBy(c =&gt; Similarity(user, c)); if (best is null || Similarity(user, best) &lt; 0.6) return user;</c>.
/// PERSONA002's fix puts the guard's <c>SafestSubstitute</c> in the pick's place, and a bar past the guard's pick only
/// rejects more, so PERSONA003 no longer reports it. A band check at the bar as well would vet the guard's own pick a
/// second time — and the code <c>dotnet format</c> wrote would depend on which of the two rules it fixed first. Only
/// where PERSONA002's fix does rewrite the pick. A PERSONA001 guard on the pick would likewise check the guard's pick
/// again once PERSONA002 is fixed — also one at the top of a best-so-far loop over the substitutes, which would leave the
/// loop a pick among the safe ones that PERSONA002's fix no longer recognizes. So is a bar that filters the population
/// the pick chooses from (<c>pool.Where(c =&gt; Similarity(user, c) &lt; 0.97).MaxBy(…)</c>): the fix makes it the guard's
/// shortlist, <c>SafestSubstitute(user, pool.Where(…))</c>, which PERSONA003 does not report.</summary>
internal static class HighestSimilarityPicks
{
    /// <param name="candidate">The candidate (a local is followed to its initializer), a lambda parameter the bar is on,
    /// or the <c>foreach</c> whose variable is the substitute.</param>
    public static async Task<bool> ChoseAsync(Document document, SemanticModel model, SyntaxNode candidate, CancellationToken cancellationToken) =>
        await FindAsync(document, model, candidate, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The PERSONA002 report of that pick, or null.</summary>
    public static async Task<Diagnostic?> FindAsync(Document document, SemanticModel model, SyntaxNode candidate, CancellationToken cancellationToken)
    {
        // A hit's profile may be written anew (`hit.Profile` beside a deconstructed score), outside the document.
        if (candidate.SyntaxTree != model.SyntaxTree)
            return null;
        var symbol = candidate is IdentifierNameSyntax name ? model.GetSymbolInfo(name, cancellationToken).Symbol : null;
        SyntaxNode pick = candidate;
        System.Func<SyntaxNode, Diagnostic, bool> fits = (_, _) => true;
        Microsoft.CodeAnalysis.Text.TextSpan? region = null;
        if (symbol is ILocalSymbol local &&
            local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            pick = value;
        }
        else if (symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } &&
                 symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken).FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() is { } filter)
        {
            // pool.Where(c => Similarity(user, c) < 0.97).MaxBy(…): the pick is the chain the lambda is an argument in, and
            // only a pick whose candidates hold the lambda counts (not one in its selector).
            pick = filter;
            while (pick.Parent is ArgumentSyntax or ArgumentListSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax or ParenthesizedExpressionSyntax)
                pick = pick.Parent;
            fits = (_, diagnostic) => Candidates(diagnostic) is { } candidates && candidates.Contains(filter.Span);
            // var shortlist = pool.Where(c => …); … shortlist.MaxBy(…): the pick reads the local the filter is kept in,
            // later in the block.
            if (pick.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax kept } &&
                kept.Parent?.Parent is LocalDeclarationStatementSyntax keptIn)
            {
                var keptName = kept.Identifier.ValueText;
                region = RuleReports.Region(keptIn, restOfBlock: true);
                fits = (reported, diagnostic) => Candidates(diagnostic) is { } candidates &&
                                                 reported.SyntaxTree.GetRoot(cancellationToken).FindNode(candidates) is var read &&
                                                 Syntax.IsName(read is ArgumentSyntax argument ? argument.Expression : (ExpressionSyntax)read, keptName);
            }
        }
        else if (candidate is ForEachStatementSyntax loop)
        {
            // The best-so-far loop is reported on its update (`best = c;`) inside this loop, not a nested one.
            fits = (reported, _) => reported.FirstAncestorOrSelf<ForEachStatementSyntax>() == loop;
        }
        // Every selection the rule reports is a call (MaxBy, First, a helper) or reads one; anything else needs no asking.
        if (region is null && !pick.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any())
            return null;
        var picks = await RuleReports.InAsync(document, model, new HighestSimilaritySelectionAnalyzer(),
            SubstitutionDescriptors.HighestSimilaritySelectionId, region ?? pick.Span, cancellationToken).ConfigureAwait(false);
        if (picks.IsEmpty)
            return null;
        // Only where PERSONA002's fix rewrites the pick: a pick it leaves as it is (a named score function) keeps the bar's
        // own fix.
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in picks)
        {
            if (root is not null && PersonaCodeFixProvider.ReportedNode(root, diagnostic) is { } reported && fits(reported, diagnostic) &&
                await RuleReports.FixedByAsync(Rewrite, document, root, diagnostic, cancellationToken).ConfigureAwait(false))
                return diagnostic;
        }
        return null;
    }

    /// <summary>Where the pick's candidates stand, as the analyzer found them.</summary>
    private static Microsoft.CodeAnalysis.Text.TextSpan? Candidates(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(SubstitutionProperties.CandidatesLocation, out var text) && int.TryParse(text, out var index) &&
        index >= 0 && index < diagnostic.AdditionalLocations.Count
            ? diagnostic.AdditionalLocations[index].SourceSpan
            : null;

    private static readonly SafestSubstituteSelectionFix Rewrite = new();
}
