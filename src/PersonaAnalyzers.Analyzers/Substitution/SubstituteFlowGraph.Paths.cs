using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA001's checks and paths: whether a use is reached from where the substitute is obtained on a path that
/// no check decides — through flow captures' definitions, and with the safe way of the guard's own checks known.</summary>
internal sealed partial class SubstituteFlowGraph
{
    private Use? FirstUncheckedUse(SubstituteOrigin origin, Statement start)
    {
        OriginFacts? facts = null;
        foreach (var (useOrigin, use) in Uses())
        {
            if (!ReferenceEquals(useOrigin, origin))
                continue;
            facts ??= Facts(origin); // at the first use: an origin without one needs no facts
            if (facts.Decides(use.Statement.First))
                continue; // the verdict travels with the use: Blend(neighbour, verdict.Confidence)
            if (ReachesValue(origin, facts, start, use.Operation, use.Statement, depth: 0))
                return use;
        }
        return null;
    }

    /// <summary>Whether the origin reaches a use of <paramref name="value"/> at <paramref name="at"/> on a path with no
    /// check. A flow capture's value is reached through the capture's definitions that carry the origin: <c>return
    /// Check(user, twin) ? twin : user;</c> lowers to a capture of <c>twin</c> on the checked way, of <c>user</c> on the
    /// other, and a return of the capture after the two ways meet — the substitute reaches the return only through the
    /// checked way.
    /// Nested conditionals are followed a few captures deep.</summary>
    private bool ReachesValue(SubstituteOrigin origin, OriginFacts facts, Statement start, IOperation value, Statement at, int depth)
    {
        if (depth <= 4 && LinqShapes.Unwrap(value) is ILocalReferenceOperation local)
            return ReachesLocal(origin, facts, start, local.Local, at, depth);
        if (depth > 4 || LinqShapes.Unwrap(value) is not IFlowCaptureReferenceOperation reference)
            return Reaches(origin, facts, start, at);
        var carried = false;
        for (var i = _all.NextCaptureDefinition(reference.Id, -1); i >= 0; i = _all.NextCaptureDefinition(reference.Id, i))
        {
            var capture = (IFlowCaptureOperation)_all.Operation(i);
            if (!Carries(capture.Value, origin))
                continue;
            carried = true;
            if (ReachesValue(origin, facts, start, capture.Value, _all.StatementOf(i), depth + 1))
                return true;
        }
        // No definition carries it (a capture taken in an enclosing graph): judge the use where it is.
        return !carried && Reaches(origin, facts, start, at);
    }

    /// <summary>A local that received the substitute by assignment holds it only after an assignment that carried it:
    /// <c>twin ??= (FindNearest(user) is { } s &amp;&amp; TrySubstitute(user, s, out _) ? s : null)</c> assigns it only on
    /// the checked way, and a path to the use through the other way carries no substitute in <c>twin</c>. So the use is
    /// reached when some carrying assignment's value is, and the use itself is (a check may also stand between the
    /// assignment and the use). A local given the substitute otherwise (an <c>out</c> argument, a pattern) is judged
    /// where it is used.</summary>
    private bool ReachesLocal(SubstituteOrigin origin, OriginFacts facts, Statement start, ILocalSymbol local, Statement at, int depth)
    {
        var carried = false;
        var reached = false;
        foreach (var i in _all.PositionsOf(OperationKind.SimpleAssignment))
        {
            var assignment = (ISimpleAssignmentOperation)_all.Operation(i);
            if (_all.WrittenBy(assignment) is not ILocalReferenceOperation written || !SymbolEqualityComparer.Default.Equals(written.Local, local) ||
                !Carries(assignment.Value, origin))
                continue;
            carried = true;
            if (ReachesValue(origin, facts, start, assignment.Value, _all.StatementOf(i), depth + 1))
            {
                reached = true;
                break;
            }
        }
        return (!carried || reached) && Reaches(origin, facts, start, at);
    }

    private bool Carries(IOperation value, SubstituteOrigin origin)
    {
        foreach (var taint in TaintsOf(value))
        {
            if (ReferenceEquals(taint.Origin, origin))
                return true;
        }
        return false;
    }

    private bool Reaches(SubstituteOrigin origin, OriginFacts facts, Statement start, Statement target)
    {
        var redefinition = DefinedAt(origin);
        // A branch on the check decides the use when only one of its two ways can reach it.
        var deciding = _decidingBlocks ??= new bool[_graph.Blocks.Length];
        Array.Clear(deciding, 0, deciding.Length);
        foreach (var block in facts.DecidedBlocks)
        {
            var whenTrue = block.ConditionalSuccessor?.Destination;
            var whenFalse = block.FallThroughSuccessor?.Destination;
            var reachesTrue = whenTrue is not null && PathExists(whenTrue, 0, target, redefinition, facts, deciding: null);
            var reachesFalse = whenFalse is not null && PathExists(whenFalse, 0, target, redefinition, facts, deciding: null);
            // Where the check's answer says which way is safe, the use must sit on that way: `if (verdict.IsSafe)
            // return user; return twin;` uses the substitute exactly when it is unsafe.
            if (reachesTrue != reachesFalse && SafeWayIsConditional(block) != !reachesTrue)
                deciding[block.Ordinal] = true;
        }
        return PathExists(start.Block, start.Index, target, redefinition, facts, deciding);
    }

    /// <summary>The answers whose sense is known — true when the pair is safe: a verdict's <c>IsSafe</c> and the guard's
    /// <c>TrySubstitute(…)</c>. Judged on operations here and on syntax in a filtering predicate (<see cref="Gates"/>).</summary>
    private const string SafeVerdict = "IsSafe", SafeCheck = "TrySubstitute";

    /// <summary>Whether the safe way of a branch on a check is its conditional successor (true) or its fall-through
    /// (false); null when the branch value's meaning is not known. Known: the guard's <c>TrySubstitute(…)</c> and a
    /// verdict's <c>IsSafe</c>, true when safe, under any number of <c>!</c>.</summary>
    private static bool? SafeWayIsConditional(BasicBlock block)
    {
        var value = block.BranchValue is null ? null : LinqShapes.Unwrap(block.BranchValue);
        var safeWhen = true;
        while (value is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            safeWhen = !safeWhen;
            value = LinqShapes.Unwrap(not.Operand);
        }
        var known = value switch
        {
            IPropertyReferenceOperation { Property.Name: SafeVerdict, Type.SpecialType: SpecialType.System_Boolean } => true,
            IInvocationOperation { TargetMethod.Name: SafeCheck, Type.SpecialType: SpecialType.System_Boolean } => true,
            _ => false,
        };
        if (!known)
            return null;
        // The conditional successor is taken when the branch value equals the condition kind's sense.
        return (block.ConditionKind == ControlFlowConditionKind.WhenTrue) == safeWhen;
    }

    /// <summary>Where this graph obtains <paramref name="origin"/>; null for one captured from an enclosing graph.</summary>
    private Statement? DefinedAt(SubstituteOrigin origin)
    {
        foreach (var (defined, statement) in _origins)
        {
            if (ReferenceEquals(defined, origin))
                return statement;
        }
        return null;
    }

    /// <summary>A path from (<paramref name="startBlock"/>, <paramref name="startIndex"/>) to the target statement that
    /// passes no barrier check and no deciding branch (by block ordinal), and does not run the origin's statement again
    /// (which obtains a fresh substitute: the next <c>foreach</c> element).</summary>
    private bool PathExists(BasicBlock startBlock, int startIndex, Statement target, Statement? redefinition, OriginFacts facts,
        bool[]? deciding)
    {
        // Searches in one graph never nest, so they share one visited array and one stack.
        var visited = _visited ??= new bool[_graph.Blocks.Length];
        Array.Clear(visited, 0, visited.Length);
        var stack = _pending ??= new Stack<(BasicBlock Block, int From)>();
        stack.Clear();
        stack.Push((startBlock, startIndex));
        var first = true;
        while (stack.Count > 0)
        {
            var (block, from) = stack.Pop();
            var stopped = false;
            var count = block.Operations.Length + (block.BranchValue is null ? 0 : 1);
            for (var i = from; i < count; i++)
            {
                if (block == target.Block && i == target.Index)
                    return true;
                if (redefinition is { } origin && block == origin.Block && i == origin.Index && !(first && i == startIndex))
                {
                    stopped = true;
                    break;
                }
                if (facts.IsBarrier(_all.StatementAt(block, i).First))
                {
                    stopped = true;
                    break;
                }
            }
            first = false;
            if (stopped || (deciding is not null && deciding[block.Ordinal]))
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
            stack.Push((next, 0));
        }
    }
}
