using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Substitution;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.CodeFixes.Common;

/// <summary>Whether a discarded band check (PERSONA004) on the same substitute stands where a PERSONA001 fix is about to
/// guard it: <c>foreach (var c in …) { Guard.Classify(me, c); kept.Add(c); }</c>, <c>if (n is not null) Guard.Classify(me,
/// n);</c>. PERSONA004's fix branches on that call, which settles this report too; a guard added as well would check the
/// same pair twice, and which rule <c>dotnet format</c> fixed first would decide the code (probe 11b, repros 13 and 18).
/// Only where PERSONA004's fix applies: a call it leaves keeps no guard away.</summary>
internal static class DiscardedChecks
{
    /// <param name="reported">The reported node.</param>
    /// <param name="name">The local or loop variable that holds the substitute, when there is one: a discarded check
    /// later in its block that names it is on the same substitute.</param>
    public static async Task<bool> DecideAsync(Document document, SemanticModel model, SyntaxNode reported, string? name, CancellationToken cancellationToken)
    {
        if (name is null || reported.AncestorsAndSelf().FirstOrDefault(n => n is StatementSyntax) is not { } statement)
            return false;
        var region = RuleReports.Region(statement, restOfBlock: true);
        // Every discarded check is a call naming its pair: none in the text, nothing to ask.
        if (!statement.Parent!.DescendantNodes(region).OfType<InvocationExpressionSyntax>().Any(call => Syntax.Mentions(call.ArgumentList, name)))
            return false;
        var discarded = await RuleReports.InAsync(document, model, new DiscardedCheckAnalyzer(), SubstitutionDescriptors.DiscardedCheckId, region, cancellationToken)
            .ConfigureAwait(false);
        var root = await model.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in discarded)
        {
            if (PersonaCodeFixProvider.ReportedNode(root, diagnostic) is { } call && Syntax.Mentions(call, name) &&
                await RuleReports.FixedByAsync(Branch, document, root, diagnostic, cancellationToken).ConfigureAwait(false))
                return true;
        }
        return false;
    }

    private static readonly BranchOnCheckFix Branch = new();
}
