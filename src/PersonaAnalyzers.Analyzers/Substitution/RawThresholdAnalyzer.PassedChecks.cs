using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA003's judgement of a comparison about to be reported: which compared profiles it can admit, and whether
/// the code uses one of them where no band check of the pair has passed — by the control flow graph, not the text.</summary>
public sealed partial class RawThresholdAnalyzer
{
    /// <summary>One executable root under analysis, and what its comparisons are judged with, each built on first need:
    /// most roots hold no comparison of a score, and few comparisons are ever about to be reported.</summary>
    private sealed class Body
    {
        private ScoreLocals? _scores;
        private ControlFlowGraph? _graph;
        private bool _graphBuilt;

        public Body(IOperation root, SubstitutionSymbols symbols, SubstitutionOptions options, CancellationToken cancellation)
        {
            Root = root;
            Symbols = symbols;
            Options = options;
            Cancellation = cancellation;
        }

        public IOperation Root { get; }
        public SubstitutionSymbols Symbols { get; }
        public SubstitutionOptions Options { get; }
        public CancellationToken Cancellation { get; }
        public ScoreLocals Scores => _scores ??= ScoreLocals.Collect(Root, Symbols);

        /// <summary>The root's graph, built once for all its comparisons.</summary>
        public ControlFlowGraph? Graph
        {
            get
            {
                if (!_graphBuilt)
                {
                    _graphBuilt = true;
                    _graph = OperationBlocks.Graph(Root, Cancellation);
                }
                return _graph;
            }
        }
    }

    /// <summary>A comparison being judged: the profiles its score compares (a band check of the pair names them all), the
    /// candidates among them — all but the target's own — and whether one is used where no band check of the pair has
    /// passed.</summary>
    private sealed class ComparedPair
    {
        /// <summary>Where the paths after the comparison start: the comparison, or the value a <c>switch</c> tests.</summary>
        private readonly IOperation _anchor;
        private (ControlFlowGraph Graph, BasicBlock Block, int Index)? _place;
        private bool _placed;
        private bool? _bodyChecksPair;

        public ComparedPair(IOperation anchor, ScoreLocals.Score score, Body body)
        {
            _anchor = anchor;
            Body = body;
            Profiles = ScoredProfiles.Of(score.Expression, body.Symbols, body.Root);
            CollectElements(score.Expression);
            Candidates = CandidatesAmong(Profiles, score.Expression, body.Symbols);
        }

        public Body Body { get; }
        public List<ISymbol> Profiles { get; }
        public List<ISymbol> Candidates { get; }

        /// <summary>The collections whose element the score compares (<c>Similarity(user, pool[i])</c>), each with the
        /// index read; null while there are none.</summary>
        private List<(ISymbol Collection, IOperation Index)>? _elements;

        /// <summary>What a reference of a compared profile reads of it: the reference itself, or — where the profile is an
        /// element (<c>pool[i]</c>) — the read of that element by the same index; null for a read of another element or
        /// of the collection whole (<c>pool.Count</c>), which uses no compared profile.</summary>
        public IOperation? CandidateRead(IOperation reference, ISymbol profile)
        {
            if (_elements is null)
                return reference;
            foreach (var (collection, index) in _elements)
            {
                if (!SymbolEqualityComparer.Default.Equals(collection, profile))
                    continue;
                return LinqShapes.Parent(reference, out _) is { } access && ScoredProfiles.TryElement(access, out var read, out var readIndex) &&
                       SymbolEqualityComparer.Default.Equals(read, collection) && ScoredProfiles.SameIndex(index, readIndex)
                    ? access
                    : null;
            }
            return reference;
        }

        private void CollectElements(IOperation score)
        {
            foreach (var operation in score.DescendantsAndSelf())
            {
                if (operation.Kind is (OperationKind.PropertyReference or OperationKind.ArrayElementReference) &&
                    ScoredProfiles.TryElement(operation, out var collection, out var index) && Profiles.Contains(collection!, SymbolEqualityComparer.Default))
                    (_elements ??= new()).Add((collection!, index));
            }
        }

        /// <summary><c>Similarity(target, candidate)</c> holds a candidate up to the target user: the target's own profile
        /// used past the bar (a duplicate-account guard that throws for a near-copy, then registers the user) is no
        /// substitute accepted. The target is the guard's first argument, or else the first profile compared (a kernel
        /// over two profiles' features); the score of one profile (a search hit's) compares it with no other.</summary>
        private static List<ISymbol> CandidatesAmong(List<ISymbol> profiles, IOperation score, SubstitutionSymbols symbols)
        {
            var target = ScoredProfiles.Target(score, null, symbols);
            // One profile named: a hit's own (hit.Score), or the target alone — Similarity(user, pool[k]) over an element
            // read no other way, index.MostSimilar(user) is { Similarity: > 0.9 } — which is no candidate.
            if (profiles.Count < 2)
                return profiles.Count == 1 && target is not null && SymbolEqualityComparer.Default.Equals(ScoredProfiles.SymbolOf(target), profiles[0])
                    ? new List<ISymbol>()
                    : profiles;
            var own = target is not null ? ScoredProfiles.SymbolOf(target) : profiles[0];
            var candidates = new List<ISymbol>(profiles.Count);
            foreach (var profile in profiles)
            {
                if (!SymbolEqualityComparer.Default.Equals(profile, own))
                    candidates.Add(profile);
            }
            return candidates;
        }

        /// <summary>Whether the candidate is used after the comparison somewhere a path reaches with no band check of the
        /// pair passed since the candidate got its value. When every use lies past a passed check — <c>if (!v.IsSafe ||
        /// v.Similarity &gt; 0.95) return user; return twin;</c> — the bar only decides between using a profile the check
        /// admitted and not using it: it can make the code reject more, never admit what the check turned down, so it
        /// narrows rather than accepts. A candidate given the guard's pick (<c>var donor = Guard.SafestSubstitute(user,
        /// pool);</c>: a safe one or null) has passed a check there. With no place in a graph found for the comparison
        /// every use counts.</summary>
        public bool UsedUnchecked(ISymbol candidate)
        {
            // Most bars reported check nothing at all: with no check of the pair in the body, and no pick of the guard's
            // for the candidate, none can have passed, and no graph is built.
            _bodyChecksPair ??= ChecksPair(Body.Root, Profiles, Body.Symbols, Body.Options, Body.Scores);
            if (_bodyChecksPair == false && !BodyPicks(candidate) || Place() is not { } at)
                return true;
            var graph = at.Graph;
            var afterComparison = Reach(graph, new List<(BasicBlock, int)> { (at.Block, at.Index) }, null);
            var uncheckedFrom = Reach(graph, Assignments(graph, candidate), candidate);
            var only = new List<ISymbol> { candidate };
            var statements = new List<int>();
            foreach (var block in graph.Blocks)
            {
                if (uncheckedFrom[block.Ordinal] == int.MaxValue)
                    continue;
                statements.Clear();
                UncheckedPast(block, uncheckedFrom[block.Ordinal], candidate, statements);
                foreach (var i in statements)
                {
                    if (i >= afterComparison[block.Ordinal] && UsesOutsideChecks(graph, Statement(block, i), only))
                        return true;
                }
            }
            return false;
        }

        /// <summary>For each block (by ordinal), the first statement at which a path from <paramref name="starts"/> enters
        /// it (<see cref="int.MaxValue"/>: none does). With a <paramref name="candidate"/> the paths do not go on past a
        /// band check of the pair that passed: the passing way of a branch on one, a check that returns nothing (it
        /// throws for an unsafe pair), or the guard's pick given to the candidate — unless the candidate is given
        /// another value after it.</summary>
        private int[] Reach(ControlFlowGraph graph, List<(BasicBlock Block, int Index)> starts, ISymbol? candidate)
        {
            var from = new int[graph.Blocks.Length];
            for (var i = 0; i < from.Length; i++)
                from[i] = int.MaxValue;
            var pending = new Stack<BasicBlock>();
            foreach (var (block, index) in starts)
                Enter(block, index);
            while (pending.Count > 0)
            {
                var block = pending.Pop();
                // Anything in a try can throw — the check itself included — and a handler that lets the body go on
                // after it is a way round the check.
                foreach (var handler in Handlers(graph, block))
                    Enter(handler, 0);
                if (candidate is not null && !UncheckedPast(block, from[block.Ordinal], candidate, null))
                    continue;
                var passing = candidate is not null ? PassingWay(graph, block) : null;
                if (block.ConditionalSuccessor is { Destination: { } taken } conditional && conditional != passing)
                    Enter(taken, 0);
                if (block.FallThroughSuccessor is { Destination: { } next } fallThrough && fallThrough != passing)
                    Enter(next, 0);
            }
            return from;

            void Enter(BasicBlock block, int index)
            {
                if (index >= from[block.Ordinal])
                    return;
                from[block.Ordinal] = index;
                pending.Push(block);
            }
        }

        /// <summary>Walks the block from the statement a path enters it at, its value unchecked there: a passed check
        /// (<see cref="PassedBarrier"/>) makes it checked, a write of the candidate unchecked again. Adds the statements
        /// at which it is unchecked to <paramref name="uncheckedAt"/>, and says whether it is unchecked past the last.</summary>
        private bool UncheckedPast(BasicBlock block, int from, ISymbol candidate, List<int>? uncheckedAt)
        {
            var isUnchecked = true;
            for (var i = System.Math.Max(from, 0); i < Count(block); i++)
            {
                var statement = Statement(block, i);
                if (i < block.Operations.Length && PassedBarrier(statement, candidate))
                    isUnchecked = false;
                else if (!isUnchecked && Writes(statement, candidate))
                    isUnchecked = true;
                if (isUnchecked)
                    uncheckedAt?.Add(i);
            }
            return isUnchecked;
        }

        /// <summary>Where the candidate's value may start out unchecked: the entry (a parameter, or a value from outside
        /// the graph), and every statement that assigns the candidate — a check of what it held before says nothing of
        /// what it holds after (the guard's pick is judged a passed check where the block is walked).</summary>
        private static List<(BasicBlock Block, int Index)> Assignments(ControlFlowGraph graph, ISymbol candidate)
        {
            var starts = new List<(BasicBlock, int)> { (graph.Blocks[0], 0) };
            foreach (var block in graph.Blocks)
            {
                for (var i = 0; i < Count(block); i++)
                {
                    if (Writes(Statement(block, i), candidate))
                        starts.Add((block, i));
                }
            }
            return starts;
        }

        /// <summary>The statement assigns the variable: by assignment, deconstruction, an <c>out</c> or <c>ref</c>
        /// argument, or a pattern that declares it (<c>is { } twin</c>).</summary>
        private static bool Writes(IOperation statement, ISymbol variable)
        {
            foreach (var operation in statement.DescendantsAndSelf())
            {
                var written = operation switch
                {
                    IDeconstructionAssignmentOperation deconstruction => OperationBlocks.Mentions(deconstruction.Target, variable),
                    IAssignmentOperation assignment => IsVariable(assignment.Target, variable),
                    IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument => IsVariable(argument.Value, variable),
                    IPatternOperation pattern => SymbolEqualityComparer.Default.Equals(LinqShapes.DeclaredBy(pattern), variable),
                    _ => false,
                };
                if (written)
                    return true;
            }
            return false;
        }

        private static bool IsVariable(IOperation target, ISymbol variable) =>
            SymbolEqualityComparer.Default.Equals(ScoredProfiles.SymbolOf(LinqShapes.Written(target)), variable);

        /// <summary>The way out of a branch on a band check of the pair that the check's passing answer takes: the safe
        /// one by <see cref="BandTests.SenseOf"/>, or the true one of a vetting method of the user's own whose sense is not
        /// known. Null for any other branch.</summary>
        private ControlFlowBranch? PassingWay(ControlFlowGraph graph, BasicBlock block)
        {
            if (block.ConditionKind == ControlFlowConditionKind.None || block.BranchValue is not { } test || !ChecksThePair(graph, test))
                return null;
            bool passesWhen;
            switch (BandTests.SenseOf(test, Body.Symbols))
            {
                case Sense.SafeWhenTrue:
                    passesWhen = true;
                    break;
                case Sense.SafeWhenFalse:
                    passesWhen = false;
                    break;
                case Sense.Unknown when BandTests.Unnegated(test, out var negated) is IInvocationOperation { Type.SpecialType: SpecialType.System_Boolean } call &&
                                        Body.Symbols.IsCheckMethod(call.TargetMethod, Body.Options):
                    passesWhen = !negated;
                    break;
                default:
                    return null;
            }
            // The conditional successor is taken when the branch value equals the condition kind's sense.
            return (block.ConditionKind == ControlFlowConditionKind.WhenTrue) == passesWhen ? block.ConditionalSuccessor : block.FallThroughSuccessor;
        }

        /// <summary><see cref="ChecksPair"/> of a branch value, also through the flow captures the graph keeps a value in:
        /// <c>switch (Classify(user, twin))</c> tests a capture of the call.</summary>
        private bool ChecksThePair(ControlFlowGraph graph, IOperation test)
        {
            if (ChecksPair(test, Profiles, Body.Symbols, Body.Options, Body.Scores))
                return true;
            foreach (var operation in test.DescendantsAndSelf())
            {
                if (operation is not IFlowCaptureReferenceOperation reference)
                    continue;
                foreach (var block in graph.Blocks)
                {
                    foreach (var statement in block.Operations)
                    {
                        if (statement is IFlowCaptureOperation capture && capture.Id.Equals(reference.Id) &&
                            ChecksPair(capture.Value, Profiles, Body.Symbols, Body.Options, Body.Scores))
                            return true;
                    }
                }
            }
            return false;
        }

        /// <summary>The statement is a passed check of the pair for the candidate: a check of the pair returning nothing
        /// (<c>EnsureSafe(user, twin);</c>, which throws for an unsafe pair), or the guard's pick for the target given to
        /// the candidate (<see cref="IsPickFor"/>).</summary>
        private bool PassedBarrier(IOperation statement, ISymbol candidate)
        {
            var operation = LinqShapes.Unwrap(statement is IExpressionStatementOperation expression ? expression.Operation : statement);
            if (operation is IInvocationOperation { TargetMethod.ReturnsVoid: true } call)
                return Body.Symbols.IsCheckMethod(call.TargetMethod, Body.Options) && MentionsAll(call, Profiles);
            return operation is ISimpleAssignmentOperation assignment && IsVariable(assignment.Target, candidate) && IsPickFor(assignment.Value, candidate);
        }

        /// <summary>The value is the guard's <c>SafestSubstitute</c> for the profiles the score compares the candidate
        /// with — <c>Guard.SafestSubstitute(user, pool)</c> for <c>Similarity(user, donor)</c> hands back only a candidate
        /// it found safe for <c>user</c>, or null; not one picked for another target — or the runtime's, whose pick is the
        /// <c>Profile</c> of the vetted candidate it hands back (<c>pick.Profile</c>, <c>pick.Value.Profile</c>, the pick
        /// called in place or kept in a local every write of which is one).</summary>
        private bool IsPickFor(IOperation value, ISymbol candidate)
        {
            value = LinqShapes.Unwrap(value);
            // Guard.SafestSubstitute(user, pool) ?? user (what PERSONA002's fix makes of an unseeded Aggregate): the pick, or
            // the target's own profile, which is no substitute. The graph keeps the ?? in flow captures: read it from the
            // body's own tree.
            if (value is IFlowCaptureReferenceOperation captured)
                value = Coalesce(captured.Syntax) ?? value;
            if (value is ICoalesceOperation orOwn)
                return IsOwnProfile(orOwn.WhenNull, candidate) && IsPickFor(orOwn.Value, candidate);
            if (value is IPropertyReferenceOperation { Property.Name: "Profile", Instance: { } vetted } &&
                Body.Symbols.VettedCandidateOfT is { } vettedType &&
                SymbolEqualityComparer.Default.Equals(vetted.Type?.OriginalDefinition, vettedType))
            {
                vetted = LinqShapes.Unwrap(vetted);
                if (vetted is IPropertyReferenceOperation { Property.Name: "Value", Instance: { } nullable })
                    vetted = LinqShapes.Unwrap(nullable);
                return vetted is ILocalReferenceOperation local ? AlwaysPicked(local.Local, candidate) : IsPickCall(vetted, candidate);
            }
            return IsPickCall(value, candidate);
        }

        private ICoalesceOperation? Coalesce(SyntaxNode syntax)
        {
            foreach (var operation in Body.Root.Descendants())
            {
                if (operation is ICoalesceOperation coalesce && coalesce.Syntax == syntax)
                    return coalesce;
            }
            return null;
        }

        /// <summary>One of the profiles the score compares other than the candidate: the target.</summary>
        private bool IsOwnProfile(IOperation value, ISymbol candidate)
        {
            if (ScoredProfiles.SymbolOf(value) is not { } own || SymbolEqualityComparer.Default.Equals(own, candidate))
                return false;
            foreach (var profile in Profiles)
            {
                if (SymbolEqualityComparer.Default.Equals(profile, own))
                    return true;
            }
            return false;
        }

        private bool IsPickCall(IOperation value, ISymbol candidate)
        {
            value = LinqShapes.Unwrap(value);
            if (value is IAwaitOperation awaited)
                value = LinqShapes.TaskOf(awaited.Operation);
            if (value is not IInvocationOperation call || !Body.Symbols.PicksSafest(call.TargetMethod))
                return false;
            var others = 0;
            foreach (var profile in Profiles)
            {
                if (SymbolEqualityComparer.Default.Equals(profile, candidate))
                    continue;
                if (!MentionsProfile(call, profile))
                    return false;
                others++;
            }
            return others > 0;
        }

        /// <summary>Every write of the local in the body gives it a pick (<c>var pick = vetter.SafestSubstitute(user,
        /// pool);</c>, <c>if (vetter.SafestSubstitute(user, pool) is not { } pick) return …;</c>), and there is one.</summary>
        private bool AlwaysPicked(ILocalSymbol local, ISymbol candidate)
        {
            var any = false;
            foreach (var operation in Body.Root.Descendants())
            {
                IOperation? written = null;
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        written = declarator.Initializer?.Value;
                        break;
                    case IPatternOperation pattern when SymbolEqualityComparer.Default.Equals(LinqShapes.DeclaredBy(pattern), local):
                        var tested = pattern.Parent;
                        while (tested is IPatternOperation)
                            tested = tested.Parent;
                        written = (tested as IIsPatternOperation)?.Value;
                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) && ScoredProfiles.IsWritten(reference):
                        return false;
                    default:
                        continue;
                }
                if (written is null || !IsPickCall(written, candidate))
                    return false;
                any = true;
            }
            return any;
        }

        /// <summary>The body gives the candidate the guard's pick somewhere (a declaration or an assignment).</summary>
        private bool BodyPicks(ISymbol candidate)
        {
            foreach (var operation in Body.Root.Descendants())
            {
                var picked = operation switch
                {
                    IVariableDeclaratorOperation { Initializer.Value: { } value } declarator =>
                        SymbolEqualityComparer.Default.Equals(declarator.Symbol, candidate) && IsPickFor(value, candidate),
                    ISimpleAssignmentOperation assignment => IsVariable(assignment.Target, candidate) && IsPickFor(assignment.Value, candidate),
                    _ => false,
                };
                if (picked)
                    return true;
            }
            return false;
        }

        /// <summary>A use (<see cref="IsUse"/>) other than handing the candidate to a band check or giving it a value (the
        /// graph writes a <c>foreach</c> variable by assignment); also inside a lambda made here, whose body the graph
        /// keeps in a graph of its own.</summary>
        private bool UsesOutsideChecks(ControlFlowGraph graph, IOperation statement, List<ISymbol> candidate)
        {
            foreach (var operation in statement.DescendantsAndSelf())
            {
                if (operation is IFlowAnonymousFunctionOperation lambda && LambdaUses(graph.GetAnonymousFunctionControlFlowGraph(lambda, Body.Cancellation), candidate))
                    return true;
                if (!IsUse(operation, candidate, this))
                    continue;
                var parent = LinqShapes.Parent(CandidateRead(operation, candidate[0]) ?? operation, out var child);
                var checkedOrWritten = parent switch
                {
                    IArgumentOperation { Parent: IInvocationOperation call } argument =>
                        Body.Symbols.IsCheckMethod(call.TargetMethod, Body.Options) || argument.Parameter?.RefKind == RefKind.Out,
                    IAssignmentOperation assignment => assignment.Target == child,
                    IDeclarationExpressionOperation => true,
                    _ => false,
                };
                if (!checkedOrWritten)
                    return true;
            }
            return false;
        }

        private bool LambdaUses(ControlFlowGraph lambda, List<ISymbol> candidate)
        {
            foreach (var block in lambda.Blocks)
            {
                for (var i = 0; i < Count(block); i++)
                {
                    if (UsesOutsideChecks(lambda, Statement(block, i), candidate))
                        return true;
                }
            }
            return false;
        }

        private (ControlFlowGraph Graph, BasicBlock Block, int Index)? Place()
        {
            if (!_placed)
            {
                _placed = true;
                _place = Body.Graph is { } graph ? Find(graph, _anchor.Syntax) : null;
            }
            return _place;
        }

        /// <summary>The statement that holds <paramref name="syntax"/>, in the graph or in that of the lambda or local
        /// function it sits in.</summary>
        private (ControlFlowGraph Graph, BasicBlock Block, int Index)? Find(ControlFlowGraph graph, SyntaxNode syntax)
        {
            foreach (var block in graph.Blocks)
            {
                for (var i = 0; i < Count(block); i++)
                {
                    foreach (var operation in Statement(block, i).DescendantsAndSelf())
                    {
                        if (operation.Syntax == syntax)
                            return (graph, block, i);
                        if (operation is IFlowAnonymousFunctionOperation lambda && lambda.Syntax.Span.Contains(syntax.Span))
                            return Find(graph.GetAnonymousFunctionControlFlowGraph(lambda, Body.Cancellation), syntax);
                    }
                }
            }
            foreach (var function in graph.LocalFunctions)
            {
                foreach (var reference in function.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == syntax.SyntaxTree && reference.Span.Contains(syntax.Span))
                        return Find(graph.GetLocalFunctionControlFlowGraph(function, Body.Cancellation), syntax);
                }
            }
            return null;
        }

        /// <summary>The first blocks of the handlers (<c>catch</c>, filter, <c>finally</c>) of every <c>try</c> the block
        /// sits in.</summary>
        private static IEnumerable<BasicBlock> Handlers(ControlFlowGraph graph, BasicBlock block)
        {
            for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
            {
                if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { } handled)
                    continue;
                foreach (var handler in handled.NestedRegions)
                {
                    if (handler.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Finally)
                        yield return graph.Blocks[handler.FirstBlockOrdinal];
                }
            }
        }

        /// <summary>The block's statements, its branch value last.</summary>
        private static int Count(BasicBlock block) => block.Operations.Length + (block.BranchValue is null ? 0 : 1);

        private static IOperation Statement(BasicBlock block, int index) =>
            index < block.Operations.Length ? block.Operations[index] : block.BranchValue!;
    }
}
