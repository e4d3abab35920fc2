using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

public sealed partial class HighestSimilaritySelectionAnalyzer
{
    private sealed partial class Search
    {
        /// <summary>The head of a <c>PriorityQueue</c> of profiles prioritised by a similarity turned round (or by a
        /// distance): <c>heap.Enqueue(c, -Similarity(user, c))</c> for each candidate, then one <c>Dequeue()</c> or
        /// <c>TryDequeue(out var donor, out _)</c> — the queue is a min-heap, so its head is the most similar, the
        /// hand-written <c>MaxBy</c>. Only a single pick: a dequeue inside a loop drains a top-k (or, in a bounded heap
        /// prioritised by similarity, throws the least similar away), and a queue made with a comparer of its own may
        /// order either way.</summary>
        private void CheckPriorityQueueHead(IInvocationOperation dequeue)
        {
            if (dequeue.Instance is null || LinqShapes.Unwrap(dequeue.Instance) is not ILocalReferenceOperation { Local: var queue } ||
                !IsPriorityQueueOfProfiles(queue.Type) || dequeue.Parent is IExpressionStatementOperation || InsideLoop(dequeue) ||
                !MadeWithoutComparer(queue))
                return;
            foreach (var operation in _root.Descendants())
            {
                if (operation is not IInvocationOperation { TargetMethod.Name: "Enqueue", Arguments.Length: 2 } enqueue ||
                    enqueue.Instance is null || ScoredProfiles.SymbolOf(enqueue.Instance) is not ILocalSymbol enqueuedTo ||
                    !SymbolEqualityComparer.Default.Equals(enqueuedTo, queue) ||
                    !Scores.TryGet(enqueue.Arguments[1].Value, _symbols, out var score) || !score.IsDistance)
                    continue;
                var candidate = ScoredProfiles.SymbolOf(enqueue.Arguments[0].Value);
                Report(dequeue, "PriorityQueueHead", $"the head of a PriorityQueue ({dequeue.TargetMethod.Name})",
                    ScoredProfiles.Target(score.Expression, candidate, _symbols), candidates: null);
                return;
            }
        }

        private bool IsPriorityQueueOfProfiles(ITypeSymbol type) =>
            type is INamedTypeSymbol { Name: "PriorityQueue", TypeArguments.Length: 2, ContainingNamespace: { Name: "Generic", ContainingNamespace.Name: "Collections" } } queue &&
            _symbols.IsOrCarriesPersona(queue.TypeArguments[0]);

        /// <summary>The queue's one declaration makes it with no comparer: <c>new PriorityQueue&lt;Reader, double&gt;()</c>
        /// (or with a capacity).</summary>
        private bool MadeWithoutComparer(ILocalSymbol queue)
        {
            foreach (var operation in _root.Descendants())
            {
                if (operation is IVariableDeclaratorOperation { Symbol: var declared } declarator && SymbolEqualityComparer.Default.Equals(declared, queue))
                {
                    return declarator.Initializer?.Value is { } value && LinqShapes.Unwrap(value) is IObjectCreationOperation creation &&
                           creation.Arguments.Length <= 1 && (creation.Arguments.Length == 0 || creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Int32);
                }
            }
            return false;
        }

        /// <summary>Whether the operation runs inside a loop of this body.</summary>
        private bool InsideLoop(IOperation operation)
        {
            for (var current = operation.Parent; current is not null && current != _root; current = current.Parent)
            {
                if (current is ILoopOperation)
                    return true;
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                    return false;
            }
            return false;
        }
    }
}
