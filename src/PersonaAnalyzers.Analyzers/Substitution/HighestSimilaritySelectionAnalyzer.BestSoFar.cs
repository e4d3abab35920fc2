using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA002's best-so-far shapes: the loop (keeping the candidate or its index) and its fold,
/// <c>Aggregate</c>.</summary>
public sealed partial class HighestSimilaritySelectionAnalyzer
{
    private sealed partial class Search
    {
        /// <summary>The best-so-far written as a fold: <c>pool.Aggregate((best, c) =&gt; Similarity(u, c) &gt;
        /// Similarity(u, best) ? c : best)</c> keeps the most similar (with a distance, the nearest) candidate — also with
        /// more conditions joined by <c>&amp;&amp;</c> (<c>… &amp;&amp; !ReferenceEquals(c, u) ? c : best</c>), which only
        /// narrow the candidates the most similar is picked from.</summary>
        private void CheckAggregate(IInvocationOperation invocation)
        {
            if (!OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(invocation), out var lambda, out var returned) ||
                lambda.Symbol.Parameters.Length != 2 ||
                LinqShapes.Unwrap(returned!) is not IConditionalOperation { WhenFalse: { } whenFalse } choice)
                return;
            var (best, candidate) = (lambda.Symbol.Parameters[0], lambda.Symbol.Parameters[1]);
            var whenTrue = ParameterOf(choice.WhenTrue);
            var otherwise = ParameterOf(whenFalse);
            if (whenTrue is null || otherwise is null || SymbolEqualityComparer.Default.Equals(whenTrue, otherwise))
                return;
            var scores = ScoreLocals.Collect(lambda.Body, _symbols);
            foreach (var comparison in Conjuncts(choice.Condition))
            {
                if (CheckFoldComparison(invocation, comparison, scores, best, candidate, whenTrue))
                    return;
            }
        }

        /// <summary>The comparisons a condition joins with <c>&amp;&amp;</c> (the condition itself when it is one).</summary>
        private static IEnumerable<IBinaryOperation> Conjuncts(IOperation condition)
        {
            var unwrapped = LinqShapes.Unwrap(condition);
            if (unwrapped is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both)
                return Conjuncts(both.LeftOperand).Concat(Conjuncts(both.RightOperand));
            return unwrapped is IBinaryOperation comparison ? new[] { comparison } : Enumerable.Empty<IBinaryOperation>();
        }

        /// <summary>Reports the fold where <paramref name="comparison"/> weighs the candidate's score against the best so
        /// far's and keeps the higher (with a distance, the lower). True where the comparison is that weighing, reported
        /// or not (no other operand of the condition need be asked); false where it compares something else.</summary>
        private bool CheckFoldComparison(IInvocationOperation invocation, IBinaryOperation comparison, ScoreLocals scores, IParameterSymbol best,
            IParameterSymbol candidate, ISymbol whenTrue)
        {
            var higher = KeepsHigher(comparison.OperatorKind);
            if (higher is null || !scores.TryGet(comparison.LeftOperand, _symbols, out var left) ||
                !scores.TryGet(comparison.RightOperand, _symbols, out var right) || left.IsDistance != right.IsDistance)
                return false;
            // Which side scores the candidate and which the best so far: each mentions its own parameter only.
            bool candidateLeft;
            if (OperationBlocks.Mentions(left.Expression, candidate) && !OperationBlocks.Mentions(left.Expression, best) && OperationBlocks.Mentions(right.Expression, best))
                candidateLeft = true;
            else if (OperationBlocks.Mentions(right.Expression, candidate) && !OperationBlocks.Mentions(right.Expression, best) && OperationBlocks.Mentions(left.Expression, best))
                candidateLeft = false;
            else
                return false;
            // The candidate wins when its score is the higher one (for a distance: the lower one).
            var candidateWinsWhenHigher = (higher.Value == candidateLeft) == SymbolEqualityComparer.Default.Equals(whenTrue, candidate);
            if (candidateWinsWhenHigher == left.IsDistance)
                return true; // the least similar, or the farthest: not a nearest-neighbour pick
            var source = LinqShapes.Source(invocation);
            if (source is null || !CarriesPersona(source))
                return true;
            var score = candidateLeft ? left : right;
            Report(invocation, "Aggregate", "a best-so-far Aggregate", ScoredProfiles.Target(score.Expression, candidate, _symbols), source);
            return true;
        }

        /// <summary>The best-so-far loop: <c>if (score &gt; best) { best = score; chosen = candidate; }</c>.</summary>
        private void CheckLoop(ILoopOperation loop)
        {
            // DescendantsAndSelf: a loop without braces has the if itself as its body.
            foreach (var operation in loop.Body.DescendantsAndSelf())
            {
                if (operation is not IConditionalOperation { WhenTrue: { } whenTrue } conditional || !BestSoFar(conditional.Condition, loop, out var score))
                    continue;
                foreach (var inner in whenTrue.DescendantsAndSelf())
                {
                    if (inner is ISimpleAssignmentOperation { Value: { } chosen } assignment &&
                        LinqShapes.Unwrap(chosen) is not ILiteralOperation && _symbols.IsOrCarriesPersona(LinqShapes.Unwrap(chosen).Type) &&
                        DeclaredOutside(assignment.Target, loop))
                    {
                        var candidates = loop is IForEachLoopOperation forEach ? forEach.Collection : null;
                        Report(assignment, "Loop", "a best-so-far loop",
                            ScoredProfiles.Target(score.Expression, ScoredProfiles.SymbolOf(chosen), _symbols), candidates);
                        return;
                    }
                    if (inner is ISimpleAssignmentOperation { Value: { } index } byIndex && loop is IForLoopOperation indexed &&
                        LinqShapes.Unwrap(index) is ILocalReferenceOperation { Local: var counter } && indexed.Locals.Contains(counter, SymbolEqualityComparer.Default) &&
                        DeclaredOutside(byIndex.Target, loop) &&
                        // A score read from a buffer indexes the pool by the loop that filled the buffer.
                        (FillCounter(score.Expression) ?? counter) is var indexedBy && IndexedProfiles(score.Expression, indexedBy) is { } pool &&
                        LinqShapes.Unwrap(byIndex.Target) is ILocalReferenceOperation { Local: var kept } && TakesElementBy(pool, kept))
                    {
                        // for (var i = 0; …) { if (score > best) { best = score; bestIndex = i; } } … pool[bestIndex]
                        Report(byIndex, "Loop", "a best-so-far loop", TargetBesides(score.Expression, indexedBy), pool);
                        return;
                    }
                }
            }
        }

        /// <summary>Whether the body takes an element of <paramref name="pool"/> by the kept index: <c>pool[bestIndex]</c>.
        /// An index that only leaves the body — a nearest-centroid assignment returning a segment number — picks no
        /// profile here.</summary>
        private bool TakesElementBy(IOperation pool, ILocalSymbol kept)
        {
            if (ScoredProfiles.SymbolOf(pool) is not { } poolVariable)
                return false;
            foreach (var operation in _root.Descendants())
            {
                var (collection, index) = ElementAccess(operation);
                if (collection is not null && LinqShapes.Unwrap(index!) is ILocalReferenceOperation reference &&
                    SymbolEqualityComparer.Default.Equals(reference.Local, kept) &&
                    SymbolEqualityComparer.Default.Equals(ScoredProfiles.SymbolOf(collection), poolVariable))
                    return true;
            }
            return false;
        }

        /// <summary>The collection and index of <c>xs[i]</c> (an array element or a one-argument indexer).</summary>
        private static (IOperation? Collection, IOperation? Index) ElementAccess(IOperation operation) => operation switch
        {
            IArrayElementReferenceOperation { Indices.Length: 1 } element => (element.ArrayReference, element.Indices[0]),
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance, Arguments.Length: 1 } indexer => (instance, indexer.Arguments[0].Value),
            _ => (null, null),
        };

        /// <summary>The collection of profiles the score reads by the loop's counter: <c>pool</c> in
        /// <c>Similarity(user, pool[i])</c>.</summary>
        private IOperation? IndexedProfiles(IOperation score, ILocalSymbol counter)
        {
            foreach (var operation in score.DescendantsAndSelf())
            {
                var (collection, index) = ElementAccess(operation);
                if (collection is not null && LinqShapes.Unwrap(index!) is ILocalReferenceOperation reference &&
                    SymbolEqualityComparer.Default.Equals(reference.Local, counter) && CarriesPersona(collection))
                    return collection;
            }
            return null;
        }

        /// <summary>The profile the score compares the indexed candidate with: its persona argument that does not read
        /// the counter.</summary>
        private IOperation? TargetBesides(IOperation score, ILocalSymbol counter)
        {
            foreach (var operation in score.DescendantsAndSelf())
            {
                if (operation is not IArgumentOperation argument || !_symbols.IsOrCarriesPersona(LinqShapes.Unwrap(argument.Value).Type))
                    continue;
                if (!OperationBlocks.Mentions(argument.Value, counter))
                    return LinqShapes.Unwrap(argument.Value);
            }
            return null;
        }

        /// <summary>The condition compares a fresh score with a bar the loop raises (<c>best = score</c>).</summary>
        private bool BestSoFar(IOperation condition, ILoopOperation loop, out ScoreLocals.Score score)
        {
            score = default;
            foreach (var operation in condition.DescendantsAndSelf())
            {
                if (operation is not IBinaryOperation comparison || KeepsHigher(comparison.OperatorKind) is not { } higher)
                    continue;
                if (IsFreshScoreAgainstBar(comparison.LeftOperand, comparison.RightOperand, loop, out score) && higher != score.IsDistance)
                    return true;
                if (IsFreshScoreAgainstBar(comparison.RightOperand, comparison.LeftOperand, loop, out score) && higher == score.IsDistance)
                    return true;
            }
            return false;
        }

        /// <summary>Whether a comparison is true when its left side is the higher (<c>&gt;</c>, <c>&gt;=</c>) or the lower
        /// (<c>&lt;</c>, <c>&lt;=</c>); null for any other operator.</summary>
        private static bool? KeepsHigher(BinaryOperatorKind kind) => kind switch
        {
            BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual => true,
            BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual => false,
            _ => null,
        };

        private bool IsFreshScoreAgainstBar(IOperation current, IOperation bar, ILoopOperation loop, out ScoreLocals.Score score)
        {
            if (!(Scores.TryGet(current, _symbols, out score) && !score.Derived || BufferedScore(current, out score)) || RootLocal(bar) is not { } barLocal)
                return false;
            foreach (var operation in loop.Body.Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } &&
                    SymbolEqualityComparer.Default.Equals(target.Local, barLocal))
                    return true;
            }
            return false;
        }

        /// <summary><c>similarities[i]</c> (or a local holding it) of a buffer the body fills with the pool's scores —
        /// <c>similarities[j] = Similarity(user, pool[j]);</c> in a loop, into an array or a <c>stackalloc</c> span: the
        /// score is the one the buffer was filled with (<see cref="FillCounter"/> gives its index).</summary>
        private bool BufferedScore(IOperation read, out ScoreLocals.Score score)
        {
            score = default;
            var value = LinqShapes.Unwrap(read);
            if (value is ILocalReferenceOperation local && SingleValueOf(local.Local) is { } held)
                value = LinqShapes.Unwrap(held);
            var (buffer, index) = ElementAccess(value);
            if (buffer is null || RootLocal(buffer) is not { } bufferLocal || LinqShapes.Unwrap(index!) is not ILocalReferenceOperation)
                return false;
            foreach (var operation in _root.Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Value: var filled } fill && FillCounter(filled) is not null &&
                    SymbolEqualityComparer.Default.Equals(RootLocal(ElementAccess(LinqShapes.Unwrap(fill.Target)).Collection!), bufferLocal) &&
                    Scores.TryGet(filled, _symbols, out score) && !score.Derived)
                    return true;
            }
            return false;
        }

        /// <summary>The index <c>j</c> of <c>buffer[j] = score</c> where <paramref name="score"/> is that assignment's value.</summary>
        private static ILocalSymbol? FillCounter(IOperation score) =>
            score.Parent is ISimpleAssignmentOperation fill && fill.Value == score &&
            ElementAccess(LinqShapes.Unwrap(fill.Target)) is ({ }, { } index) && LinqShapes.Unwrap(index) is ILocalReferenceOperation counter
                ? counter.Local
                : null;

        /// <summary><c>best</c> in <c>best</c>, <c>best.Score</c>, <c>best.Value.Similarity</c>.</summary>
        private static ILocalSymbol? RootLocal(IOperation operation)
        {
            while (true)
            {
                switch (LinqShapes.Unwrap(operation))
                {
                    case ILocalReferenceOperation local:
                        return local.Local;
                    case IMemberReferenceOperation { Instance: { } instance }:
                        operation = instance;
                        continue;
                    default:
                        return null;
                }
            }
        }

        private static bool DeclaredOutside(IOperation target, ILoopOperation loop)
        {
            switch (LinqShapes.Unwrap(target))
            {
                case ILocalReferenceOperation local:
                    foreach (var reference in local.Local.DeclaringSyntaxReferences)
                    {
                        if (loop.Body.Syntax.Span.Contains(reference.Span))
                            return false;
                    }
                    return true;
                case IFieldReferenceOperation or IPropertyReferenceOperation:
                    return true;
                default:
                    return false;
            }
        }
    }
}
