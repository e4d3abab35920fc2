using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>Every operation of a control flow graph's statements (its blocks' operations and branch values), flattened
/// once into one array in the order <see cref="OperationExtensions.DescendantsAndSelf"/> visits them, each with its
/// parent's position and its statement.</summary>
/// <remarks>PERSONA001's passes run over this array, and its sets of operations are <c>bool</c> arrays over these
/// positions: growing lists and per-origin hash sets of operations were most of what it allocated, and the compiler
/// charges the collections that allocation starts to the analyzer.</remarks>
internal sealed class GraphOperations
{
    private readonly SubstituteFlowGraph.Statement[] _statements;
    private readonly int[] _firstStatementOfBlock;
    private readonly Node[] _nodes;
    // Every position grouped by kind (a counting sort, on the first request): passes look at a few kinds each
    // (assignments, captures, calls), and a graph's operations are mostly of other kinds (references, literals,
    // conversions, arguments). One pass over the nodes serves every kind; a kind's positions stay in order.
    private int[]? _positionsByKind;
    private int[]? _kindStarts;

    /// <summary>The body's semantic model: the graph's own operations carry none.</summary>
    public SemanticModel? Model { get; }

    public GraphOperations(ControlFlowGraph graph)
    {
        Model = graph.OriginalOperation.SemanticModel;
        var blocks = graph.Blocks;
        _firstStatementOfBlock = new int[blocks.Length];
        var statementCount = 0;
        foreach (var block in blocks)
        {
            _firstStatementOfBlock[block.Ordinal] = statementCount;
            statementCount += block.Operations.Length + (block.BranchValue is null ? 0 : 1);
        }
        // One walk of the trees into a scratch array kept by the thread, then one copy at the right size: the walk costs
        // more than the copy, and a graph's operations are not known in number before it.
        var pending = new Stack<(IOperation.OperationList.Enumerator Children, int Parent)>();
        _statements = new SubstituteFlowGraph.Statement[statementCount];
        // Taken from the thread while in use: a walk that throws leaves nothing filled behind to keep operations alive.
        var scratch = Scratch ?? new Node[256];
        Scratch = null;
        var statement = 0;
        var next = 0;
        foreach (var block in blocks)
        {
            for (var i = 0; i <= block.Operations.Length; i++)
            {
                var root = i < block.Operations.Length ? block.Operations[i] : block.BranchValue;
                if (root is null)
                    continue;
                _statements[statement] = new SubstituteFlowGraph.Statement(block, i, root, next);
                next = Walk(root, statement++, ref scratch, next, pending);
            }
        }
        _nodes = new Node[next];
        Array.Copy(scratch, _nodes, next);
        // Cleared so that the scratch array keeps no operation (and with it a compilation) alive; one grown for a huge
        // body is not kept at all.
        Array.Clear(scratch, 0, next);
        Scratch = scratch.Length <= MaxKeptScratch ? scratch : null;
    }

    private const int MaxKeptScratch = 4096;

    [ThreadStatic]
    private static Node[]? Scratch;

    public int Count => _nodes.Length;

    public IOperation Operation(int index) => _nodes[index].Operation;

    /// <summary>The kind of the operation at <paramref name="index"/>, read once during the walk.</summary>
    public OperationKind Kind(int index) => _nodes[index].Kind;

    /// <summary>The positions of every operation of <paramref name="kind"/>, in order.</summary>
    public ReadOnlySpan<int> PositionsOf(OperationKind kind)
    {
        if (_positionsByKind is null || _kindStarts is null)
            SortByKind(out _positionsByKind, out _kindStarts);
        var k = (int)kind;
        return k + 1 < _kindStarts.Length ? new ReadOnlySpan<int>(_positionsByKind, _kindStarts[k], _kindStarts[k + 1] - _kindStarts[k]) : default;
    }

    private void SortByKind(out int[] positions, out int[] starts)
    {
        var largest = 0;
        foreach (var node in _nodes)
            largest = Math.Max(largest, (int)node.Kind);
        // starts[k] is where kind k's positions begin, starts[k + 1] where they end.
        starts = new int[largest + 2];
        foreach (var node in _nodes)
            starts[(int)node.Kind + 1]++;
        for (var k = 1; k < starts.Length; k++)
            starts[k] += starts[k - 1];
        positions = new int[_nodes.Length];
        // Filled from the back, each kind's slots from its end, so that the positions come out in order.
        var ends = (int[])starts.Clone();
        for (var i = _nodes.Length - 1; i >= 0; i--)
        {
            var k = (int)_nodes[i].Kind;
            positions[--ends[k + 1]] = i;
        }
    }

    /// <summary>The number of statements (block operations and branch values), in block order.</summary>
    public int StatementCount => _statements.Length;

    /// <summary>Where statement <paramref name="statement"/>'s operations lie: its root's position and the position after
    /// its last operation.</summary>
    public (int Start, int End) StatementRange(int statement) =>
        (_statements[statement].First, statement + 1 < _statements.Length ? _statements[statement + 1].First : _nodes.Length);

    /// <summary>The parent's position, -1 for a statement's root.</summary>
    public int Parent(int index) => _nodes[index].Parent;

    public SubstituteFlowGraph.Statement StatementOf(int index) => _statements[_nodes[index].Statement];

    /// <summary>The statement at <paramref name="index"/> of <paramref name="block"/> (its branch value comes
    /// last).</summary>
    public SubstituteFlowGraph.Statement StatementAt(BasicBlock block, int index) =>
        _statements[_firstStatementOfBlock[block.Ordinal] + index];

    /// <summary>The position of <paramref name="operation"/> in the tree at <paramref name="ancestor"/>, -1 when it is
    /// not there. A tree's operations follow its root contiguously, all with parents at or after it.</summary>
    public int IndexWithin(int ancestor, IOperation operation)
    {
        for (var i = ancestor; i < _nodes.Length && (i == ancestor || _nodes[i].Parent >= ancestor); i++)
        {
            if (ReferenceEquals(_nodes[i].Operation, operation))
                return i;
        }
        return -1;
    }

    /// <summary>The position of the next operation after <paramref name="after"/> that defines the capture
    /// <paramref name="id"/> (an <see cref="IFlowCaptureOperation"/>), -1 when there is none; start with -1. A capture is
    /// defined once per way that reaches its reference (<c>a ? b : c</c> defines one on each way). Asked only of the
    /// rare captures an analysis follows: a scan rather than a map per graph.</summary>
    public int NextCaptureDefinition(CaptureId id, int after)
    {
        foreach (var i in PositionsOf(OperationKind.FlowCapture))
        {
            if (i > after && ((IFlowCaptureOperation)_nodes[i].Operation).Id.Equals(id))
                return i;
        }
        return -1;
    }

    /// <summary>What the capture <paramref name="id"/> holds when one capture defines it: the variable, field or
    /// element a compound assignment (<c>x ??= …</c>) writes through, seen as the target of an assignment to a
    /// capture reference; null when several ways define it (a value, not one variable).</summary>
    private IOperation? CapturedReference(CaptureId id)
    {
        var first = NextCaptureDefinition(id, -1);
        return first < 0 || NextCaptureDefinition(id, first) >= 0 ? null : ((IFlowCaptureOperation)_nodes[first].Operation).Value;
    }

    /// <summary>What an assignment writes: its target, or — where it writes through a capture (<c>twin ??= …</c>,
    /// <c>_donor ??= …</c>, <c>ok &amp;= twin is not null &amp;&amp; …</c>) — the variable, field or element captured (the
    /// capture itself when several ways define it).</summary>
    public IOperation WrittenBy(IAssignmentOperation assignment)
    {
        var target = LinqShapes.Unwrap(assignment.Target);
        return target is IFlowCaptureReferenceOperation capture ? CapturedReference(capture.Id) ?? capture : target;
    }

    /// <summary>Pre-order, as <see cref="OperationExtensions.DescendantsAndSelf"/> visits (same enumerators, same
    /// stack), without an enumerator object per tree; <paramref name="into"/> grows as needed.</summary>
    private static int Walk(IOperation root, int statement, ref Node[] into, int next,
        Stack<(IOperation.OperationList.Enumerator Children, int Parent)> pending)
    {
        Put(ref into, next, new Node(root, -1, statement, root.Kind));
        pending.Push((root.ChildOperations.GetEnumerator(), next++));
        while (pending.Count > 0)
        {
            var (children, parent) = pending.Pop();
            if (!children.MoveNext())
                continue;
            var current = children.Current;
            pending.Push((children, parent));
            if (current is null)
                continue;
            Put(ref into, next, new Node(current, parent, statement, current.Kind));
            pending.Push((current.ChildOperations.GetEnumerator(), next++));
        }
        return next;
    }

    private static void Put(ref Node[] into, int at, Node node)
    {
        if (at == into.Length)
            Array.Resize(ref into, into.Length * 2);
        into[at] = node;
    }

    private readonly record struct Node(IOperation Operation, int Parent, int Statement, OperationKind Kind);
}
