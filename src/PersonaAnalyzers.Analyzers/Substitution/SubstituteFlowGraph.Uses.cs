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
            var kind = SubstituteUses.Classify(operation, taint.Kind, statement, _returnsHandedOn, _all, _symbols, _options);
            if (kind == UseKind.None && taint.Kind == TaintKind.Collection && TestsElementData(operation))
                kind = UseKind.MemberRead;
            if (kind != UseKind.None)
                _uses!.Add((taint.Origin, new Use(statement, operation, kind)));
        }
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
        foreach (var operation in OperationsOf(lambda))
        {
            if (operation is IMemberReferenceOperation { Instance: { } instance } member &&
                LinqShapes.Unwrap(instance) is IParameterReferenceOperation reference &&
                SymbolEqualityComparer.Default.Equals(reference.Parameter, element) &&
                !_symbols.IsPersonaKey(member.Member) && !FeedsCheckScoreOrSideChannel(member))
                return true;
        }
        return false;
    }

    /// <summary>The member read decides or reports rather than shapes the result: it feeds (at any depth) a check or a
    /// score, or only reaches logging, metrics or an exception (<see cref="SideChannels.IsInside"/>, as for every other
    /// use).</summary>
    private bool FeedsCheckScoreOrSideChannel(IOperation read)
    {
        for (var current = read.Parent; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation call &&
                (_symbols.IsCheckMethod(call.TargetMethod, _options) || SimilarityScores.IsScoreMethod(call.TargetMethod, _symbols)))
                return true;
        }
        return SideChannels.IsInside(read);
    }
}
