using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

internal sealed partial class SubstituteFlowGraph
{
    /// <summary>What is known about one origin's checks: the locals holding a verdict on it (<c>var v =
    /// Assess(target, n)</c>, <c>out var verdict</c>), the locals computed from it (<c>var s = Similarity(target,
    /// n)</c>, checked by <c>bands.Classify(s)</c>), and the blocks whose branch such a verdict decides. "Mentions" and
    /// "decides" are computed bottom-up once per round as flags over the graph's operation positions, so every question
    /// is a lookup.</summary>
    private sealed partial class OriginFacts
    {
        private readonly SubstituteFlowGraph _owner;
        private readonly GraphOperations _all;
        private readonly HashSet<ILocalSymbol> _verdictLocals = new(SymbolEqualityComparer.Default);
        /// <summary>Locals given a verdict and, somewhere, a value that says nothing of it: <c>if (vip) ok = true;</c>.</summary>
        private readonly HashSet<ILocalSymbol> _overriddenLocals = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> _derivedLocals = new(SymbolEqualityComparer.Default);
        /// <summary>Fields and auto-properties of this object (or static ones) holding a verdict: <c>_approved =
        /// Assess(target, n).IsSafe; if (!_approved) …</c>.</summary>
        private readonly HashSet<ISymbol> _verdictMembers = new(SymbolEqualityComparer.Default);
        private readonly HashSet<CaptureId> _verdictCaptures = new();
        private readonly bool[] _mentioning;
        private readonly bool[] _deciding;
        private readonly List<(int Position, List<Taint> Taints)> _carrying;
        private SubstituteOrigin? _origin;

        /// <summary>Counts, for a collection origin, only the checks given the whole collection (see <see cref="Counts"/>).</summary>
        private readonly bool _wholeOnly;

        public OriginFacts(SubstituteFlowGraph owner, bool wholeOnly = false)
        {
            _owner = owner;
            _wholeOnly = wholeOnly;
            _all = owner._all;
            _mentioning = new bool[_all.Count];
            _deciding = new bool[_all.Count];
            _carrying = owner.Carrying();
        }

        public List<BasicBlock> DecidedBlocks { get; } = new();

        /// <summary>Some check of the collection origin was given one of its elements, not the collection
        /// (<see cref="Counts"/>).</summary>
        public bool ChecksAnElementOnly { get; private set; }

        public void Compute(SubstituteOrigin origin)
        {
            _origin = origin;
            ChecksAnElementOnly = false;
            _verdictLocals.Clear();
            _overriddenLocals.Clear();
            _verdictMembers.Clear();
            _derivedLocals.Clear();
            _verdictCaptures.Clear();
            for (var round = 0; round < 4; round++)
            {
                Recompute();
                // Each kind's pass reads only the flags Recompute set, so the kinds can be visited one after another.
                var changed = false;
                foreach (var i in _all.PositionsOf(OperationKind.SimpleAssignment))
                {
                    var assignment = (ISimpleAssignmentOperation)_all.Operation(i);
                    // ok = ok && Assess(…).IsSafe writes through a capture of the local, taken before the && runs.
                    switch (_all.WrittenBy(assignment))
                    {
                        case ILocalReferenceOperation local:
                            var value = _all.IndexWithin(i, assignment.Value);
                            // var pair = (Twin: t, Verdict: Assess(user, t)): the pair is followed, its answer decides where read.
                            if (IsSet(_deciding, value) && AnswerCarriedIn(assignment.Value) < 0)
                            {
                                if (!_overriddenLocals.Contains(local.Local))
                                    changed |= _verdictLocals.Add(local.Local);
                            }
                            else if (_owner.TaintsOf(assignment.Value).Count == 0 && IsSet(_mentioning, value))
                                changed |= _derivedLocals.Add(local.Local);
                            break;
                        case IMemberReferenceOperation member when IsSet(_deciding, _all.IndexWithin(i, assignment.Value)) && OwnStorage(member) is { } storage:
                            changed |= _verdictMembers.Add(storage);
                            break;
                    }
                }
                // Assess(user, twin) is var v && v.IsSafe, case var v when v.IsSafe: the pattern's local holds the verdict.
                foreach (var i in _all.PositionsOf(OperationKind.IsPattern))
                {
                    var test = (IIsPatternOperation)_all.Operation(i);
                    var declared = LinqShapes.DeclaredBy(test.Pattern) as ILocalSymbol;
                    if (declared is not null && IsSet(_deciding, _all.IndexWithin(i, test.Value)) && !_overriddenLocals.Contains(declared))
                        changed |= _verdictLocals.Add(declared);
                }
                changed |= AddFoldedVerdicts();
                changed |= AddDeconstructedVerdicts();
                changed |= RemoveOverriddenLocals();
                foreach (var i in _all.PositionsOf(OperationKind.FlowCapture))
                {
                    var capture = (IFlowCaptureOperation)_all.Operation(i);
                    if (IsSet(_deciding, _all.IndexWithin(i, capture.Value)) && AnswerCarriedIn(capture.Value) < 0)
                        changed |= _verdictCaptures.Add(capture.Id);
                }
                foreach (var i in _all.PositionsOf(OperationKind.Invocation))
                {
                    var invocation = (IInvocationOperation)_all.Operation(i);
                    if (!IsCheck(invocation, i))
                        continue;
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.RefKind == RefKind.Out && LinqShapes.Written(argument.Value) is ILocalReferenceOperation outLocal)
                            changed |= _verdictLocals.Add(outLocal.Local);
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

        /// <summary><c>ok &amp;= Assess(user, twin).IsSafe;</c>: true afterwards only when the pair is safe, as
        /// <c>ok = ok &amp;&amp; …</c> is. <c>ok |= vip;</c> after a verdict lets an answer of another kind through: the local
        /// no longer decides.</summary>
        private bool AddFoldedVerdicts()
        {
            var changed = false;
            foreach (var i in _all.PositionsOf(OperationKind.CompoundAssignment))
            {
                var folded = (ICompoundAssignmentOperation)_all.Operation(i);
                if (_all.WrittenBy(folded) is not ILocalReferenceOperation { Local: var local })
                    continue;
                var decides = IsSet(_deciding, _all.IndexWithin(i, folded.Value));
                if (folded.OperatorKind == BinaryOperatorKind.And && decides && !_overriddenLocals.Contains(local))
                    changed |= _verdictLocals.Add(local);
                else if (folded.OperatorKind == BinaryOperatorKind.Or && !decides && _verdictLocals.Contains(local) && FollowsAVerdict(local, _all.StatementOf(i)) &&
                         _overriddenLocals.Add(local))
                {
                    _verdictLocals.Remove(local);
                    changed = true;
                }
            }
            return changed;
        }

        /// <summary><c>var (safe, confidence) = (v.IsSafe, v.Confidence);</c>: a local given a verdict element by
        /// element holds it as one assigned it whole.</summary>
        private bool AddDeconstructedVerdicts()
        {
            var changed = false;
            foreach (var i in _all.PositionsOf(OperationKind.DeconstructionAssignment))
            {
                var deconstruction = (IDeconstructionAssignmentOperation)_all.Operation(i);
                if (LinqShapes.Written(deconstruction.Target) is not ITupleOperation targets)
                    continue;
                // foreach (var (n, verdict) in pairs), var (twin, verdict) = pair: the local given the answer the pair carries.
                if (AnswerCarriedIn(deconstruction.Value) is var answer and >= 0 && answer < targets.Elements.Length &&
                    LinqShapes.Written(targets.Elements[answer]) is ILocalReferenceOperation { Local: var answerLocal } && !_overriddenLocals.Contains(answerLocal))
                    changed |= _verdictLocals.Add(answerLocal);
                if (LinqShapes.Unwrap(deconstruction.Value) is not ITupleOperation values || values.Elements.Length != targets.Elements.Length)
                    continue;
                for (var k = 0; k < values.Elements.Length; k++)
                {
                    if (LinqShapes.Written(targets.Elements[k]) is ILocalReferenceOperation { Local: var local } &&
                        IsSet(_deciding, _all.IndexWithin(i, values.Elements[k])) && !_overriddenLocals.Contains(local))
                        changed |= _verdictLocals.Add(local);
                }
            }
            return changed;
        }

        /// <summary>A verdict local that some assignment gives a value saying nothing of the check — <c>if (vip) ok =
        /// true;</c>, <c>ok = ok || vip;</c>, <c>ok = cached;</c> — no longer tells, where it is read, whether the pair is
        /// safe: a branch on it decides nothing. A constant that says "unsafe" in the verdict's own sense (<c>bool ok =
        /// false;</c> before <c>ok = TrySubstitute(…)</c>) keeps it a verdict, as does a verdict on another profile.</summary>
        private bool RemoveOverriddenLocals()
        {
            if (_verdictLocals.Count == 0)
                return false;
            var changed = false;
            foreach (var i in _all.PositionsOf(OperationKind.SimpleAssignment))
            {
                var assignment = (ISimpleAssignmentOperation)_all.Operation(i);
                // ok = ok || vip writes through a capture of the local, taken before the || is evaluated.
                if (_all.WrittenBy(assignment) is not ILocalReferenceOperation { Local: var local } || !_verdictLocals.Contains(local) ||
                    IsSet(_deciding, _all.IndexWithin(i, assignment.Value)) ||
                    assignment.Value.ConstantValue is { HasValue: true, Value: bool answer } && answer != SafeWhenTrue(local) ||
                    HoldsCheck(assignment.Value) || NarrowsItself(assignment.Value, local) || !FollowsAVerdict(local, _all.StatementOf(i)))
                    continue;
                changed |= _overriddenLocals.Add(local);
            }
            if (changed)
                _verdictLocals.ExceptWith(_overriddenLocals);
            return changed;
        }

        /// <summary><c>ok = ok &amp;&amp; fresh;</c> (or <c>fresh &amp;&amp; ok</c>): the local stays false wherever the verdict
        /// said unsafe, as <c>ok &amp;= fresh</c> does — it still decides. With a verdict that is true on the unsafe answer,
        /// <c>risky = risky || stale</c> is the same. The graph lowers the operator to branches and a capture, so the
        /// operator is read from the value's syntax, and the local among its operands from the graph's own reads.</summary>
        private bool NarrowsItself(IOperation value, ILocalSymbol local)
        {
            var keeping = SafeWhenTrue(local) ? SyntaxKind.LogicalAndExpression : SyntaxKind.LogicalOrExpression;
            if (value.Syntax is not BinaryExpressionSyntax chain || !chain.IsKind(keeping))
                return false;
            foreach (var i in _all.PositionsOf(OperationKind.LocalReference))
            {
                var read = _all.Operation(i);
                if (SymbolEqualityComparer.Default.Equals(((ILocalReferenceOperation)read).Local, local) && IsOperandOf(chain, read.Syntax, keeping))
                    return true;
            }
            return false;
        }

        /// <summary>Whether <paramref name="operand"/> is one of the operands a chain of one operator joins (parentheses
        /// looked through): <c>a &amp;&amp; (b &amp;&amp; ok)</c>, not <c>a &amp;&amp; (b || ok)</c>.</summary>
        private static bool IsOperandOf(BinaryExpressionSyntax chain, SyntaxNode operand, SyntaxKind kind)
        {
            var node = operand;
            while (node.Parent is ParenthesizedExpressionSyntax or BinaryExpressionSyntax && node != chain)
            {
                if (node.Parent is BinaryExpressionSyntax parent && !parent.IsKind(kind))
                    return false;
                node = node.Parent;
            }
            return node == chain;
        }

        /// <summary>Whether the assignment at <paramref name="overriding"/> can run after one that gave the local its
        /// verdict. One that can only run before — <c>var ok = true; if (twin is not null) ok = Assess(user,
        /// twin).IsSafe;</c> — is a default the verdict replaces, not an answer that replaces the verdict.</summary>
        private bool FollowsAVerdict(ILocalSymbol local, Statement overriding)
        {
            foreach (var (given, _) in VerdictsGivenTo(local, folded: true))
            {
                if (Follows(given, overriding))
                    return true;
            }
            return false;
        }

        /// <summary>Where the local is given a verdict on the origin, and the value it is given: <c>ok =
        /// Assess(user, twin).IsSafe</c> (also through a capture of the local) and, with <paramref name="folded"/>,
        /// <c>ok &amp;= …</c>.</summary>
        private IEnumerable<(Statement At, IOperation Value)> VerdictsGivenTo(ILocalSymbol local, bool folded)
        {
            foreach (var i in _all.PositionsOf(OperationKind.SimpleAssignment).ToArray())
            {
                var assignment = (ISimpleAssignmentOperation)_all.Operation(i);
                if (Gives(assignment, i))
                    yield return (_all.StatementOf(i), assignment.Value);
            }
            if (!folded)
                yield break;
            foreach (var i in _all.PositionsOf(OperationKind.CompoundAssignment).ToArray())
            {
                var assignment = (ICompoundAssignmentOperation)_all.Operation(i);
                if (assignment.OperatorKind == BinaryOperatorKind.And && Gives(assignment, i))
                    yield return (_all.StatementOf(i), assignment.Value);
            }

            bool Gives(IAssignmentOperation assignment, int at) =>
                _all.WrittenBy(assignment) is ILocalReferenceOperation { Local: var written } && SymbolEqualityComparer.Default.Equals(written, local) &&
                IsSet(_deciding, _all.IndexWithin(at, assignment.Value));
        }

        /// <summary>Whether <paramref name="to"/> can run after <paramref name="from"/> (a path through the graph's blocks).</summary>
        private static bool Follows(Statement from, Statement to)
        {
            if (from.Block == to.Block && from.Index < to.Index)
                return true;
            var seen = new HashSet<BasicBlock>();
            var pending = new Stack<BasicBlock>();
            // From the block's way out: the block itself is reached again only round a loop.
            Push(from.Block.ConditionalSuccessor?.Destination);
            Push(from.Block.FallThroughSuccessor?.Destination);
            while (pending.Count > 0)
            {
                var block = pending.Pop();
                Push(block.ConditionalSuccessor?.Destination);
                Push(block.FallThroughSuccessor?.Destination);
            }
            return seen.Contains(to.Block);

            void Push(BasicBlock? block)
            {
                if (block is not null && seen.Add(block))
                    pending.Push(block);
            }
        }

        /// <summary>A verdict on another profile (<c>verdict = Assess(user, other);</c>): the local is reused, each
        /// verdict deciding for its own profile.</summary>
        private bool HoldsCheck(IOperation value)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && _owner._symbols.IsCheckMethod(invocation.TargetMethod, _owner._options))
                    return true;
            }
            return false;
        }

        /// <summary>Whether a verdict local is true on the safe answer: the sense of the check it is given; true where
        /// that is not known (a <c>bool</c> check is read as "safe" by convention: <c>IsSafe</c>, <c>TrySubstitute</c>).</summary>
        private bool SafeWhenTrue(ILocalSymbol local)
        {
            foreach (var (_, value) in VerdictsGivenTo(local, folded: false))
                return _owner.SenseOf(value) != Sense.SafeWhenFalse;
            return true;
        }

        /// <summary>Marks every operation whose subtree mentions the origin, then every one whose subtree holds a check
        /// of it or a verdict on it.</summary>
        private void Recompute()
        {
            Array.Clear(_mentioning, 0, _mentioning.Length);
            Array.Clear(_deciding, 0, _deciding.Length);
            // Marking up is the same in any order: an operation is marked when some operation below it is.
            foreach (var (position, taints) in _carrying)
            {
                if (Carries(taints))
                    MarkUp(position, _mentioning);
            }
            if (_derivedLocals.Count > 0)
            {
                foreach (var i in _all.PositionsOf(OperationKind.LocalReference))
                {
                    if (_derivedLocals.Contains(((ILocalReferenceOperation)_all.Operation(i)).Local))
                        MarkUp(i, _mentioning);
                }
            }
            foreach (var i in _all.PositionsOf(OperationKind.Invocation))
            {
                var invocation = (IInvocationOperation)_all.Operation(i);
                if (IsCheck(invocation, i) || IsCheckRunOnThePool(invocation) || ChecksEveryElement(invocation, i))
                    MarkUp(i, _deciding);
            }
            if (_verdictLocals.Count > 0)
            {
                foreach (var i in _all.PositionsOf(OperationKind.LocalReference))
                {
                    if (_verdictLocals.Contains(((ILocalReferenceOperation)_all.Operation(i)).Local))
                        MarkUp(i, _deciding);
                }
            }
            if (_owner._vets)
            {
                // foreach (var v in vetter.Vet(user, pool)) { if (!v.Verdict.IsSafe) continue; … v.Profile … }
                foreach (var i in _all.PositionsOf(OperationKind.PropertyReference))
                {
                    if (((IPropertyReferenceOperation)_all.Operation(i)) is { Instance: { } vetted } verdict && _owner._symbols.IsVettedVerdict(verdict.Property) &&
                        IsSet(_mentioning, _all.IndexWithin(i, vetted)))
                        MarkUp(i, _deciding);
                }
            }
            if (_owner._pairsAnswers)
            {
                MarkAnswerReads(OperationKind.FieldReference);
                MarkAnswerReads(OperationKind.PropertyReference);
            }
            if (_verdictMembers.Count > 0)
            {
                MarkStorageReads(OperationKind.FieldReference);
                MarkStorageReads(OperationKind.PropertyReference);
            }
            if (_verdictCaptures.Count > 0)
            {
                foreach (var i in _all.PositionsOf(OperationKind.FlowCaptureReference))
                {
                    if (_verdictCaptures.Contains(((IFlowCaptureReferenceOperation)_all.Operation(i)).Id))
                        MarkUp(i, _deciding);
                }
            }
        }

        private bool Carries(List<Taint> taints) => Holds(taints, _origin);

        private void MarkUp(int index, bool[] set)
        {
            for (var i = index; i >= 0 && !set[i]; i = _all.Parent(i))
                set[i] = true;
        }

        /// <summary>The position of the answer on this origin that a pair carries beside it (<see cref="Taint.VerdictAt"/>),
        /// or -1.</summary>
        private int AnswerCarriedIn(IOperation value)
        {
            if (!_owner._pairsAnswers)
                return -1;
            foreach (var taint in _owner.TaintsOf(value))
            {
                if (taint.Kind == TaintKind.Tuple && taint.VerdictAt >= 0 && ReferenceEquals(taint.Origin, _origin))
                    return taint.VerdictAt;
            }
            return -1;
        }

        /// <summary><c>pair.Verdict</c>, <c>p.ok</c> of a pair that carries the answer on this origin: reading it is the check
        /// deciding.</summary>
        private void MarkAnswerReads(OperationKind kind)
        {
            foreach (var i in _all.PositionsOf(kind))
            {
                if (_all.Operation(i) is IMemberReferenceOperation { Instance: { } pair } read && AnswerCarriedIn(pair) is var answer and >= 0 &&
                    ReadsPosition(read, answer))
                    MarkUp(i, _deciding);
            }
        }

        private void MarkStorageReads(OperationKind kind)
        {
            foreach (var i in _all.PositionsOf(kind))
            {
                if (OwnStorage((IMemberReferenceOperation)_all.Operation(i)) is { } storage && _verdictMembers.Contains(storage))
                    MarkUp(i, _deciding);
            }
        }

        /// <summary>The variable a member reference reads or writes when it is a static field or auto-property, or one of
        /// this object: another object's field of the same name is another variable. A property with accessors of its
        /// own is not a variable — its getter need not give back what its setter was given — so only an auto-property
        /// counts.</summary>
        private static ISymbol? OwnStorage(IMemberReferenceOperation reference)
        {
            if (reference.Instance is not (null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }))
                return null;
            return reference switch
            {
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation { Property: { IsIndexer: false } property } when IsAutoProperty(property) => property,
                _ => null,
            };
        }

        /// <summary>A property the compiler gives a backing field (Roslyn 4.8 has no <c>IsAutoProperty</c>).</summary>
        private static bool IsAutoProperty(IPropertySymbol property)
        {
            foreach (var member in property.ContainingType.GetMembers())
            {
                if (member is IFieldSymbol { IsImplicitlyDeclared: true } field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
                    return true;
            }
            return false;
        }

        /// <summary>A position <see cref="GraphOperations.IndexWithin"/> did not find (-1) is in no set.</summary>
        private static bool IsSet(bool[] set, int index) => index >= 0 && set[index];

        /// <summary>A constant chosen on one way of a decided branch carries the verdict on:
        /// <c>(Classify(t, n) switch { Moderate =&gt; true, _ =&gt; false }) is false</c> lowers to arms that capture
        /// <c>true</c>/<c>false</c> and a branch on that capture. Only when every arm captures a constant: in
        /// <c>twin is not null || Check(t, twin) ? twin : null</c> the arms capture <c>twin</c> and <c>null</c>, and the
        /// result is the substitute (reached without the check when <c>twin</c> is not null), not a verdict.</summary>
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
                if (operation is IFlowCaptureOperation { Value.ConstantValue.HasValue: true } capture && EveryCaptureIsConstant(capture.Id))
                    changed |= _verdictCaptures.Add(capture.Id);
            }
            return changed;
        }

        private bool EveryCaptureIsConstant(CaptureId id)
        {
            for (var i = _all.NextCaptureDefinition(id, -1); i >= 0; i = _all.NextCaptureDefinition(id, i))
            {
                if (!((IFlowCaptureOperation)_all.Operation(i)).Value.ConstantValue.HasValue)
                    return false;
            }
            return true;
        }

        /// <summary>The value of the statement whose root is at <paramref name="root"/> depends on a check of this
        /// origin.</summary>
        public bool Decides(int root) => IsSet(_deciding, root);

        /// <summary>A statement (by its root's position) that is a check returning nothing (it throws when the pair is
        /// unsafe), or that removes the unchecked profiles from the collection: no path goes on past it unchecked.</summary>
        public bool IsBarrier(int root)
        {
            var statement = _all.Operation(root);
            var operation = LinqShapes.Unwrap(statement is IExpressionStatementOperation expression ? expression.Operation : statement);
            if (operation is IAwaitOperation awaited)
                return awaited.Type?.SpecialType == SpecialType.System_Void &&
                       LinqShapes.Unwrap(awaited.Operation) is IInvocationOperation asyncCheck && IsCheck(asyncCheck, _all.IndexWithin(root, asyncCheck));
            if (operation is not IInvocationOperation invocation)
                return false;
            if (invocation.TargetMethod.ReturnsVoid)
                return IsCheck(invocation, _all.IndexWithin(root, invocation));
            // neighbours.RemoveAll(n => !Check(target, n)): past it, the collection holds only checked profiles. (The
            // name first: every statement of every path searched passes here.)
            return IsRemoval(invocation) && LinqShapes.Source(invocation) is { } collection &&
                   IsSet(_mentioning, _all.IndexWithin(root, collection)) && _owner.RemovesUnchecked(invocation);
        }

        /// <summary><c>await Task.Run(() =&gt; Assess(user, twin).IsSafe)</c>: a check of the origin run on the thread pool,
        /// whose verdict is the task's result — the call holds the check as the check's own call would. Only a lambda
        /// whose expression is the check (or reads its verdict): what a block body returns is not followed.</summary>
        private bool IsCheckRunOnThePool(IInvocationOperation run)
        {
            if (!LinqShapes.IsTaskMethod(run.TargetMethod, "Run") || LinqShapes.DelegateArgument(run) is not IFlowAnonymousFunctionOperation lambda ||
                lambda.Syntax is not AnonymousFunctionExpressionSyntax { ExpressionBody: { } returned })
                return false;
            foreach (var operation in _owner.OperationsOf(lambda))
            {
                if (operation is IInvocationOperation check && returned.Span.Contains(check.Syntax.Span) &&
                    _owner._symbols.IsCheckMethod(check.TargetMethod, _owner._options) && ChecksOrigin(check))
                    return true;
            }
            return false;
        }

        /// <summary>Whether a check in a lambda's own graph is given the origin: an argument (or the receiver) reads a local
        /// of the enclosing body that holds it.</summary>
        private bool ChecksOrigin(IInvocationOperation check)
        {
            foreach (var argument in check.Arguments)
            {
                if (argument.Parameter?.RefKind != RefKind.Out && ReadsOrigin(argument.Value))
                    return true;
            }
            return check.Instance is not null && ReadsOrigin(check.Instance);
        }

        private bool ReadsOrigin(IOperation value)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (operation.Kind == OperationKind.LocalReference && Carries(_owner.TaintsOf(operation)))
                    return true;
            }
            return false;
        }

        /// <summary><c>neighbours.All(n =&gt; Check(target, n))</c> over a collection that holds the origin (see
        /// <see cref="ChecksEvery"/>).</summary>
        private bool ChecksEveryElement(IInvocationOperation invocation, int at) =>
            invocation.TargetMethod.Name is "All" or "Any" && IsSet(_mentioning, at) && LinqShapes.Source(invocation) is { } collection &&
            IsSet(_mentioning, _all.IndexWithin(at, collection)) && _owner.ChecksEvery(invocation);

        /// <summary>A check method called on this origin; <paramref name="at"/> is the invocation's position.</summary>
        private bool IsCheck(IInvocationOperation invocation, int at)
        {
            if (!IsSet(_mentioning, at) || !_owner._symbols.IsCheckMethod(invocation.TargetMethod, _owner._options))
                return false;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind != RefKind.Out && IsSet(_mentioning, _all.IndexWithin(at, argument)))
                    return Counts(argument.Value);
            }
            return invocation.Instance is not null && IsSet(_mentioning, _all.IndexWithin(at, invocation.Instance)) && Counts(invocation.Instance);
        }

        /// <summary>Whether a check given <paramref name="given"/> counts for the origin. For a collection, a check given
        /// one of its elements — <c>Check(user, ns[0])</c>, a list pattern's <c>[var first, ..]</c> — decides for that
        /// element, whose reads it covers, but not for the others: "if the closest is usable, the rest are too" lets the
        /// near-twins behind it through (probe 13a, repro 01). Counted in the facts every use is judged by, noted in
        /// <see cref="ChecksAnElementOnly"/>; left out of the facts a use of the whole collection is judged again by.</summary>
        private bool Counts(IOperation given)
        {
            if (_origin is not { IsCollection: true } || HoldsWhole(given))
                return true;
            ChecksAnElementOnly = true;
            return !_wholeOnly;
        }

        private bool HoldsWhole(IOperation given)
        {
            foreach (var taint in _owner.TaintsOf(given))
            {
                if (ReferenceEquals(taint.Origin, _origin) && taint.Kind == TaintKind.Collection)
                    return true;
            }
            return false;
        }
    }
}
