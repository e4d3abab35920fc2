using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA001 on an element taken from a collection of substitutes (<c>neighbours[0]</c>,
/// <c>neighbours.First()</c>, <c>FirstOrDefault(predicate)</c>): takes <c>{T}Guard.SafestSubstitute(target, collection)</c>
/// instead — the candidate with the lowest expected error that beats no personalization, never simply the first or most
/// similar. Where the code expected a value, the target's own profile stands in when none is safe.</summary>
internal sealed class UseSafestSubstituteFix : PersonaFix
{
    public override string EquivalenceKey => "PERSONA001.UseSafestSubstitute";

    public override string Title(Diagnostic diagnostic) => "Use the safest substitute";

    public override async Task<Document?> ApplyAsync(Document document, SyntaxNode node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (node is ArgumentSyntax argument)
            node = argument.Expression;
        if (node is not ExpressionSyntax element)
            return null;
        if (await GuardRewrite.PrepareSafestSubstituteAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } rewrite)
            return null;
        var (model, root, types) = (rewrite.Model, rewrite.Root, rewrite.Types);
        if (!TryGetSelection(element, out var candidates, out var predicate, out var orDefault))
            return null;
        if (!PersonaCollections.IsCollectionOf(model.GetTypeInfo(candidates, cancellationToken).Type, types.Persona))
            return null;
        // A raw bar in the pick (`FirstOrDefault(c => Similarity(user, c) >= 0.92)`) would stay as the safest pick's
        // shortlist: only near-twins considered, and PERSONA003 silenced. Its own fix turns the bar into the check.
        if (await RawBars.DecideAsync(document, element, null, cancellationToken).ConfigureAwait(false) ||
            await HighestSimilarityPicks.ChoseAsync(document, model, element, cancellationToken).ConfigureAwait(false))
            return null;
        var nullable = orDefault || model.GetTypeInfo(element, cancellationToken).Type?.NullableAnnotation == NullableAnnotation.Annotated;

        ExpressionSyntax source = candidates.WithoutTrivia();
        if (predicate is not null)
            source = InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, source, IdentifierName("Where")),
                ArgumentList(SingletonSeparatedList(predicate.WithoutTrivia())));

        return await TargetProfiles.FirstFixAsync(document, model, element, types.Persona, cancellationToken, target =>
        {
            ExpressionSyntax replacement = Syntax.GuardCall(types.Guard, model, element.SpanStart, "SafestSubstitute", Argument(target), Argument(source));
            if (!nullable)
                replacement = Syntax.InPlaceOf(element, BinaryExpression(SyntaxKind.CoalesceExpression, replacement, target));
            return root.ReplaceNode(element, replacement.WithTriviaFrom(element).Formatted());
        }, candidates).ConfigureAwait(false);
    }

    private static bool TryGetSelection(ExpressionSyntax element, out ExpressionSyntax candidates, out ArgumentSyntax? predicate, out bool orDefault)
    {
        candidates = element;
        predicate = null;
        orDefault = false;
        switch (element)
        {
            case ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } access:
                candidates = access.Expression;
                return true;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation:
            {
                var name = member.Name.Identifier.ValueText;
                if (name is not ("First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault"))
                    return false;
                var arguments = invocation.ArgumentList.Arguments;
                if (arguments.Count > 1 || arguments.Count == 1 && arguments[0].Expression is not AnonymousFunctionExpressionSyntax)
                    return false;
                candidates = member.Expression;
                predicate = arguments.Count == 1 ? arguments[0] : null;
                orDefault = name.EndsWith("OrDefault", System.StringComparison.Ordinal);
                return true;
            }
            default:
                return false;
        }
    }
}
