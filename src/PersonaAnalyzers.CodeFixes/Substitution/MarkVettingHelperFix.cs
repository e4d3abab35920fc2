using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PersonaAnalyzers.CodeFixes.Common;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA001 where the unchecked use is a call of your own vetting helper — a method or local function of the
/// same file whose result is the answer of a band check on the profile it is given (<c>bool IsUsable(Reader r) =&gt;
/// ReaderGuard.Assess(user, r).IsSafe;</c>): marks the helper <c>[SimilarityBandCheck]</c>, as the attribute's contract
/// invites, so a branch on its result counts as the check wherever it is called. Not offered for a helper that does
/// anything but return that answer (it might use the profile as well), nor for one declared in another file.</summary>
internal sealed class MarkVettingHelperFix : PersonaFix
{
    public override string EquivalenceKey => "PERSONA001.MarkVettingHelper";

    public override string Title(Diagnostic diagnostic) => "Mark the vetting helper [SimilarityBandCheck]";

    public override async Task<Document?> ApplyAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(SubstitutionProperties.UseKind, out var use) || use != nameof(UseKind.Argument) ||
            diagnostic.AdditionalLocations.Count == 0)
            return null;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var symbols = model is null ? null : SubstitutionSymbols.For(model.Compilation);
        if (model is null || root is null || symbols is null ||
            UsedAt(root, node, diagnostic)?.FirstAncestorOrSelf<ArgumentSyntax>() is not { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } argument ||
            model.GetOperation(argument, cancellationToken) is not IArgumentOperation { Parameter: { } parameter } ||
            parameter.ContainingSymbol is not IMethodSymbol helper ||
            helper.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not { } declaration || declaration.SyntaxTree != root.SyntaxTree ||
            !root.Contains(declaration))
            return null;
        var options = SubstitutionOptions.For(document.Project.AnalyzerOptions, root.SyntaxTree);
        if (!ReturnsCheckOf(declaration, helper, parameter, model, symbols, options, cancellationToken))
            return null;
        if (symbols.IsCheckMethod(helper, options))
            return document; // marked by an earlier fix of the same Fix All: this use is checked now
        var newRoot = MemberAttributes.Mark(root, declaration, "SimilarityBandCheck", model.Compilation);
        return newRoot == root ? null : await FinishedDocument.CreateAsync(document, newRoot, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The use, found relative to the reported node: in Fix All, earlier fixes move positions; what lies between
    /// the obtaining expression and its use (within one member) does not move unless a helper is declared there, and the
    /// call found is checked again below.</summary>
    private static SyntaxNode? UsedAt(SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        var span = diagnostic.AdditionalLocations[0].SourceSpan;
        var start = node.SpanStart + span.Start - diagnostic.Location.SourceSpan.Start;
        return start < 0 || start + span.Length > root.FullSpan.End
            ? null
            : root.FindNode(new Microsoft.CodeAnalysis.Text.TextSpan(start, span.Length), getInnermostNodeForTie: true);
    }

    /// <summary>The helper only returns the answer of a check given <paramref name="parameter"/>: one expression (an
    /// expression body or a lone <c>return</c>) that calls a check with it, typed <c>bool</c> or as the check's own answer.</summary>
    private static bool ReturnsCheckOf(SyntaxNode declaration, IMethodSymbol helper, IParameterSymbol parameter, SemanticModel model,
        SubstitutionSymbols symbols, SubstitutionOptions options, CancellationToken cancellationToken)
    {
        var (expressionBody, body) = declaration switch
        {
            MethodDeclarationSyntax method => (method.ExpressionBody, method.Body),
            LocalFunctionStatementSyntax local => (local.ExpressionBody, local.Body),
            _ => (null, null),
        };
        var returned = expressionBody?.Expression ??
                       (body is { Statements: [ReturnStatementSyntax { Expression: { } value }] } ? value : null);
        if (returned is null)
            return false;
        foreach (var invocation in returned.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol check || !symbols.IsCheckMethod(check, options) ||
                helper.ReturnType.SpecialType != SpecialType.System_Boolean && !SymbolEqualityComparer.Default.Equals(helper.ReturnType, check.ReturnType))
                continue;
            foreach (var given in invocation.ArgumentList.Arguments)
            {
                if (given.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                    .Any(name => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, parameter)))
                    return true;
            }
        }
        return false;
    }
}
