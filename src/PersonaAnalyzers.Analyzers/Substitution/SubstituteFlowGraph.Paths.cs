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
    private Use? FirstUncheckedUse(SubstituteOrigin origin, Statement start, UseKind? only = null)
    {
        OriginFacts? facts = null, wholeFacts = null;
        foreach (var (useOrigin, use) in Uses())
        {
            if (!ReferenceEquals(useOrigin, origin) || only is { } kind && use.Kind != kind)
                continue;
            facts ??= Facts(origin); // at the first use: an origin without one needs no facts
            if (UncheckedOn(facts, use))
                return use;
            // A check of one element (ns[0], a list pattern's first) covers that element, not the rest of the collection:
            // a use of the whole is judged again by the checks of the whole. Rare, so built only then.
            if (use.Whole && facts.ChecksAnElementOnly && UncheckedOn(wholeFacts ??= WholeFacts(origin), use))
                return use;
        }
        return null;

        bool UncheckedOn(OriginFacts known, Use use) =>
            // The verdict travels with the use: Blend(neighbour, verdict.Confidence).
            !known.Decides(use.Statement.First) &&
            (use.Kind == UseKind.Capture ? CaptureReaches(origin, known, start, use.Statement, use.Operation) : ReachesValue(origin, known, start, use.Operation, use.Statement, depth: 0));
    }

    private OriginFacts WholeFacts(SubstituteOrigin origin)
    {
        var facts = new OriginFacts(this, wholeOnly: true);
        facts.Compute(origin);
        return facts;
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
        // (twin, score): the substitute is in the tuple where an element carries it — judged as that element.
        if (depth <= 4 && LinqShapes.Unwrap(value) is ITupleOperation tuple)
        {
            var inElement = false;
            foreach (var element in tuple.Elements)
            {
                if (!Carries(element, origin))
                    continue;
                inElement = true;
                if (ReachesValue(origin, facts, start, element, at, depth + 1))
                    return true;
            }
            if (inElement)
                return false;
        }
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

    /// <summary>A lambda or local function that uses what it captured, created or called at <paramref name="at"/>: the
    /// substitute reaches it through the locals of this graph that hold it, each judged as a read of that local there (a
    /// local given the user's own profile on the unsafe way holds no substitute past that).</summary>
    private bool CaptureReaches(SubstituteOrigin origin, OriginFacts facts, Statement start, Statement at, IOperation site)
    {
        var held = false;
        var captured = CapturedLocals(site);
        foreach (var pair in _locals)
        {
            if (!Holds(pair.Value, origin) || captured is not null && !captured.Contains(pair.Key))
                continue;
            held = true;
            if (ReachesLocal(origin, facts, start, pair.Key, at, depth: 0))
                return true;
        }
        return !held && Reaches(origin, facts, start, at);
    }

    /// <summary>The locals of this graph that the lambda created, or the local function called, at <paramref name="site"/>
    /// reads: <c>var voice = Lookup(user) is { } s &amp;&amp; TrySubstitute(user, s, out _) ? s : user; Task.Run(() =&gt;
    /// Use(voice))</c> captures <c>voice</c>, not <c>s</c> (probe 11b, repro 02). Null — every local that holds the
    /// substitute — where the inner code reaches further through a lambda or local function of its own.</summary>
    private HashSet<ILocalSymbol>? CapturedLocals(IOperation site)
    {
        SubstituteFlowGraph? inner = null;
        if (site is IFlowAnonymousFunctionOperation lambda)
            _lambdas?.TryGetValue(lambda, out inner);
        else if (site is IInvocationOperation { TargetMethod: { MethodKind: MethodKind.LocalFunction } called })
            _localFunctions?.TryGetValue(called.OriginalDefinition, out inner);
        if (inner is null || inner._lambdas is not null || inner._localFunctions is not null || !inner._all.PositionsOf(OperationKind.FlowAnonymousFunction).IsEmpty)
            return null;
        var read = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (var i in inner._all.PositionsOf(OperationKind.Invocation))
        {
            if (((IInvocationOperation)inner._all.Operation(i)).TargetMethod.MethodKind == MethodKind.LocalFunction)
                return null; // a sibling local function may read what this one does not
        }
        foreach (var i in inner._all.PositionsOf(OperationKind.LocalReference))
            read.Add(((ILocalReferenceOperation)inner._all.Operation(i)).Local);
        return read;
    }

    /// <summary>A local that received the substitute by assignment holds it only after an assignment that carried it,
    /// and only until the next assignment to it: <c>twin ??= (FindNearest(user) is { } s &amp;&amp; TrySubstitute(user, s,
    /// out _) ? s : null)</c> assigns it only on the checked way; <c>if (!IsSafe(user, twin)) twin = user;</c> and
    /// <c>twin = IsSafe(user, twin) ? twin : user;</c> replace it on the unsafe way; and on the way where a test found the
    /// local null (<c>if (twin != null &amp;&amp; !IsSafe(user, twin)) twin = null;</c>) it holds no substitute either. So the
    /// use is reached when some carrying assignment is reached without a check and, from there, the use is reached
    /// without a check, another assignment to the local, or the local's null way. A local given the substitute
    /// otherwise (an <c>out</c> argument, a pattern) is judged where it is used.</summary>
    private bool ReachesLocal(SubstituteOrigin origin, OriginFacts facts, Statement start, ILocalSymbol local, Statement at, int depth)
    {
        List<Statement>? reached = null;
        var carried = false;
        var writes = new List<Statement>();
        foreach (var i in _all.PositionsOf(OperationKind.SimpleAssignment))
        {
            var assignment = (ISimpleAssignmentOperation)_all.Operation(i);
            if (_all.WrittenBy(assignment) is not ILocalReferenceOperation written || !SymbolEqualityComparer.Default.Equals(written.Local, local))
                continue;
            var statement = _all.StatementOf(i);
            writes.Add(statement);
            if (!Carries(assignment.Value, origin))
                continue;
            carried = true;
            if (ReachesValue(origin, facts, start, assignment.Value, statement, depth + 1))
                (reached ??= new()).Add(statement);
        }
        if (!carried && writes.Count == 0 && ReachesPatternCopy(origin, facts, start, local, at, depth) is { } copied)
            return copied;
        if (!carried)
            return writes.Count == 0 ? Reaches(origin, facts, start, at) : ReachesReceived(origin, facts, start, local, at, writes);
        if (reached is null)
            return false;
        foreach (var assigned in reached)
        {
            if (Reaches(origin, facts, assigned, at, new LocalValue(local, writes, assigned)))
                return true;
        }
        return false;
    }

    /// <summary>A local given the substitute otherwise than by assignment — deconstructed (<c>var (twin, score) = …</c>),
    /// declared by a pattern (<c>is not { } twin</c>) or an <c>out</c> argument — and assigned as well: past where it
    /// receives a value it is judged as an assigned local is, so <c>if (!TrySubstitute(user, twin, out _)) twin = user;</c>
    /// replaces it on the unsafe way (what the band-check fix writes). Judged where it is used when no receipt is reached.</summary>
    private bool ReachesReceived(SubstituteOrigin origin, OriginFacts facts, Statement start, ILocalSymbol local, Statement at, List<Statement> writes)
    {
        var received = false;
        foreach (var receipt in ReceiptsOf(local))
        {
            if (!Reaches(origin, facts, start, receipt))
                continue;
            received = true;
            if (Reaches(origin, facts, receipt, at, new LocalValue(local, writes, receipt)))
                return true;
        }
        return !received && Reaches(origin, facts, start, at);
    }

    /// <summary>A local a pattern declares from another local — <c>if (twin is not { } t) return …; … t.Summary</c> — holds
    /// the substitute only where that local held it unchecked: past <c>if (!TrySubstitute(user, twin, out _)) twin = user;</c>
    /// (what the band-check fix writes) it holds the user's own profile on the unsafe way. Null where the local receives a
    /// value otherwise as well: it is then judged as before.</summary>
    private bool? ReachesPatternCopy(SubstituteOrigin origin, OriginFacts facts, Statement start, ILocalSymbol local, Statement at, int depth)
    {
        if (depth > 4)
            return null;
        var copies = new List<(ILocalSymbol Source, Statement Receipt)>();
        foreach (var kind in PatternKinds)
        {
            foreach (var i in _all.PositionsOf(kind))
            {
                var pattern = _all.Operation(i);
                if (!SymbolEqualityComparer.Default.Equals(LinqShapes.DeclaredBy(pattern), local))
                    continue;
                if (PatternInput(pattern) is not { } input || TestedLocal(input) is not { } source || SymbolEqualityComparer.Default.Equals(source, local))
                    return null;
                copies.Add((source, _all.StatementOf(i)));
            }
        }
        if (copies.Count == 0 || copies.Count != ReceiptsOf(local).Count)
            return null;
        foreach (var (source, receipt) in copies)
        {
            if (ReachesLocal(origin, facts, start, source, receipt, depth + 1) && Reaches(origin, facts, receipt, at))
                return true;
        }
        return false;
    }

    /// <summary>The local a pattern tests: read directly (<c>if (twin is not { } t)</c>), or through the one capture a
    /// lowered <c>switch (twin) { case { } t: … }</c> takes of it.</summary>
    private ILocalSymbol? TestedLocal(IOperation input)
    {
        input = LinqShapes.Unwrap(input);
        if (input is IFlowCaptureReferenceOperation reference)
        {
            var definition = _all.NextCaptureDefinition(reference.Id, -1);
            if (definition < 0 || _all.NextCaptureDefinition(reference.Id, definition) >= 0)
                return null;
            input = LinqShapes.Unwrap(((IFlowCaptureOperation)_all.Operation(definition)).Value);
        }
        return (input as ILocalReferenceOperation)?.Local;
    }

    private static readonly OperationKind[] PatternKinds = { OperationKind.DeclarationPattern, OperationKind.RecursivePattern };

    /// <summary>The value a pattern tests: the <c>is</c> operand (a lowered <c>switch</c> tests its value that way), through
    /// <c>not</c>/<c>and</c>/<c>or</c>. Null inside a property or positional pattern (a member of the value).</summary>
    private static IOperation? PatternInput(IOperation pattern)
    {
        var node = pattern;
        while (node.Parent is INegatedPatternOperation or IBinaryPatternOperation)
            node = node.Parent;
        return node.Parent is IIsPatternOperation test && test.Pattern == node ? test.Value : null;
    }

    /// <summary>The statements where <paramref name="local"/> receives a value other than by a simple assignment.</summary>
    private List<Statement> ReceiptsOf(ILocalSymbol local)
    {
        var receipts = new List<Statement>();
        foreach (var i in _all.PositionsOf(OperationKind.LocalReference))
        {
            var reference = (ILocalReferenceOperation)_all.Operation(i);
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, local) || reference.Parent is ISimpleAssignmentOperation written && written.Target == reference)
                continue;
            // var (twin, score) = …; (twin, score) = …; out var twin; out twin.
            if (reference.IsDeclaration || LinqShapes.Parent(reference, out _) is IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } ||
                InDeconstructionTarget(reference))
                receipts.Add(_all.StatementOf(i));
        }
        foreach (var kind in PatternKinds)
        {
            foreach (var i in _all.PositionsOf(kind))
            {
                if (SymbolEqualityComparer.Default.Equals(LinqShapes.DeclaredBy(_all.Operation(i)), local))
                    receipts.Add(_all.StatementOf(i));
            }
        }
        return receipts;
    }

    private static bool InDeconstructionTarget(IOperation reference)
    {
        for (var node = reference; node.Parent is { } parent; node = parent)
        {
            if (parent is IDeconstructionAssignmentOperation deconstruction)
                return deconstruction.Target == node;
            if (parent is not (ITupleOperation or IDeclarationExpressionOperation or IConversionOperation))
                return false;
        }
        return false;
    }

    private bool Carries(IOperation value, SubstituteOrigin origin) => Holds(TaintsOf(value), origin);

    /// <summary>Whether some taint of <paramref name="taints"/> is of <paramref name="origin"/>.</summary>
    private static bool Holds(List<Taint> taints, SubstituteOrigin? origin)
    {
        foreach (var taint in taints)
        {
            if (ReferenceEquals(taint.Origin, origin))
                return true;
        }
        return false;
    }

    private bool Reaches(SubstituteOrigin origin, OriginFacts facts, Statement start, Statement target, LocalValue? holding = null)
    {
        var redefinition = DefinedAt(origin);
        // A branch on the check decides the use when only one of its two ways can reach it.
        var deciding = _decidingBlocks ??= new bool[_graph.Blocks.Length];
        Array.Clear(deciding, 0, deciding.Length);
        foreach (var block in facts.DecidedBlocks)
        {
            // A switch expression's `_ =>` arm is lowered to a test that cannot fail: it decides nothing.
            if (block.BranchValue is IIsPatternOperation { Pattern: IDiscardPatternOperation or IDeclarationPatternOperation { MatchesNull: true } })
                continue;
            var reachesTrue = WayReaches(block.ConditionalSuccessor);
            var reachesFalse = WayReaches(block.FallThroughSuccessor);
            // Where the check's answer says which way is safe, the use must sit on that way: `if (verdict.IsSafe)
            // return user; return twin;` uses the substitute exactly when it is unsafe.
            if (reachesTrue != reachesFalse && SafeWayOf(block, facts) is var safe &&
                (safe == SafeWay.Unknown || safe == (reachesTrue ? SafeWay.Conditional : SafeWay.FallThrough)))
                deciding[block.Ordinal] = true;
        }
        return PathExists(start.Block, start.Index, target, redefinition, facts, deciding, holding);

        // A way out of a try runs its finally first: `if (!IsSafe(user, twin)) return;` inside the try reaches a use in
        // the finally as much as the way that goes on does.
        bool WayReaches(ControlFlowBranch? branch)
        {
            if (branch is null)
                return false;
            foreach (var region in branch.FinallyRegions)
            {
                if (PathExists(_graph.Blocks[region.FirstBlockOrdinal], 0, target, redefinition, facts, deciding: null, holding))
                    return true;
            }
            return branch.Destination is { } destination && PathExists(destination, 0, target, redefinition, facts, deciding: null, holding);
        }
    }

    /// <summary>Which way of a branch on a check is the safe one (<see cref="BandTests"/>): the way whose answer admits
    /// the moderate band and no near-twin, under any number of <c>!</c> — and neither way when the test lets a near-twin
    /// through with the moderate band (<c>!= SimilarityBand.Distant</c>). Unknown for any other branch value.</summary>
    private static SafeWay SafeWayOf(BasicBlock block, OriginFacts facts) => facts.SenseOf(block.BranchValue) switch
    {
        Sense.Unknown => SafeWay.Unknown,
        Sense.Neither => SafeWay.Neither,
        // The conditional successor is taken when the branch value equals the condition kind's sense.
        var sense => (block.ConditionKind == ControlFlowConditionKind.WhenTrue) == (sense == Sense.SafeWhenTrue) ? SafeWay.Conditional : SafeWay.FallThrough,
    };

    /// <summary>Which answer of a band test (<see cref="BandTests.SenseOf"/>) admits the moderate band and no near-twin;
    /// also of a test that every element of a collection passed a check.</summary>
    private Sense SenseOf(IOperation? test)
    {
        if (test is null)
            return Sense.Unknown;
        // neighbours.All(n => Check(…)) is true when every element passed; neighbours.Any(n => !Check(…)) when one failed.
        if (BandTests.Unnegated(test, out var negated) is IInvocationOperation { TargetMethod.Name: "All" or "Any" } gate && ChecksEvery(gate))
            return (gate.TargetMethod.Name == "All") != negated ? Sense.SafeWhenTrue : Sense.SafeWhenFalse;
        return BandTests.SenseOf(test, _symbols);
    }

    private enum SafeWay
    {
        Unknown,
        Conditional,
        FallThrough,
        Neither,
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
    /// passes no barrier check and no deciding branch (by block ordinal), does not run the origin's statement again
    /// (which obtains a fresh substitute: the next <c>foreach</c> element), and, for a value read from a local, keeps it
    /// there (<paramref name="holding"/>).</summary>
    private bool PathExists(BasicBlock startBlock, int startIndex, Statement target, Statement? redefinition, OriginFacts facts,
        bool[]? deciding, LocalValue? holding)
    {
        // Searches in one graph never nest, so they share one visited array and one stack.
        var visited = _visited ??= new bool[_graph.Blocks.Length];
        Array.Clear(visited, 0, visited.Length);
        var stack = _pending ??= new Stack<(BasicBlock Block, int From)>();
        stack.Clear();
        stack.Push((startBlock, startIndex));
        var first = true;
        var catches = CatchEntries();
        while (stack.Count > 0)
        {
            var (block, from) = stack.Pop();
            // Anything in a try can throw — the check itself included — and a handler that lets the body go on after it
            // is a way round the check: try { if (!Assess(user, twin).IsSafe) return …; } catch (ArgumentException) { }
            if (catches?[block.Ordinal] is { } handlers)
            {
                foreach (var handler in handlers)
                    Push(handler);
            }
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
                if (facts.IsBarrier(_all.StatementAt(block, i).First) || holding is not null && holding.IsWrittenAt(block, i, first && i == startIndex))
                {
                    stopped = true;
                    break;
                }
            }
            first = false;
            if (stopped || (deciding is not null && deciding[block.Ordinal]))
                continue;
            var nullWay = holding?.NullWay(block);
            if (nullWay != block.ConditionalSuccessor)
                Follow(block.ConditionalSuccessor);
            if (nullWay != block.FallThroughSuccessor)
                Follow(block.FallThroughSuccessor);
        }
        return false;

        // A branch out of a try runs its finally first: try { … } finally { Sent.Add(other.Greeting); } — the finally's
        // blocks are reached through the branch's finally regions, not through its destination.
        void Follow(ControlFlowBranch? branch)
        {
            if (branch is null)
                return;
            foreach (var region in branch.FinallyRegions)
                Push(_graph.Blocks[region.FirstBlockOrdinal]);
            Push(branch.Destination);
        }

        void Push(BasicBlock? next)
        {
            if (next is null || visited[next.Ordinal])
                return;
            visited[next.Ordinal] = true;
            stack.Push((next, 0));
        }
    }

    /// <summary>For each block inside a <c>try</c> that has <c>catch</c> handlers (at any depth), the handlers' first
    /// blocks; null when the body catches nothing.</summary>
    private List<BasicBlock>?[]? CatchEntries()
    {
        if (_catchEntriesComputed)
            return _catchEntries;
        _catchEntriesComputed = true;
        if (!HasCatch(_graph.Root))
            return null;
        var entries = new List<BasicBlock>?[_graph.Blocks.Length];
        foreach (var block in _graph.Blocks)
        {
            for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
            {
                if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { Kind: ControlFlowRegionKind.TryAndCatch } tryAndCatch)
                    continue;
                foreach (var handler in tryAndCatch.NestedRegions)
                {
                    if (handler.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.FilterAndHandler)
                        (entries[block.Ordinal] ??= new List<BasicBlock>()).Add(_graph.Blocks[handler.FirstBlockOrdinal]);
                }
            }
        }
        return _catchEntries = entries;

        static bool HasCatch(ControlFlowRegion region)
        {
            if (region.Kind == ControlFlowRegionKind.TryAndCatch)
                return true;
            foreach (var nested in region.NestedRegions)
            {
                if (HasCatch(nested))
                    return true;
            }
            return false;
        }
    }

    /// <summary>A local holding the substitute from one assignment on (<see cref="ReachesLocal"/>): the statements that
    /// assign it (each of which replaces the value, except the one it starts from), and the way of a null test of it on
    /// which it holds nothing.</summary>
    private sealed class LocalValue
    {
        private readonly ILocalSymbol _local;
        private readonly List<Statement> _writes;
        private readonly Statement _from;

        public LocalValue(ILocalSymbol local, List<Statement> writes, Statement from)
        {
            _local = local;
            _writes = writes;
            _from = from;
        }

        /// <summary>Whether the statement replaces the value; the assignment the value comes from does not, where a
        /// path starts from it.</summary>
        public bool IsWrittenAt(BasicBlock block, int index, bool atStart)
        {
            if (atStart && block == _from.Block && index == _from.Index)
                return false;
            foreach (var write in _writes)
            {
                if (write.Block == block && write.Index == index)
                    return true;
            }
            return false;
        }

        /// <summary>The way out of <paramref name="block"/> taken when its branch finds the local null (<c>twin ==
        /// null</c>, <c>twin is null</c>, <c>twin != null</c>, <c>twin is not null</c>, <c>twin is { }</c>, a nullable
        /// struct's <c>HasValue</c>, under any number of <c>!</c>); null when the branch tests something else.</summary>
        public ControlFlowBranch? NullWay(BasicBlock block)
        {
            if (block.BranchValue is null || block.ConditionKind == ControlFlowConditionKind.None || NullWhen(block.BranchValue) is not { } nullWhen)
                return null;
            // The conditional successor is taken when the branch value equals the condition kind's sense.
            return (block.ConditionKind == ControlFlowConditionKind.WhenTrue) == nullWhen ? block.ConditionalSuccessor : block.FallThroughSuccessor;
        }

        /// <summary>The value of <paramref name="condition"/> that means the local is null; null when it is no null test
        /// of the local.</summary>
        private bool? NullWhen(IOperation condition)
        {
            var value = LinqShapes.Unwrap(condition);
            var negated = false;
            while (value is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                negated = !negated;
                value = LinqShapes.Unwrap(not.Operand);
            }
            bool? nullWhen = value switch
            {
                IIsPatternOperation test when IsLocal(test.Value) => NullWhenMatched(test.Pattern),
                IPropertyReferenceOperation { Property.Name: "HasValue", Instance: { } nullable } when IsLocal(nullable) => false,
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                    when IsLocal(binary.LeftOperand) && IsNull(binary.RightOperand) || IsLocal(binary.RightOperand) && IsNull(binary.LeftOperand) =>
                    binary.OperatorKind == BinaryOperatorKind.Equals,
                _ => null,
            };
            return nullWhen is { } when ? when != negated : null;
        }

        /// <summary><c>is null</c> matches null; <c>is not null</c> and an empty <c>is { }</c> fail only on null.</summary>
        private static bool? NullWhenMatched(IPatternOperation pattern) => pattern switch
        {
            IConstantPatternOperation constant when IsNull(constant.Value) => true,
            INegatedPatternOperation { Pattern: IConstantPatternOperation constant } when IsNull(constant.Value) => false,
            IRecursivePatternOperation { DeconstructionSubpatterns.IsEmpty: true, PropertySubpatterns.IsEmpty: true } recursive
                when SymbolEqualityComparer.Default.Equals(recursive.MatchedType, recursive.InputType) => false,
            _ => null,
        };

        private bool IsLocal(IOperation operation) =>
            LinqShapes.Unwrap(operation) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, _local);

        private static bool IsNull(IOperation operation) => LinqShapes.Unwrap(operation).ConstantValue is { HasValue: true, Value: null };
    }
}
