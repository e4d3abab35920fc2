using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA001: an element read again by the same index — <c>if (!Check(user, peers[i])) continue;
/// Use(peers[i]);</c> — is the same element, so the check of the first read covers the second. Only when the first read
/// runs before the second on every path (it dominates it) and neither the collection nor the index can be written
/// between them; otherwise each read is an element of its own. The same holds for an enumerator's <c>Current</c> read
/// again (<c>while (e.MoveNext()) { if (!Check(user, e.Current)) continue; Use(e.Current); }</c>), where moving the
/// enumerator on (<c>MoveNext</c>, <c>Reset</c>) counts as writing it.</summary>
internal sealed partial class SubstituteFlowGraph
{
    /// <summary>The origin of an earlier read of the same element as <paramref name="element"/> at
    /// <paramref name="statement"/>; null when there is none.</summary>
    private SubstituteOrigin? EarlierReadOfSameElement(IOperation element, Statement statement)
    {
        if (TryIndexed(element, out var collection, out var index))
        {
            foreach (var (origin, at) in _origins)
            {
                if (origin.Construct != "Element" || ReferenceEquals(origin.Operation, element) ||
                    !TryIndexed(origin.Operation, out var earlierCollection, out var earlierIndex) ||
                    !SymbolEqualityComparer.Default.Equals(earlierCollection, collection) || !SameIndex(earlierIndex, index))
                    continue;
                if (RunsFirst(at, statement) && !WrittenBetween(at, statement, collection, ScoredProfiles.SymbolOf(index)))
                    return origin;
            }
        }
        else if (CurrentOf(element) is { } enumerator)
        {
            foreach (var (origin, at) in _origins)
            {
                if (origin.Construct != "ForEach" || ReferenceEquals(origin.Operation, element) ||
                    !SymbolEqualityComparer.Default.Equals(CurrentOf(origin.Operation), enumerator))
                    continue;
                if (RunsFirst(at, statement) && !WrittenBetween(at, statement, enumerator, index: null))
                    return origin;
            }
        }
        return null;
    }

    /// <summary>The enumerator variable (a local, a parameter or a field) whose <c>Current</c> <paramref name="operation"/>
    /// reads; null for anything else — a <c>foreach</c> reads <c>Current</c> of an enumerator no variable holds.</summary>
    private static ISymbol? CurrentOf(IOperation operation) =>
        LinqShapes.Unwrap(operation) is IPropertyReferenceOperation { Property.Name: "Current", Instance: { } instance }
            ? ScoredProfiles.SymbolOf(instance)
            : null;

    /// <summary><c>peers[i]</c>, <c>peers[0]</c> on a list or an array held by a local, a parameter or a field.</summary>
    private static bool TryIndexed(IOperation operation, out ISymbol? collection, out IOperation index)
    {
        (collection, index) = LinqShapes.Unwrap(operation) switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance, Arguments: [var argument] } =>
                (ScoredProfiles.SymbolOf(instance), argument.Value),
            IArrayElementReferenceOperation { ArrayReference: var array, Indices: [var position] } => (ScoredProfiles.SymbolOf(array), position),
            _ => (null, null!),
        };
        return collection is not null && (ScoredProfiles.SymbolOf(index) is ILocalSymbol or IParameterSymbol || index.ConstantValue.HasValue);
    }

    private static bool SameIndex(IOperation first, IOperation second) =>
        ScoredProfiles.SymbolOf(first) is { } variable
            ? SymbolEqualityComparer.Default.Equals(variable, ScoredProfiles.SymbolOf(second))
            : first.ConstantValue.HasValue && second.ConstantValue.HasValue && Equals(first.ConstantValue.Value, second.ConstantValue.Value);

    /// <summary>Every path from the graph's entry to <paramref name="second"/> passes <paramref name="first"/>.</summary>
    private bool RunsFirst(Statement first, Statement second)
    {
        if (first.Block == second.Block)
            return first.Index < second.Index;
        // From just before the entry's first statement: second cannot be reached without running first.
        var entry = _graph.Blocks[0];
        return !StatementReaches(new Statement(entry, -1, null, first: -1), second, avoiding: first);
    }

    /// <summary>Some statement that writes the collection or the index lies on a path from <paramref name="first"/> to
    /// <paramref name="second"/> (one that does not run <paramref name="first"/> again, which reads afresh).</summary>
    private bool WrittenBetween(Statement first, Statement second, ISymbol? collection, ISymbol? index)
    {
        foreach (var write in Writes(collection, index))
        {
            if (StatementReaches(first, write, avoiding: first) && StatementReaches(write, second, avoiding: first))
                return true;
        }
        return false;
    }

    private IEnumerable<Statement> Writes(ISymbol? collection, ISymbol? index)
    {
        for (var i = 0; i < _all.Count; i++)
        {
            var written = _all.Operation(i) switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation step => step.Target,
                IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument => argument.Value,
                // An enumerator moved on holds another element.
                IInvocationOperation { TargetMethod.Name: "MoveNext" or "MoveNextAsync" or "Reset", Instance: { } moved } => moved,
                _ => null,
            };
            if (written is not null && ScoredProfiles.SymbolOf(written) is { } symbol &&
                (SymbolEqualityComparer.Default.Equals(symbol, collection) || SymbolEqualityComparer.Default.Equals(symbol, index)))
                yield return _all.StatementOf(i);
        }
    }

    /// <summary>A path from just after <paramref name="from"/> to <paramref name="to"/> that does not pass
    /// <paramref name="avoiding"/>. (<see cref="PathExists"/> walks the same way for one origin, with its checks.)</summary>
    private bool StatementReaches(Statement from, Statement to, Statement avoiding)
    {
        var visited = new bool[_graph.Blocks.Length];
        var pending = new Stack<(BasicBlock Block, int From)>();
        pending.Push((from.Block, from.Index + 1));
        while (pending.Count > 0)
        {
            var (block, start) = pending.Pop();
            var count = block.Operations.Length + (block.BranchValue is null ? 0 : 1);
            var stopped = false;
            for (var i = start; i < count; i++)
            {
                if (block == to.Block && i == to.Index)
                    return true;
                if (block == avoiding.Block && i == avoiding.Index)
                {
                    stopped = true;
                    break;
                }
            }
            if (stopped)
                continue;
            Push(block.ConditionalSuccessor?.Destination);
            Push(block.FallThroughSuccessor?.Destination);
        }
        return false;

        void Push(BasicBlock? next)
        {
            if (next is null || visited[next.Ordinal])
                return;
            visited[next.Ordinal] = true;
            pending.Push((next, 0));
        }
    }
}
