using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PersonaAnalyzers.CodeFixes.Common;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PersonaAnalyzers.CodeFixes.Substitution;

/// <summary>PERSONA002's max-then-filter:
/// <code>
/// var max = pool.Max(c =&gt; ReaderGuard.Similarity(user, c));
/// var best = pool.Where(c =&gt; ReaderGuard.Similarity(user, c) == max).FirstOrDefault();
/// </code>
/// becomes <c>var best = ReaderGuard.SafestSubstitute(user, pool);</c>, and <c>max</c> goes when nothing else reads it.
/// Also <c>Select(…).Max()</c>, <c>Min</c> over a distance, <c>First</c>/<c>Single</c>(<c>OrDefault</c>) with the
/// predicate or after <c>Where</c>, and <c>List.Find</c>. Rewritten only when the filter compares the same score over
/// the same collection with the maximum (<c>==</c>, or <c>&gt;=</c> the maximum) and nothing else; a non-nullable
/// <c>First()</c>/<c>Single()</c> falls back to the target (<c>?? user</c>), as the MaxBy fix does.</summary>
internal static class MaxThenFilterSelection
{
    private static readonly string[] Takers = { "First", "FirstOrDefault", "Single", "SingleOrDefault" };

    public static SyntaxNode? Rewrite(SyntaxNode root, SemanticModel model, SyntaxNode node, GuardTypes types, CancellationToken cancellationToken)
    {
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax filterAccess, ArgumentList.Arguments: [var predicate] } filter)
            return null;
        var filterName = filterAccess.Name.Identifier.ValueText;
        InvocationExpressionSyntax selection;
        string taker;
        if (filterName == "Where" && filter.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } then } next &&
            next.Expression == filter && Takers.Contains(next.Name.Identifier.ValueText))
        {
            selection = then;
            taker = next.Name.Identifier.ValueText;
        }
        else if (Takers.Contains(filterName) || filterName == "Find")
        {
            selection = filter;
            taker = filterName;
        }
        else
        {
            return null;
        }
        var candidates = filterAccess.Expression;
        if (!PersonaCollections.IsCollectionOf(model.GetTypeInfo(candidates, cancellationToken).Type, types.Persona) ||
            !Lambda(predicate.Expression, out var parameter, out var test) ||
            Syntax.Unparenthesized(test) is not BinaryExpressionSyntax comparison)
            return null;

        foreach (var (scoreSide, maxSide, maxOnRight) in new[] { (comparison.Left, comparison.Right, true), (comparison.Right, comparison.Left, false) })
        {
            if (Syntax.Unparenthesized(maxSide) is not IdentifierNameSyntax maxName ||
                model.GetSymbolInfo(maxName, cancellationToken).Symbol is not ILocalSymbol max ||
                Aggregate(max, cancellationToken) is not { } aggregate ||
                !Compares(comparison.Kind(), maxOnRight, aggregate.Highest) ||
                !AreEquivalent(aggregate.Source, candidates) ||
                !AreEquivalent(Renamed(aggregate.Score, aggregate.Parameter, parameter), Syntax.Unparenthesized(scoreSide)) ||
                ScoreCalls.Read(model, scoreSide, parameter, types.Persona, cancellationToken) is not { } call ||
                Syntax.Mentions(call.Target, max.Name))
                continue;
            // All of the tree: the filter may sit in a lambda and max be read outside it.
            var references = Statements.References(model, root, max, cancellationToken).ToList();
            if (references.Any(r => r.Parent is AssignmentExpressionSyntax assignment && assignment.Left == r))
                return null;

            ExpressionSyntax replacement = Syntax.GuardCall(types.Guard, model, selection.SpanStart, "SafestSubstitute",
                Argument(call.Target.WithoutTrivia()), Argument(candidates.WithoutTrivia()));
            var nullable = taker.EndsWith("OrDefault", System.StringComparison.Ordinal) || taker == "Find" ||
                           model.GetTypeInfo(selection, cancellationToken).Type?.NullableAnnotation == NullableAnnotation.Annotated;
            if (!nullable)
                replacement = Syntax.InPlaceOf(selection, BinaryExpression(SyntaxKind.CoalesceExpression, replacement, call.Target.WithoutTrivia()));

            // max goes with the filter when nothing else reads it.
            var maxDeclaration = references.All(r => selection.Span.Contains(r.Span)) ? Statements.SoleDeclaration(max, cancellationToken) : null;
            var tracked = root.TrackNodes(maxDeclaration is null ? new SyntaxNode[] { selection } : new SyntaxNode[] { selection, maxDeclaration });
            var newRoot = tracked.ReplaceNode(tracked.GetCurrentNode(selection)!, replacement.WithTriviaFrom(selection).Formatted());
            return maxDeclaration is null ? newRoot : Remove(newRoot, newRoot.GetCurrentNode(maxDeclaration)!);
        }
        return null;
    }

    /// <summary>The maximum's (or minimum's) selector and collection: <c>xs.Max(c =&gt; s)</c> or <c>xs.Select(c =&gt; s).Max()</c>.</summary>
    private static (ExpressionSyntax Source, string Parameter, ExpressionSyntax Score, bool Highest)? Aggregate(ILocalSymbol local, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var value } ||
            Syntax.Unparenthesized(value) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Max" or "Min" } access } aggregate)
            return null;
        var highest = access.Name.Identifier.ValueText == "Max";
        var arguments = aggregate.ArgumentList.Arguments;
        if (arguments.Count == 1 && Lambda(arguments[0].Expression, out var parameter, out var score))
            return (access.Expression, parameter, score, highest);
        if (arguments.Count == 0 &&
            access.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Select" } select, ArgumentList.Arguments: [var selector] } &&
            Lambda(selector.Expression, out parameter, out score))
            return (select.Expression, parameter, score, highest);
        return null;
    }

    /// <summary><c>== max</c> either way round; <c>score &gt;= max</c> (<c>max &lt;= score</c>) for a maximum, the
    /// opposite for a minimum.</summary>
    private static bool Compares(SyntaxKind kind, bool maxOnRight, bool highest) => kind switch
    {
        SyntaxKind.EqualsExpression => true,
        SyntaxKind.GreaterThanOrEqualExpression => maxOnRight == highest,
        SyntaxKind.LessThanOrEqualExpression => maxOnRight != highest,
        _ => false,
    };

    private static bool Lambda(ExpressionSyntax expression, out string parameter, out ExpressionSyntax body)
    {
        (parameter, body) = expression switch
        {
            SimpleLambdaExpressionSyntax { ExpressionBody: { } simpleBody } simple => (simple.Parameter.Identifier.ValueText, simpleBody),
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: [var only], ExpressionBody: { } parenthesizedBody } => (only.Identifier.ValueText, parenthesizedBody),
            _ => ("", null!),
        };
        return body is not null;
    }

    /// <summary>The selector's score written with the filter's parameter name, to compare the two.</summary>
    private static ExpressionSyntax Renamed(ExpressionSyntax score, string from, string to)
    {
        var uses = score.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .Where(id => id.Identifier.ValueText == from && !(id.Parent is MemberAccessExpressionSyntax member && member.Name == id));
        return Syntax.Unparenthesized(score.ReplaceNodes(uses, (_, rewritten) => IdentifierName(to).WithTriviaFrom(rewritten)));
    }

    private static SyntaxNode Remove(SyntaxNode root, StatementSyntax declaration)
    {
        var block = (BlockSyntax)declaration.Parent!;
        var index = block.Statements.IndexOf(declaration);
        var statements = block.Statements;
        if (index + 1 < statements.Count)
            statements = statements.Replace(statements[index + 1], Statements.WithCommentsOf(statements[index + 1], statements[index + 1], new[] { declaration }));
        return root.ReplaceNode(block, block.WithStatements(statements.RemoveAt(index)));
    }
}
