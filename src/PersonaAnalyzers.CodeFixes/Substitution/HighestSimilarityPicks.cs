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
/// again once PERSONA002 is fixed.</summary>
internal static class HighestSimilarityPicks
{
    public static async Task<bool> ChoseAsync(Document document, SemanticModel model, ExpressionSyntax candidate, CancellationToken cancellationToken)
    {
        // A hit's profile may be written anew (`hit.Profile` beside a deconstructed score), outside the document.
        if (candidate.SyntaxTree != model.SyntaxTree)
            return false;
        var pick = candidate is IdentifierNameSyntax name &&
                   model.GetSymbolInfo(name, cancellationToken).Symbol is ILocalSymbol local &&
                   local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }
            ? value
            : candidate;
        // Every selection the rule reports is a call (MaxBy, First, a helper) or reads one; anything else needs no asking.
        if (!pick.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any())
            return false;
        var picks = await RuleReports.InAsync(document, model, new HighestSimilaritySelectionAnalyzer(),
            SubstitutionDescriptors.HighestSimilaritySelectionId, pick.Span, cancellationToken).ConfigureAwait(false);
        if (picks.IsEmpty)
            return false;
        // Only where PERSONA002's fix rewrites the pick: a pick it leaves as it is (a named score function) keeps the bar's
        // own fix.
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in picks)
        {
            if (root is not null && await RuleReports.FixedByAsync(Rewrite, document, root, diagnostic, cancellationToken).ConfigureAwait(false))
                return true;
        }
        return false;
    }

    private static readonly SafestSubstituteSelectionFix Rewrite = new();
}
