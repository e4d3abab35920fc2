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
        private bool IsMaximum(IOperation value) =>
            LinqShapes.Unwrap(value) is IInvocationOperation { TargetMethod.Name: "Max" or "Min" } aggregate &&
            IsBestScore(aggregate, LinqShapes.Source(aggregate), out _, out _, out _);

        /// <summary>The highest similarity (<c>Max</c>) or lowest distance (<c>Min</c>) of some profiles: scored by the
        /// aggregate's own selector (<c>xs.Max(c =&gt; Similarity(t, c))</c>) or, without one, by the projection that
        /// made <paramref name="scores"/> (<c>xs.Select(c =&gt; Similarity(t, c))</c>). Gives the scoring lambda, its
        /// score and the profiles scored.</summary>
        private bool IsBestScore(IInvocationOperation aggregate, IOperation? scores, out IAnonymousFunctionOperation lambda,
            out ScoreLocals.Score score, out IOperation? profiles)
        {
            var selector = OperationBlocks.LambdaArgument(aggregate);
            profiles = scores;
            if (selector is null && scores is not null && LinqShapes.Unwrap(scores) is IInvocationOperation { TargetMethod.Name: "Select" } select)
            {
                selector = OperationBlocks.LambdaArgument(select);
                profiles = LinqShapes.Source(select);
            }
            score = default;
            return OperationBlocks.TryGetLambda(selector, out lambda, out var returned) &&
                   profiles is not null && CarriesPersona(profiles) &&
                   LambdaScore(lambda, returned!, out score) && score.IsDistance == (aggregate.TargetMethod.Name == "Min");
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
