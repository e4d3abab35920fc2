using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA001's uses: where a carried substitute shapes the result (see <see cref="SubstituteUses"/>).</summary>
internal sealed partial class SubstituteFlowGraph
{
    /// <summary>Every use of every origin, in operation order; one list for all origins, as a graph has few.</summary>
    private List<(SubstituteOrigin Origin, Use Use)> Uses()
    {
        if (_uses is not null)
            return _uses;
        _uses = new List<(SubstituteOrigin Origin, Use Use)>();
        // In operation order (the first unchecked use is the one reported): the carrying operations, and where this
        // graph built graphs of lambdas or local functions, the lambdas and the calls of those local functions.
        var carrying = Carrying();
        var captures = CaptureSites();
        for (int c = 0, l = 0; c < carrying.Count || l < captures.Count;)
        {
            if (l < captures.Count && (c == carrying.Count || captures[l].Position < carrying[c].Position))
                AddCaptureUses(captures[l].Position, captures[l++].Inner);
            else
                AddUses(carrying[c].Position, carrying[c++].Taints);
        }
        return _uses;
    }

    /// <summary>Where a captured substitute is used by an inner graph, in order: a lambda where it is created, a local
    /// function where it is called.</summary>
    private List<(int Position, SubstituteFlowGraph Inner)> CaptureSites()
    {
        var sites = new List<(int Position, SubstituteFlowGraph Inner)>();
        if (_lambdas is not null)
        {
            foreach (var i in _all.PositionsOf(OperationKind.FlowAnonymousFunction))
            {
                if (_lambdas.TryGetValue((IFlowAnonymousFunctionOperation)_all.Operation(i), out var inner))
                    sites.Add((i, inner));
            }
        }
        if (_localFunctions is not null)
        {
            foreach (var i in _all.PositionsOf(OperationKind.Invocation))
            {
                if (((IInvocationOperation)_all.Operation(i)).TargetMethod is { MethodKind: MethodKind.LocalFunction } called &&
                    _localFunctions.TryGetValue(called.OriginalDefinition, out var inner))
                    sites.Add((i, inner));
            }
            sites.Sort((a, b) => a.Position.CompareTo(b.Position));
        }
        return sites;
    }

    private void AddCaptureUses(int position, SubstituteFlowGraph inner)
    {
        foreach (var origin in inner._seeded!) // an inner graph is always built with the enclosing locals
        {
            if (inner.HasUncheckedUse(origin))
                _uses!.Add((origin, new Use(_all.StatementOf(position), _all.Operation(position), UseKind.Capture)));
        }
    }

    private void AddUses(int position, List<Taint> taints)
    {
        var operation = _all.Operation(position);
        if (_all.Kind(position) is OperationKind.Conversion or OperationKind.Parenthesized)
            return;
        var statement = _all.StatementOf(position);
        foreach (var taint in taints)
        {
            var kind = SubstituteUses.Classify(operation, taint, statement, _returnsHandedOn, _all, _symbols, _options);
            if (taint.Kind == TaintKind.Collection && kind is UseKind.None or UseKind.Argument or UseKind.MemberRead &&
                ElementLambdaUse(operation, kind) is { } judged)
                kind = judged;
            else if (taint.Kind == TaintKind.Task && kind == UseKind.None && ContinuationUse(operation, taint) is { } continued)
                kind = continued;
            if (kind != UseKind.None)
                _uses!.Add((taint.Origin, new Use(statement, operation, kind, whole: taint.Kind == TaintKind.Collection && taint.Origin.IsCollection)));
        }
    }

    /// <summary>A substitute collection handed to a call with a lambda over its elements: <c>neighbours.Select(n =&gt;
    /// n.Id)</c>, <c>Parallel.ForEach(neighbours, n =&gt; …)</c>, <c>neighbours.Any(n =&gt; n.Purchases.Contains(item))</c>,
    /// <c>list.ForEach(…)</c>. The elements go into the lambda's parameter, and the lambda decides what is done with
    /// them: it is judged in its own graph with that parameter holding the substitutes, so a check there counts, and
    /// reading only the key, testing identity or computing a score is no use. Only where the call's value cannot hold the
    /// elements themselves (<c>ToDictionary(n =&gt; n.Id)</c> can, and passes them on); a projection's value is what its
    /// lambda returns, judged there. Null when the call is not such a call (<paramref name="kind"/> stands).</summary>
    private UseKind? ElementLambdaUse(IOperation collection, UseKind kind)
    {
        var parent = LinqShapes.Parent(collection, out var child);
        var call = parent switch
        {
            IInvocationOperation invocation when invocation.Instance == child => invocation,
            IArgumentOperation { Parent: IInvocationOperation invocation } => invocation,
            _ => null,
        };
        // An observer (Count(), Any(…)) passes nothing on; the other None calls (Where, First, ToList) pass the
        // elements on in their value, which is tracked.
        if (call is null || kind == UseKind.None && !LinqShapes.IsObserver(call.TargetMethod.Name) ||
            !IsProjection(call) && _symbols.CanHoldPersona(call.Type))
            return null;
        // Metrics.Observe("stale", neighbours.Count(n => n.Updated < cutoff)): what the lambda reads only reaches a metric.
        if (SideChannels.IsInside(call, _all.Model))
            return UseKind.None;
        UseKind? judged = null;
        foreach (var argument in call.Arguments)
        {
            if (LinqShapes.FlowLambda(argument.Value) is not { } lambda ||
                ElementGraph(lambda, child, ZippedAt(call, child), handsOnReturns: IsPairProjection(call)) is not { } inner)
                continue;
            foreach (var taint in TaintsOf(child))
            {
                if (taint.Kind == TaintKind.Collection && inner.UncheckedUseFromEntry(taint.Origin) is { } use)
                    return use.Kind;
            }
            judged = UseKind.None;
        }
        return judged;
    }

    /// <summary>A call whose value is what its lambda returns (<c>Select</c>, <c>SelectMany</c>, <c>Zip</c> with a result
    /// selector): a profile in it got there through the lambda, judged there — <c>users.Zip(twins, (u, t) =&gt; Check(u,
    /// t) ? t : u)</c> returns the twin only on the checked way.</summary>
    private static bool IsProjection(IInvocationOperation call) =>
        call.TargetMethod.Name is "Select" or "SelectMany" || call.TargetMethod.Name == "Zip" && LinqShapes.DelegateArgument(call) is not null;

    /// <summary><c>users.Zip(twins, (user, twin) =&gt; …)</c>: the position of the sequence <paramref name="collection"/> in
    /// the call, which is the position of the selector's parameter that receives its elements; -1 for any other call.</summary>
    private static int ZippedAt(IInvocationOperation call, IOperation collection)
    {
        if (call.TargetMethod.Name != "Zip")
            return -1;
        for (var position = 0; position < call.Arguments.Length; position++)
        {
            if (call.Arguments[position].Value == collection)
                return position;
        }
        return -1;
    }

    /// <summary>The graph of a lambda whose parameters of the element type receive the elements of
    /// <paramref name="collection"/> — profiles, or tuples pairing the substitute with other values; null when it has
    /// none. <paramref name="onlyParameter"/>, when not -1, is the one parameter that receives them.
    /// <paramref name="handsOnReturns"/>: what the lambda returns is followed in the call's value (pairs a
    /// <c>Select</c> makes, <see cref="ProjectsIntoPairs"/>), so returning it is no use here.</summary>
    private SubstituteFlowGraph? ElementGraph(IFlowAnonymousFunctionOperation lambda, IOperation collection, int onlyParameter, bool handsOnReturns = false)
    {
        if (_elementLambdas is not null && _elementLambdas.TryGetValue(lambda, out var built))
            return built;
        // Parallel.ForEachAsync(index.StreamSimilarAsync(user, ct), ct, (n, token) => …) hands a stream's elements on too.
        if (collection.Type is not { } type || (_symbols.ElementType(type) ?? _symbols.StreamedElementType(type)) is not { } elementType)
            return null;
        // lookalikes.Chunk(100).Sum(batch => …): each batch a collection of the substitutes.
        var kind = _symbols.IsPersonaType(elementType) ? TaintKind.Element : IsPair(elementType) ? TaintKind.Tuple :
            IsCollectionOfPersona(elementType) ? TaintKind.Collection : (TaintKind?)null;
        if (kind is null)
            return null;
        Dictionary<IParameterSymbol, List<Taint>>? elements = null;
        foreach (var parameter in lambda.Symbol.Parameters)
        {
            if (!SymbolEqualityComparer.Default.Equals(parameter.Type, elementType) || onlyParameter >= 0 && parameter.Ordinal != onlyParameter)
                continue;
            var taints = new List<Taint>();
            foreach (var taint in TaintsOf(collection))
            {
                if (taint.Kind == TaintKind.Collection)
                    taints.Add(new Taint(taint.Origin, kind.Value, taint.Element, taint.VerdictAt));
            }
            (elements ??= new(SymbolEqualityComparer.Default))[parameter] = taints;
        }
        return elements is null ? null : SeededGraph(lambda, elements, handsOnReturns);
    }

    /// <summary><c>index.FindNearestAsync(user).ContinueWith(t =&gt; t.Result?.Tone)</c>: a lookup's task continued with
    /// a lambda hands the lambda the task, whose <c>Result</c> there is the substitute. The lambda is judged in its own
    /// graph with its first parameter holding the task; null when the task is not continued so.</summary>
    private UseKind? ContinuationUse(IOperation task, Taint taint)
    {
        if (LinqShapes.Parent(task, out var child) is not IInvocationOperation { TargetMethod.Name: "ContinueWith" } call || call.Instance != child)
            return null;
        foreach (var argument in call.Arguments)
        {
            if (LinqShapes.FlowLambda(argument.Value) is not { } lambda ||
                lambda.Symbol.Parameters.IsEmpty)
                continue;
            var inner = _elementLambdas is not null && _elementLambdas.TryGetValue(lambda, out var built)
                ? built
                : SeededGraph(lambda, new(SymbolEqualityComparer.Default) { [lambda.Symbol.Parameters[0]] = new List<Taint> { taint } });
            return inner.UncheckedUseFromEntry(taint.Origin)?.Kind ?? UseKind.None;
        }
        return null;
    }

    /// <summary>A lambda's graph, judged with <paramref name="parameters"/> holding what the call hands them; built once.</summary>
    private SubstituteFlowGraph SeededGraph(IFlowAnonymousFunctionOperation lambda, Dictionary<IParameterSymbol, List<Taint>> parameters, bool handsOnReturns = false)
    {
        var inner = new SubstituteFlowGraph(_graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellation), _symbols, _options,
            returnsHandedOn: handsOnReturns, _locals, _sites, _cancellation, _handingOn, parameters);
        (_elementLambdas ??= new(OperationIdentity<IFlowAnonymousFunctionOperation>.Comparer))[lambda] = inner;
        return inner;
    }
}
