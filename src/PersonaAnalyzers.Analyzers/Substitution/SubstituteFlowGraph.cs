using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA001's analysis of one control flow graph (a member body, a lambda or a local function): which
/// values carry a substitute, where each one is used, and whether every path from where it is obtained to that use
/// runs through a branch decided by a similarity-band check on it.</summary>
/// <remarks>Values are tracked flow-insensitively (locals, flow captures, collection operators); the check is
/// flow-sensitive over the graph's blocks, so <c>if</c>/<c>else</c>, early returns, <c>is</c> patterns,
/// <c>switch</c>, <c>?:</c>, <c>&amp;&amp;</c>/<c>||</c> and loops all come out of the graph's lowering rather than from
/// textual order.</remarks>
internal sealed class SubstituteFlowGraph
{
    private const int MaxRounds = 8;

    private readonly ControlFlowGraph _graph;
    private readonly SubstitutionSymbols _symbols;
    private readonly SubstitutionOptions _options;
    private readonly bool _returnsHandedOn;
    private readonly CancellationToken _cancellation;
    private readonly Dictionary<ILocalSymbol, List<Taint>> _locals;
    private readonly Dictionary<CaptureId, List<Taint>> _captures = new();
    private readonly Dictionary<IOperation, List<Taint>> _values = new();
    private readonly List<(SubstituteOrigin Origin, Statement Statement)> _origins = new();
    // Null until needed: most graphs derive no element, capture nothing and build no lambda graph, and the compiler
    // charges the collections allocation starts to the analyzer.
    private readonly HashSet<SubstituteOrigin>? _seeded;
    private HashSet<IOperation>? _derived;
    private Dictionary<IFlowAnonymousFunctionOperation, SubstituteFlowGraph>? _lambdas;
    private readonly GraphOperations _all;
    private readonly SourceSites _sites;
    private List<(SubstituteOrigin Origin, Use Use)>? _uses;
    private OriginFacts? _facts;
    // The path search's state, allocated on a graph's first search (see PathExists).
    private bool[]? _visited;
    private bool[]? _decidingBlocks;
    private Stack<(BasicBlock Block, int From)>? _pending;

    public SubstituteFlowGraph(ControlFlowGraph graph, SubstitutionSymbols symbols, SubstitutionOptions options, bool returnsHandedOn,
        Dictionary<ILocalSymbol, List<Taint>>? seeds, SourceSites sites, CancellationToken cancellation)
    {
        _graph = graph;
        _symbols = symbols;
        _options = options;
        _returnsHandedOn = returnsHandedOn;
        _sites = sites;
        _cancellation = cancellation;
        _locals = new Dictionary<ILocalSymbol, List<Taint>>(SymbolEqualityComparer.Default);
        if (seeds is not null)
        {
            _seeded = new HashSet<SubstituteOrigin>();
            foreach (var pair in seeds)
            {
                _locals[pair.Key] = new List<Taint>(pair.Value);
                foreach (var taint in pair.Value)
                    _seeded.Add(taint.Origin);
            }
        }
        // One walk of the trees; every later pass runs over its result.
        _all = new GraphOperations(graph);
        TrackValues();
        for (var i = 0; i < _all.Count; i++)
        {
            var operation = _all.Operation(i);
            // A lambda gets its own graph only when it obtains a substitute or mentions a tracked local: most lambdas
            // (selectors, predicates) do neither, and their graphs are not free.
            if (operation is IFlowAnonymousFunctionOperation lambda && (_lambdas is null || !_lambdas.ContainsKey(lambda)) &&
                (sites.Within(lambda.Syntax.Span) || MentionsTrackedLocal(lambda.Syntax)))
                (_lambdas ??= new())[lambda] = new SubstituteFlowGraph(graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellation), symbols, options,
                    returnsHandedOn: false, _locals, sites, cancellation);
        }
    }

    private bool MentionsTrackedLocal(SyntaxNode syntax)
    {
        if (_locals.Count == 0)
            return false;
        foreach (var token in syntax.DescendantTokens())
        {
            if (token.RawKind != (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken)
                continue;
            foreach (var local in _locals.Keys)
            {
                if (local.Name == token.ValueText)
                    return true;
            }
        }
        return false;
    }

    /// <summary>Reports PERSONA001 for the substitutes obtained in this graph, its lambdas and local functions.</summary>
    public void Report(Action<Diagnostic> report)
    {
        foreach (var (origin, statement) in _origins)
        {
            _cancellation.ThrowIfCancellationRequested();
            var use = FirstUncheckedUse(origin, statement);
            if (use is { } found)
                report(CreateDiagnostic(origin, found));
        }
        if (_lambdas is not null)
        {
            foreach (var lambda in _lambdas.Values)
                lambda.Report(report);
        }
        foreach (var localFunction in _graph.LocalFunctions)
        {
            if (!Within(localFunction))
                continue;
            var graph = _graph.GetLocalFunctionControlFlowGraph(localFunction, _cancellation);
            var handedOn = SubstituteSources.IsSubstituteMember(localFunction, _symbols, _options);
            new SubstituteFlowGraph(graph, _symbols, _options, handedOn, seeds: null, _sites, _cancellation).Report(report);
        }
    }

    private bool Within(IMethodSymbol localFunction)
    {
        foreach (var reference in localFunction.DeclaringSyntaxReferences)
        {
            if (_sites.Within(reference.Span))
                return true;
        }
        return false;
    }

    /// <summary>For an origin of an enclosing graph captured here: is it used on a path from this graph's entry
    /// without a check?</summary>
    private bool HasUncheckedUse(SubstituteOrigin origin)
    {
        if (_seeded is null || !_seeded.Contains(origin))
            return false;
        var entry = _graph.Blocks[0];
        return FirstUncheckedUse(origin, new Statement(entry, 0, entry.BranchValue ?? (IOperation?)null, first: -1)) is not null;
    }

    // ---- value tracking ----

    private void TrackValues()
    {
        var changed = true;
        for (var round = 0; changed && round < MaxRounds; round++)
        {
            _cancellation.ThrowIfCancellationRequested();
            changed = false;
            for (var i = 0; i < _all.Count; i++)
            {
                var operation = _all.Operation(i);
                var statement = _all.StatementOf(i);
                if (round == 0 && _sites.Within(operation.Syntax.Span) &&
                    (operation is IArgumentOperation argument
                        ? SubstituteSources.TryGetOut(argument, _symbols, _options)
                        : SubstituteSources.TryGetDirect(operation, _symbols, _options)) is { } origin)
                {
                    AddOrigin(origin, statement);
                    changed = true;
                    continue;
                }
                changed |= Propagate(operation, statement);
            }
        }
    }

    private void AddOrigin(SubstituteOrigin origin, Statement statement)
    {
        _origins.Add((origin, statement));
        var kind = origin.IsCollection ? TaintKind.Collection
            : origin.Operation.Type is { IsTupleType: true } ? TaintKind.Tuple
            : TaintKind.Element;
        var taint = new Taint(origin, kind);
        if (origin.Operation is ILocalReferenceOperation outLocal)
            Add(_locals, outLocal.Local, taint); // TryFindNearest(target, out var neighbour)
        else
            Add(_values, origin.Operation, taint);
    }

    private bool Propagate(IOperation operation, Statement statement)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                return AddAll(_locals, local.Local, TaintsOf(assignment.Value));
            case ISimpleAssignmentOperation { Target: IFlowCaptureReferenceOperation target } assignment
                when _all.CapturedReference(target.Id) is ILocalReferenceOperation local:
                // neighbour ??= FindNearest(user) lowers to an assignment through a capture of the local.
                return AddAll(_locals, local.Local, TaintsOf(assignment.Value));
            case IFlowCaptureOperation capture:
                return AddAll(_captures, capture.Id, TaintsOf(capture.Value));
            case IInvocationOperation invocation when LinqShapes.Source(invocation) is { } source:
                return PropagateThroughCall(invocation, source, statement);
            case IPropertyReferenceOperation { Instance: { } instance } property:
                foreach (var taint in TaintsOf(instance))
                {
                    if (taint.Kind == TaintKind.Collection && property.Property.IsIndexer)
                        return DeriveElement(property, taint, "Element", statement);
                    if (taint.Kind == TaintKind.Enumerator && property.Property.Name == "Current")
                        return DeriveElement(property, taint, "ForEach", statement);
                }
                return false;
            case IFieldReferenceOperation { Instance: { } tuple } field when _symbols.IsPersonaType(field.Type):
                // best.Profile of (Reader Profile, double Similarity): the profile is the tuple's substitute.
                foreach (var taint in TaintsOf(tuple))
                {
                    if (taint.Kind == TaintKind.Tuple)
                        return Add(_values, field, new Taint(taint.Origin, TaintKind.Element));
                }
                return false;
            case IDeconstructionAssignmentOperation deconstruction:
                return PropagateDeconstruction(deconstruction);
            case IArrayElementReferenceOperation element:
                foreach (var taint in TaintsOf(element.ArrayReference))
                {
                    if (taint.Kind == TaintKind.Collection)
                        return DeriveElement(element, taint, "Element", statement);
                }
                return false;
            default:
                return false;
        }
    }

    /// <summary><c>var (neighbour, similarity) = FindMostSimilar(user)</c>: the persona-typed locals receive the
    /// substitute.</summary>
    private bool PropagateDeconstruction(IDeconstructionAssignmentOperation deconstruction)
    {
        var target = LinqShapes.Unwrap(deconstruction.Target);
        if (target is IDeclarationExpressionOperation declaration)
            target = LinqShapes.Unwrap(declaration.Expression);
        if (target is not ITupleOperation tuple)
            return false;
        var changed = false;
        foreach (var taint in TaintsOf(deconstruction.Value))
        {
            if (taint.Kind != TaintKind.Tuple)
                continue;
            foreach (var element in tuple.Elements)
            {
                var value = LinqShapes.Unwrap(element);
                if (value is IDeclarationExpressionOperation declared)
                    value = LinqShapes.Unwrap(declared.Expression);
                if (value is ILocalReferenceOperation local && _symbols.IsPersonaType(local.Type))
                    changed |= Add(_locals, local.Local, new Taint(taint.Origin, TaintKind.Element));
            }
        }
        return changed;
    }

    private bool PropagateThroughCall(IInvocationOperation invocation, IOperation source, Statement statement)
    {
        var name = invocation.TargetMethod.Name;
        var changed = false;
        foreach (var taint in TaintsOf(source))
        {
            if (taint.Kind != TaintKind.Collection)
                continue;
            if (LinqShapes.IsElementSelector(name))
            {
                // FirstOrDefault(c => Check(user, c)): the element it picks has passed the check.
                if (!FiltersByCheck(invocation))
                    changed |= DeriveElement(invocation, taint, "Element", statement);
            }
            else if (name is "GetEnumerator" or "GetAsyncEnumerator")
            {
                changed |= Add(_values, invocation, new Taint(taint.Origin, TaintKind.Enumerator));
            }
            else if (LinqShapes.IsPassThrough(name) && IsCollectionOfPersona(invocation.Type) && !FiltersByCheck(invocation))
            {
                changed |= Add(_values, invocation, taint);
            }
        }
        return changed;
    }

    private bool IsCollectionOfPersona(ITypeSymbol? type) =>
        (_symbols.PersonaOf(type, out var isCollection) is not null && isCollection) || _symbols.IsPersonaType(_symbols.AsyncStreamElement(type));

    private bool DeriveElement(IOperation operation, Taint from, string construct, Statement statement)
    {
        if (_derived is not null && _derived.Contains(operation))
            return false;
        var persona = _symbols.PersonaOf(operation.Type, out var isCollection) ?? _symbols.TupleElementPersona(operation.Type);
        if (persona is null || isCollection)
            return false;
        var location = construct == "ForEach" ? SubstituteSources.ForEachLocation(operation) : operation.Syntax.GetLocation();
        var origin = new SubstituteOrigin(operation, persona, false, construct, location);
        (_derived ??= new()).Add(operation);
        if (_seeded is not null && _seeded.Contains(from.Origin))
        {
            // An element of a captured collection: report it with the enclosing collection's origin.
            Add(_values, operation, new Taint(from.Origin, operation.Type is { IsTupleType: true } ? TaintKind.Tuple : TaintKind.Element));
            return true;
        }
        AddOrigin(origin, statement);
        return true;
    }

    /// <summary><c>Where(c =&gt; Check(target, c))</c>, or <c>First</c>, <c>Single</c>, <c>Last</c> (and their
    /// <c>OrDefault</c> forms), <c>Find</c> or <c>FindLast</c> with such a predicate: the elements that pass are
    /// checked.</summary>
    private bool FiltersByCheck(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name is not ("Where" or "FindAll" or "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or
                "Last" or "LastOrDefault" or "Find" or "FindLast"))
            return false;
        switch (LinqShapes.DelegateArgument(invocation))
        {
            case IMethodReferenceOperation method:
                return _symbols.IsCheckMethod(method.Method, _options);
            case IFlowAnonymousFunctionOperation lambda when lambda.Symbol.Parameters.Length > 0:
                var parameter = lambda.Symbol.Parameters[0];
                var body = _graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellation);
                foreach (var block in body.Blocks)
                {
                    foreach (var root in Roots(block))
                    {
                        foreach (var operation in root.DescendantsAndSelf())
                        {
                            if (operation is IInvocationOperation call && _symbols.IsCheckMethod(call.TargetMethod, _options) &&
                                ArgumentsMention(call, parameter))
                                return true;
                        }
                    }
                }
                return false;
            default:
                return false;
        }
    }

    private static bool ArgumentsMention(IInvocationOperation call, IParameterSymbol parameter)
    {
        foreach (var argument in call.Arguments)
        {
            foreach (var operation in argument.Value.DescendantsAndSelf())
            {
                if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
                    return true;
            }
        }
        return false;
    }

    private List<Taint> TaintsOf(IOperation operation)
    {
        operation = LinqShapes.Unwrap(operation);
        if (_values.TryGetValue(operation, out var taints))
            return taints;
        switch (operation)
        {
            case ILocalReferenceOperation local when _locals.TryGetValue(local.Local, out taints):
                return taints;
            case IFlowCaptureReferenceOperation capture when _captures.TryGetValue(capture.Id, out taints):
                return taints;
            default:
                return NoTaints;
        }
    }

    private static readonly List<Taint> NoTaints = new();

    private static bool Add<TKey>(Dictionary<TKey, List<Taint>> map, TKey key, Taint taint) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = new List<Taint>(1);
        if (list.Contains(taint))
            return false;
        list.Add(taint);
        return true;
    }

    private static bool AddAll<TKey>(Dictionary<TKey, List<Taint>> map, TKey key, List<Taint> taints) where TKey : notnull
    {
        var changed = false;
        for (var i = 0; i < taints.Count; i++)
            changed |= Add(map, key, taints[i]);
        return changed;
    }

    // ---- uses ----

    /// <summary>Every use of every origin, in operation order; one list for all origins, as a graph has few.</summary>
    private List<(SubstituteOrigin Origin, Use Use)> Uses()
    {
        if (_uses is not null)
            return _uses;
        _uses = new List<(SubstituteOrigin Origin, Use Use)>();
        for (var i = 0; i < _all.Count; i++)
        {
            var operation = _all.Operation(i);
            var statement = _all.StatementOf(i);
            if (operation is IFlowAnonymousFunctionOperation lambda && _lambdas is not null && _lambdas.TryGetValue(lambda, out var inner))
            {
                foreach (var origin in inner._seeded!) // a lambda's graph is always built with the enclosing locals
                {
                    if (inner.HasUncheckedUse(origin))
                        _uses.Add((origin, new Use(statement, lambda, UseKind.Capture)));
                }
                continue;
            }
            var taints = TaintsOf(operation);
            if (taints.Count == 0 || (operation is IConversionOperation or IParenthesizedOperation))
                continue;
            foreach (var taint in taints)
            {
                var kind = SubstituteUses.Classify(operation, taint.Kind, statement, _returnsHandedOn, _all, _symbols, _options);
                if (kind == UseKind.None && taint.Kind == TaintKind.Collection && TestsElementData(operation))
                    kind = UseKind.MemberRead;
                if (kind != UseKind.None)
                    _uses.Add((taint.Origin, new Use(statement, operation, kind)));
            }
        }
        return _uses;
    }

    /// <summary><c>neighbours.Any(n =&gt; n.Purchases.Contains(item))</c>: a test over a substitute collection whose
    /// predicate reads its elements' data lets that data shape the result, where <c>Any()</c>, <c>Count</c> or a predicate
    /// on the key, on identity, or through a check or a score does not.</summary>
    private bool TestsElementData(IOperation collection)
    {
        var parent = LinqShapes.Parent(collection, out var child);
        var invocation = parent switch
        {
            IInvocationOperation call when call.Instance == child => call, // List<T>.Exists, TrueForAll
            IArgumentOperation { Parent: IInvocationOperation call } argument when call.Arguments.Length > 0 && call.Arguments[0] == argument => call,
            _ => null,
        };
        if (invocation?.TargetMethod.Name is not ("Any" or "All" or "Count" or "LongCount" or "Exists" or "TrueForAll") ||
            LinqShapes.DelegateArgument(invocation) is not IFlowAnonymousFunctionOperation { Symbol.Parameters.Length: > 0 } lambda)
            return false;
        var element = lambda.Symbol.Parameters[0];
        var body = _graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellation);
        foreach (var block in body.Blocks)
        {
            foreach (var root in Roots(block))
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (operation is IMemberReferenceOperation { Instance: { } instance } member &&
                        LinqShapes.Unwrap(instance) is IParameterReferenceOperation reference &&
                        SymbolEqualityComparer.Default.Equals(reference.Parameter, element) &&
                        !_symbols.IsPersonaKey(member.Member) && !FeedsCheckScoreOrSideChannel(member))
                        return true;
                }
            }
        }
        return false;
    }

    /// <summary>The member read is an argument (at any depth) of a check, a score or a side channel (logging, metrics):
    /// what it reads decides or reports, it does not shape the result.</summary>
    private bool FeedsCheckScoreOrSideChannel(IOperation read)
    {
        for (var current = read.Parent; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation call &&
                (_symbols.IsCheckMethod(call.TargetMethod, _options) || SimilarityScores.IsScoreMethod(call.TargetMethod, _symbols) ||
                 SideChannels.IsSideChannel(call.TargetMethod)))
                return true;
        }
        return false;
    }

    // ---- checks and paths ----

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
        if (depth > 4 || LinqShapes.Unwrap(value) is not IFlowCaptureReferenceOperation reference)
            return Reaches(origin, facts, start, at);
        var carried = false;
        for (var i = 0; i < _all.Count; i++)
        {
            if (_all.Operation(i) is not IFlowCaptureOperation capture || !capture.Id.Equals(reference.Id) || !Carries(capture.Value, origin))
                continue;
            carried = true;
            if (ReachesValue(origin, facts, start, capture.Value, _all.StatementOf(i), depth + 1))
                return true;
        }
        // No definition carries it (a capture taken in an enclosing graph): judge the use where it is.
        return !carried && Reaches(origin, facts, start, at);
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
            IPropertyReferenceOperation { Property.Name: "IsSafe", Type.SpecialType: SpecialType.System_Boolean } => true,
            IInvocationOperation { TargetMethod.Name: "TrySubstitute", Type.SpecialType: SpecialType.System_Boolean } => true,
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

    /// <summary>One <see cref="OriginFacts"/> per graph, recomputed for each origin: a graph needs one origin's facts at
    /// a time (the inner graphs <see cref="Uses"/> asks run before), and the facts' arrays are as long as the graph.</summary>
    private OriginFacts Facts(SubstituteOrigin origin)
    {
        var facts = _facts ??= new OriginFacts(this);
        facts.Compute(origin);
        return facts;
    }

    private static IEnumerable<IOperation> Roots(BasicBlock block)
    {
        foreach (var operation in block.Operations)
            yield return operation;
        if (block.BranchValue is not null)
            yield return block.BranchValue;
    }

    private Diagnostic CreateDiagnostic(SubstituteOrigin origin, Use use)
    {
        var properties = SubstitutionDiagnostics.PersonaProperties(origin.Persona);
        properties[SubstitutionProperties.Construct] = origin.Construct;
        properties[SubstitutionProperties.UseKind] = use.Kind.ToString();
        properties[SubstitutionProperties.IsCollection] = origin.IsCollection ? "true" : "false";
        return Diagnostic.Create(SubstitutionDescriptors.UncheckedSubstitute, origin.Location,
            new[] { use.Operation.Syntax.GetLocation() }, properties.ToImmutable(),
            SubstitutionDiagnostics.Shorten(origin.Location.SourceTree?.GetText().ToString(origin.Location.SourceSpan) ?? origin.Operation.Syntax.ToString()),
            SubstituteUses.Describe(use.Kind));
    }

    internal readonly struct Statement
    {
        public Statement(BasicBlock block, int index, IOperation? root, int first)
        {
            Block = block;
            Index = index;
            Root = root!;
            First = first;
        }

        public BasicBlock Block { get; }

        /// <summary>Index in <see cref="BasicBlock.Operations"/>; the branch value comes last.</summary>
        public int Index { get; }

        public IOperation Root { get; }

        /// <summary>The root's position in <see cref="GraphOperations"/>; -1 for the entry a captured origin is traced
        /// from.</summary>
        public int First { get; }

        public bool IsBranchValue => Index == Block.Operations.Length;
    }

    private readonly struct Use
    {
        public Use(Statement statement, IOperation operation, UseKind kind)
        {
            Statement = statement;
            Operation = operation;
            Kind = kind;
        }

        public Statement Statement { get; }
        public IOperation Operation { get; }
        public UseKind Kind { get; }
    }

    /// <summary>What is known about one origin's checks: the locals holding a verdict on it (<c>var v =
    /// Assess(target, n)</c>, <c>out var verdict</c>), the locals computed from it (<c>var s = Similarity(target,
    /// n)</c>, checked by <c>bands.Classify(s)</c>), and the blocks whose branch such a verdict decides. "Mentions" and
    /// "decides" are computed bottom-up once per round as flags over the graph's operation positions, so every question
    /// is a lookup.</summary>
    private sealed class OriginFacts
    {
        private readonly SubstituteFlowGraph _owner;
        private readonly GraphOperations _all;
        private readonly HashSet<ILocalSymbol> _verdictLocals = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> _derivedLocals = new(SymbolEqualityComparer.Default);
        private readonly HashSet<CaptureId> _verdictCaptures = new();
        private readonly bool[] _mentioning;
        private readonly bool[] _deciding;
        private SubstituteOrigin? _origin;

        public OriginFacts(SubstituteFlowGraph owner)
        {
            _owner = owner;
            _all = owner._all;
            _mentioning = new bool[_all.Count];
            _deciding = new bool[_all.Count];
        }

        public List<BasicBlock> DecidedBlocks { get; } = new();

        public void Compute(SubstituteOrigin origin)
        {
            _origin = origin;
            _verdictLocals.Clear();
            _derivedLocals.Clear();
            _verdictCaptures.Clear();
            for (var round = 0; round < 4; round++)
            {
                Recompute();
                var changed = false;
                for (var i = 0; i < _all.Count; i++)
                {
                    switch (_all.Operation(i))
                    {
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                            var value = _all.IndexWithin(i, assignment.Value);
                            if (IsSet(_deciding, value))
                                changed |= _verdictLocals.Add(local.Local);
                            else if (_owner.TaintsOf(assignment.Value).Count == 0 && IsSet(_mentioning, value))
                                changed |= _derivedLocals.Add(local.Local);
                            break;
                        case IFlowCaptureOperation capture when IsSet(_deciding, _all.IndexWithin(i, capture.Value)):
                            changed |= _verdictCaptures.Add(capture.Id);
                            break;
                        case IInvocationOperation invocation when IsCheck(invocation, i):
                            foreach (var argument in invocation.Arguments)
                            {
                                if (argument.Parameter?.RefKind == RefKind.Out && LinqShapes.Unwrap(argument.Value) is ILocalReferenceOperation outLocal)
                                    changed |= _verdictLocals.Add(outLocal.Local);
                            }
                            break;
                    }
                }
                DecidedBlocks.Clear();
                foreach (var block in _owner._graph.Blocks)
                {
                    if (block.ConditionalSuccessor is not null && block.BranchValue is not null &&
                        Decides(_all.StatementAt(block, block.Operations.Length).First))
                        DecidedBlocks.Add(block);
                }
                changed |= AddArmResults();
                if (!changed)
                    break;
            }
        }

        /// <summary>Marks every operation whose subtree mentions the origin, then every one whose subtree holds a check
        /// of it or a verdict on it.</summary>
        private void Recompute()
        {
            Array.Clear(_mentioning, 0, _mentioning.Length);
            Array.Clear(_deciding, 0, _deciding.Length);
            for (var i = 0; i < _all.Count; i++)
            {
                if (MentionsDirectly(_all.Operation(i)))
                    MarkUp(i, _mentioning);
            }
            for (var i = 0; i < _all.Count; i++)
            {
                var decides = _all.Operation(i) switch
                {
                    IInvocationOperation invocation => IsCheck(invocation, i),
                    ILocalReferenceOperation local => _verdictLocals.Contains(local.Local),
                    IFlowCaptureReferenceOperation capture => _verdictCaptures.Contains(capture.Id),
                    _ => false,
                };
                if (decides)
                    MarkUp(i, _deciding);
            }
        }

        private bool MentionsDirectly(IOperation operation)
        {
            if (operation is ILocalReferenceOperation local && _derivedLocals.Contains(local.Local))
                return true;
            foreach (var taint in _owner.TaintsOf(operation))
            {
                if (ReferenceEquals(taint.Origin, _origin))
                    return true;
            }
            return false;
        }

        private void MarkUp(int index, bool[] set)
        {
            for (var i = index; i >= 0 && !set[i]; i = _all.Parent(i))
                set[i] = true;
        }

        /// <summary>A position <see cref="GraphOperations.IndexWithin"/> did not find (-1) is in no set.</summary>
        private static bool IsSet(bool[] set, int index) => index >= 0 && set[index];

        /// <summary>A constant chosen on one way of a decided branch carries the verdict on:
        /// <c>(Classify(t, n) switch { Moderate =&gt; true, _ =&gt; false }) is false</c> lowers to arms that capture
        /// <c>true</c>/<c>false</c> and a branch on that capture.</summary>
        private bool AddArmResults()
        {
            var changed = false;
            foreach (var block in DecidedBlocks)
            {
                changed |= AddConstantCaptures(block.ConditionalSuccessor?.Destination);
                changed |= AddConstantCaptures(block.FallThroughSuccessor?.Destination);
            }
            return changed;
        }

        private bool AddConstantCaptures(BasicBlock? arm)
        {
            var changed = false;
            if (arm is null)
                return false;
            foreach (var operation in arm.Operations)
            {
                if (operation is IFlowCaptureOperation { Value.ConstantValue.HasValue: true } capture)
                    changed |= _verdictCaptures.Add(capture.Id);
            }
            return changed;
        }

        /// <summary>The value of the statement whose root is at <paramref name="root"/> depends on a check of this
        /// origin.</summary>
        public bool Decides(int root) => IsSet(_deciding, root);

        /// <summary>A statement (by its root's position) that is a check returning nothing (it throws when the pair is
        /// unsafe): no path goes on past it unchecked.</summary>
        public bool IsBarrier(int root)
        {
            var statement = _all.Operation(root);
            var operation = LinqShapes.Unwrap(statement is IExpressionStatementOperation expression ? expression.Operation : statement);
            if (operation is IAwaitOperation awaited)
                return awaited.Type?.SpecialType == SpecialType.System_Void &&
                       LinqShapes.Unwrap(awaited.Operation) is IInvocationOperation asyncCheck && IsCheck(asyncCheck, _all.IndexWithin(root, asyncCheck));
            return operation is IInvocationOperation invocation && invocation.TargetMethod.ReturnsVoid &&
                   IsCheck(invocation, _all.IndexWithin(root, invocation));
        }

        /// <summary>A check method called on this origin; <paramref name="at"/> is the invocation's position.</summary>
        private bool IsCheck(IInvocationOperation invocation, int at)
        {
            if (!IsSet(_mentioning, at) || !_owner._symbols.IsCheckMethod(invocation.TargetMethod, _owner._options))
                return false;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind != RefKind.Out && IsSet(_mentioning, _all.IndexWithin(at, argument)))
                    return true;
            }
            return invocation.Instance is not null && IsSet(_mentioning, _all.IndexWithin(at, invocation.Instance));
        }
    }
}
