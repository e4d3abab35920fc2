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
/// <remarks>Values are tracked flow-insensitively (locals, flow captures, collection operators), and a use that reads a
/// local is then judged from the assignments that reach it (see <c>ReachesLocal</c>); the check is flow-sensitive over
/// the graph's blocks, so <c>if</c>/<c>else</c>, early returns, <c>is</c> patterns,
/// <c>switch</c>, <c>?:</c>, <c>&amp;&amp;</c>/<c>||</c> and loops all come out of the graph's lowering rather than from
/// textual order.</remarks>
internal sealed partial class SubstituteFlowGraph
{
    private const int MaxRounds = 8;

    private readonly ControlFlowGraph _graph;
    private readonly SubstitutionSymbols _symbols;
    private readonly SubstitutionOptions _options;
    private readonly bool _returnsHandedOn;
    private readonly CancellationToken _cancellation;
    private readonly Dictionary<ILocalSymbol, List<Taint>> _locals;
    private readonly Dictionary<CaptureId, List<Taint>> _captures = new();
    private readonly Dictionary<IOperation, List<Taint>> _values = new(OperationIdentity<IOperation>.Comparer);
    private readonly List<(SubstituteOrigin Origin, Statement Statement)> _origins = new();
    // Null until needed: most graphs derive no element, capture nothing and build no lambda graph, and the compiler
    // charges the collections allocation starts to the analyzer.
    private readonly HashSet<SubstituteOrigin>? _seeded;
    /// <summary>The parameters of a lambda that receive a substitute collection's elements; null in every other graph.</summary>
    private readonly Dictionary<IParameterSymbol, List<Taint>>? _parameters;
    private HashSet<IOperation>? _derived;
    private Dictionary<IFlowAnonymousFunctionOperation, SubstituteFlowGraph>? _lambdas;
    private Dictionary<IFlowAnonymousFunctionOperation, SubstituteFlowGraph>? _elementLambdas;
    private Dictionary<IMethodSymbol, SubstituteFlowGraph>? _localFunctions;
    /// <summary>Local functions of this graph or an enclosing one that return a substitute unchecked (see
    /// <see cref="FindHandingOn"/>).</summary>
    private readonly HashSet<IMethodSymbol>? _handingOn;
    /// <summary>Lambdas that return a substitute unchecked to the call they are given to, and those calls (see
    /// <see cref="FindYieldingCalls"/>).</summary>
    private HashSet<IFlowAnonymousFunctionOperation>? _handingLambdas;
    /// <summary>By the position of the substitute in the tuple the lambda returns (-1: the profile itself).</summary>
    private Dictionary<IInvocationOperation, int>? _yieldingCalls;
    private readonly GraphOperations _all;
    private readonly SourceSites _sites;
    private List<(SubstituteOrigin Origin, Use Use)>? _uses;
    private List<(int Position, List<Taint> Taints)>? _carrying;
    private OriginFacts? _facts;
    /// <summary>Some origin is other users' ids: only then is a lookup by id looked for.</summary>
    private bool _keys;
    /// <summary>Some origin is what <c>CandidateVetter.Vet</c> handed back: only then is a vetted candidate's
    /// <c>Verdict</c> looked for as the check of it.</summary>
    private bool _vets;
    private bool? _removesElements;
    // The path search's state, allocated on a graph's first search (see PathExists).
    private bool[]? _visited;
    private bool[]? _decidingBlocks;
    private Stack<(BasicBlock Block, int From)>? _pending;
    /// <summary>Per block, the first blocks of the catch handlers an exception thrown in it can reach; computed on the
    /// first path search, null when the body has no <c>try</c>/<c>catch</c> (see <see cref="CatchEntries"/>).</summary>
    private List<BasicBlock>?[]? _catchEntries;
    private bool _catchEntriesComputed;

    public SubstituteFlowGraph(ControlFlowGraph graph, SubstitutionSymbols symbols, SubstitutionOptions options, bool returnsHandedOn,
        Dictionary<ILocalSymbol, List<Taint>>? seeds, SourceSites sites, CancellationToken cancellation, HashSet<IMethodSymbol>? handingOn = null,
        Dictionary<IParameterSymbol, List<Taint>>? elements = null)
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
            foreach (var pair in seeds)
                _locals[pair.Key] = new List<Taint>(pair.Value);
            _seeded = Seeded(seeds.Values, null);
        }
        if (elements is not null)
        {
            // A lambda handed a substitute collection's elements (see ElementLambdaUse).
            _parameters = elements;
            _seeded = Seeded(elements.Values, _seeded);
        }
        if (_seeded is not null)
        {
            foreach (var origin in _seeded)
                _keys |= origin.IsKey; // ids captured from the enclosing graph may be looked up here
            _pairsAnswers = CarriesAnswers(seeds?.Values) || CarriesAnswers(elements?.Values);
        }
        // One walk of the trees; every later pass runs over its result.
        _all = new GraphOperations(graph);
        _handingOn = FindHandingOn(handingOn);
        FindYieldingCalls();
        TrackValues();
        foreach (var i in _all.PositionsOf(OperationKind.FlowAnonymousFunction))
        {
            var lambda = (IFlowAnonymousFunctionOperation)_all.Operation(i);
            // A lambda gets its own graph only when it obtains a substitute or mentions a tracked local: most lambdas
            // (selectors, predicates) do neither, and their graphs are not free.
            if ((_lambdas is null || !_lambdas.ContainsKey(lambda)) && (sites.Within(lambda.Syntax.Span) || MentionsTrackedLocal(lambda.Syntax)))
                (_lambdas ??= new(OperationIdentity<IFlowAnonymousFunctionOperation>.Comparer))[lambda] = new SubstituteFlowGraph(graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellation), symbols, options,
                    returnsHandedOn: _handingLambdas?.Contains(lambda) == true || ReturnsTaskToCall(lambda), _locals, sites, cancellation, _handingOn);
        }
        foreach (var localFunction in graph.LocalFunctions)
        {
            // The same for a local function; the substitute it captures is used where it is called (see Uses).
            if (!Within(localFunction) && !MentionsTrackedLocal(localFunction))
                continue;
            var handedOn = SubstituteSources.IsSubstituteMember(localFunction, symbols, options) || _handingOn?.Contains(localFunction) == true;
            (_localFunctions ??= new(SymbolEqualityComparer.Default))[localFunction] = new SubstituteFlowGraph(
                graph.GetLocalFunctionControlFlowGraph(localFunction, cancellation), symbols, options, handedOn, _locals, sites, cancellation, _handingOn);
        }
    }

    /// <summary>The origins an enclosing graph hands this one, added to <paramref name="into"/>.</summary>
    private static HashSet<SubstituteOrigin> Seeded(IEnumerable<List<Taint>> taints, HashSet<SubstituteOrigin>? into)
    {
        into ??= new HashSet<SubstituteOrigin>();
        foreach (var list in taints)
        {
            foreach (var taint in list)
                into.Add(taint.Origin);
        }
        return into;
    }

    private bool MentionsTrackedLocal(IMethodSymbol localFunction)
    {
        foreach (var reference in localFunction.DeclaringSyntaxReferences)
        {
            if (MentionsTrackedLocal(reference.GetSyntax(_cancellation)))
                return true;
        }
        return false;
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
            if (origin.IsKey || IsTakenFromSeeded(origin))
                continue; // ids are no profile: the lookups they feed are reported; an element of what the enclosing body holds is reported there
            if (origin.TakenFrom is { } collection && TakenAfterRemovingUnchecked(collection, statement))
                continue;
            var use = FirstUncheckedUse(origin, statement);
            if (use is { } found)
                report(CreateDiagnostic(origin, found));
        }
        if (_lambdas is not null)
        {
            foreach (var lambda in _lambdas.Values)
                lambda.Report(report);
        }
        if (_localFunctions is not null)
        {
            foreach (var localFunction in _localFunctions.Values)
                localFunction.Report(report);
        }
    }

    /// <summary>An element taken from <paramref name="collection"/> only after a statement that removed the unchecked
    /// profiles from it (<c>neighbours.RemoveAll(n =&gt; !Check(user, n))</c>, see <see cref="OriginFacts.IsBarrier"/>) on
    /// every way there: what is left has passed the check, whether it is then taken by <c>foreach</c>, an indexer or
    /// <c>First()</c>.</summary>
    private bool TakenAfterRemovingUnchecked(SubstituteOrigin collection, Statement taken)
    {
        if (!RemovesElements() || DefinedAt(collection) is not { } defined)
            return false;
        return !PathExists(defined.Block, defined.Index, taken, redefinition: null, Facts(collection), deciding: null, holding: null);
    }

    /// <summary>Some call of the graph removes elements by a predicate (<see cref="IsRemoval"/>); asked for each element
    /// origin, answered once.</summary>
    private bool RemovesElements()
    {
        if (_removesElements is { } known)
            return known;
        foreach (var i in _all.PositionsOf(OperationKind.Invocation))
        {
            if (IsRemoval((IInvocationOperation)_all.Operation(i)))
                return (_removesElements = true).Value;
        }
        return (_removesElements = false).Value;
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
    private bool HasUncheckedUse(SubstituteOrigin origin) => UncheckedUseFromEntry(origin) is not null;

    private Use? UncheckedUseFromEntry(SubstituteOrigin origin)
    {
        if (_seeded is null || !_seeded.Contains(origin))
            return null;
        var entry = _graph.Blocks[0];
        if (FirstUncheckedUse(origin, new Statement(entry, 0, entry.BranchValue ?? (IOperation?)null, first: -1)) is { } use)
            return use;
        // The elements taken from it here, each judged from where it is taken.
        foreach (var (taken, statement) in _origins)
        {
            if (taken.TakenFrom == origin && FirstUncheckedUse(taken, statement) is { } elementUse)
                return elementUse;
        }
        return null;
    }

    private bool IsTakenFromSeeded(SubstituteOrigin origin) => origin.TakenFrom is { } collection && _seeded is not null && _seeded.Contains(collection);

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

    /// <summary>Every operation of a lambda's own graph (a predicate or selector searched for a check or a read).</summary>
    private IEnumerable<IOperation> OperationsOf(IFlowAnonymousFunctionOperation lambda) =>
        OperationsOf(_graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellation));

    private static IEnumerable<IOperation> OperationsOf(ControlFlowGraph graph)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var root in Roots(block))
            {
                foreach (var operation in root.DescendantsAndSelf())
                    yield return operation;
            }
        }
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
        public Use(Statement statement, IOperation operation, UseKind kind, bool whole = false)
        {
            Statement = statement;
            Operation = operation;
            Kind = kind;
            Whole = whole;
        }

        public Statement Statement { get; }
        public IOperation Operation { get; }
        public UseKind Kind { get; }

        /// <summary>A use of a whole collection of substitutes (returned, stored, handed over, its elements handed to a
        /// lambda), not of one element taken from it.</summary>
        public bool Whole { get; }
    }
}
