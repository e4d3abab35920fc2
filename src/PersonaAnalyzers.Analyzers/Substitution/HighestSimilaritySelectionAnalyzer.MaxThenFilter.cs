using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA002's <c>Max</c>-then-filter: the maximum score kept in a local, then the profiles whose score
/// equals it.</summary>
public sealed partial class HighestSimilaritySelectionAnalyzer
{
    private sealed partial class Search
    {
        /// <summary><c>var max = xs.Max(c =&gt; Similarity(t, c))</c> or <c>xs.Select(…).Max()</c> over profiles.</summary>
        private bool IsMaximum(IOperation value)
        {
            if (LinqShapes.Unwrap(value) is not IInvocationOperation { TargetMethod.Name: "Max" or "Min" } aggregate)
                return false;
            var lowest = aggregate.TargetMethod.Name == "Min";
            var selector = OperationBlocks.LambdaArgument(aggregate);
            var source = LinqShapes.Source(aggregate);
            if (selector is null && source is not null && LinqShapes.Unwrap(source) is IInvocationOperation { TargetMethod.Name: "Select" } select)
            {
                selector = OperationBlocks.LambdaArgument(select);
                source = LinqShapes.Source(select);
            }
            return source is not null && CarriesPersona(source) &&
                   OperationBlocks.TryGetLambda(selector, out var lambda, out var returned) &&
                   LambdaScore(lambda, returned!, out var score) && score.IsDistance == lowest;
        }

        private void CheckFilterByMaximum(IInvocationOperation filter, List<ILocalSymbol> maxima)
        {
            if (!OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(filter), out var lambda, out _))
                return;
            var lambdaScores = ScoreLocals.Collect(lambda.Body, _symbols);
            foreach (var operation in lambda.Body.Descendants())
            {
                if (operation is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.LessThanOrEqual } comparison)
                    continue;
                var (scoreSide, maxSide) = IsMaximumReference(comparison.RightOperand, maxima)
                    ? (comparison.LeftOperand, comparison.RightOperand)
                    : (comparison.RightOperand, comparison.LeftOperand);
                if (!IsMaximumReference(maxSide, maxima) || !lambdaScores.TryGet(scoreSide, _symbols, out var score))
                    continue;
                var source = LinqShapes.Source(filter);
                if (source is null || !CarriesPersona(source))
                    return;
                Report(filter, "MaxThenWhere", "Max(…) then a filter on the maximum",
                    ScoredProfiles.Target(score.Expression, Parameter(lambda), _symbols), source);
                return;
            }
        }

        private static bool IsMaximumReference(IOperation operation, List<ILocalSymbol> maxima) =>
            LinqShapes.Unwrap(operation) is ILocalReferenceOperation local && maxima.Contains(local.Local);
    }
}
