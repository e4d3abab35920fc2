using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA001's helpers that hand a substitute on inside one body: a local function that returns one unchecked
/// to its callers, a lambda that returns one to the call it is given to. Each is analyzed once on its own (with returns as
/// uses); when a substitute reaches one of its returns unchecked, its returns are handed on and its calls become sources
/// where they are made.</summary>
internal sealed partial class SubstituteFlowGraph
{
    /// <summary>A local function that looks a substitute up and returns it unchecked on some path
    /// (<c>Reader? Resolve(Reader u) =&gt; index.FindNearest(u);</c>) is a helper of this body, not a use: like a
    /// <c>[ProfileSubstitute]</c> member it hands the substitute on, and each call of it obtains one, checked or not where
    /// it is called. One that checks what it returns stays an ordinary function, and its callers owe nothing.</summary>
    private HashSet<IMethodSymbol>? FindHandingOn(HashSet<IMethodSymbol>? inherited)
    {
        var found = inherited;
        foreach (var localFunction in _graph.LocalFunctions)
        {
            if (!Within(localFunction) || SubstituteSources.IsSubstituteMember(localFunction, _symbols, _options) ||
                SubstituteSources.ProfileOf(_symbols.AwaitedType(localFunction.ReturnType) ?? localFunction.ReturnType, _symbols, out _) is null)
                continue;
            var probe = new SubstituteFlowGraph(_graph.GetLocalFunctionControlFlowGraph(localFunction, _cancellation), _symbols, _options,
                returnsHandedOn: false, seeds: null, _sites, _cancellation, found);
            if (probe.ReturnedUnchecked() is null)
                continue;
            if (ReferenceEquals(found, inherited))
                found = inherited is null ? new(SymbolEqualityComparer.Default) : new(inherited, SymbolEqualityComparer.Default);
            found!.Add(localFunction);
        }
        return found;
    }

    /// <summary>A lambda that returns a substitute unchecked to a call whose value is what it returns —
    /// <c>await Task.Run(() =&gt; index.FindNearest(user))</c>, <c>cache.GetOrCreate(key, () =&gt; index.FindNearest(user))</c>,
    /// <c>users.Select(u =&gt; index.FindNearest(u))</c> — hands it on to that call, as a local function hands it to its
    /// caller: the call's value is the substitute (a collection of them, a task of one), checked or not where it is used.</summary>
    private void FindYieldingCalls()
    {
        foreach (var i in _all.PositionsOf(OperationKind.FlowAnonymousFunction))
        {
            var lambda = (IFlowAnonymousFunctionOperation)_all.Operation(i);
            if (!_sites.Within(lambda.Syntax.Span) || YieldingCall(lambda) is not { } call)
                continue;
            var probe = new SubstituteFlowGraph(_graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellation), _symbols, _options,
                returnsHandedOn: false, seeds: null, _sites, _cancellation, _handingOn);
            if (probe.ReturnedUnchecked() is not { } element)
                continue;
            (_handingLambdas ??= new(OperationIdentity<IFlowAnonymousFunctionOperation>.Comparer)).Add(lambda);
            (_yieldingCalls ??= new(OperationIdentity<IInvocationOperation>.Comparer))[call] = element;
        }
    }

    /// <summary>The call <paramref name="lambda"/> is an argument of, when both the lambda and the call's value (awaited,
    /// for a task) carry a profile, and the call is not a band check.</summary>
    private IInvocationOperation? YieldingCall(IFlowAnonymousFunctionOperation lambda)
    {
        if (CallGivenTo(lambda) is not { } call ||
            _symbols.IsCheckMethod(call.TargetMethod, _options) ||
            SubstituteSources.ProfileOf(_symbols.AwaitedType(lambda.Symbol.ReturnType) ?? lambda.Symbol.ReturnType, _symbols, out _) is null)
            return null;
        return SubstituteSources.ProfileOf(_symbols.AwaitedType(call.Type) ?? call.Type, _symbols, out _) is not null ? call : null;
    }

    /// <summary>A lambda, not <c>async</c>, that returns a task to the call it is given to: <c>users.Select(u =&gt;
    /// index.FindNearestAsync(u))</c>. The call decides what becomes of the lookups it starts — awaited together, they are
    /// the origin (<c>await Task.WhenAll(…)</c>) — so a task returned there is no use of its own.</summary>
    private bool ReturnsTaskToCall(IFlowAnonymousFunctionOperation lambda) =>
        !lambda.Symbol.IsAsync && _symbols.AwaitedType(lambda.Symbol.ReturnType) is not null && CallGivenTo(lambda) is not null;

    /// <summary>The call <paramref name="lambda"/> is an argument of (also made a delegate first), if any.</summary>
    private static IInvocationOperation? CallGivenTo(IFlowAnonymousFunctionOperation lambda)
    {
        var parent = LinqShapes.Parent(lambda, out _);
        if (parent is IDelegateCreationOperation creation)
            parent = LinqShapes.Parent(creation, out _);
        return parent is IArgumentOperation { Parent: IInvocationOperation call } ? call : null;
    }

    /// <summary>Whether a substitute obtained here reaches a <c>return</c> (or <c>yield return</c>) without a check: null
    /// when none does, else where it sits in what is returned — its position in a returned tuple
    /// (<c>u =&gt; (User: u, Twin: index.FindNearest(u))</c> gives 1), -1 for the profile itself.</summary>
    private int? ReturnedUnchecked()
    {
        foreach (var (origin, statement) in _origins)
        {
            if (FirstUncheckedUse(origin, statement, UseKind.Return) is not { } use)
                continue;
            foreach (var taint in TaintsOf(use.Operation))
            {
                if (ReferenceEquals(taint.Origin, origin))
                    return taint.Element;
            }
            return -1;
        }
        return null;
    }

    /// <summary><c>Resolve(user)</c>, or <c>await ResolveAsync(user)</c>, of a local function that hands a substitute on
    /// (<see cref="FindHandingOn"/>), or a call a lambda hands one to (<see cref="FindYieldingCalls"/>): the call obtains
    /// it, as a call of a <c>[ProfileSubstitute]</c> member does — a task where it is awaited.</summary>
    private SubstituteOrigin? HandedOnCall(IOperation operation)
    {
        var awaits = operation.Kind == OperationKind.Await;
        var call = (awaits ? LinqShapes.TaskOf(((IAwaitOperation)operation).Operation) : operation) as IInvocationOperation;
        if (call is null)
            return null;
        var element = -1;
        var handsOn = _yieldingCalls?.TryGetValue(call, out element) == true ||
                      call.TargetMethod is { MethodKind: MethodKind.LocalFunction } method && _handingOn?.Contains(method.OriginalDefinition) == true;
        if (!handsOn)
            return null;
        var awaited = _symbols.AwaitedType(call.Type);
        if (awaited is null && awaits)
            return null;
        var persona = SubstituteSources.ProfileOf(awaited ?? call.Type, _symbols, out var isCollection);
        if (awaited is not null && !awaits)
        {
            // return Task.Run(() => index.FindNearest(user)), cache.GetOrCreateAsync(key, _ => index.FindNearestAsync(user)):
            // the task, handed on, gives the substitute to whoever awaits it (SubstituteOrigin.IsTask).
            return SubstituteSources.IsWaitedForInPlace(call)
                ? null
                : new SubstituteOrigin(operation, persona, isCollection, "Task", operation.Syntax.GetLocation()) { IsTask = true, TupleElement = element };
        }
        return new SubstituteOrigin(operation, persona, isCollection, awaits ? "Await" : "Invocation", operation.Syntax.GetLocation())
        {
            TupleElement = element,
        };
    }
}
