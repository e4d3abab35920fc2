using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA001's value tracking: which operations carry which substitute (locals, flow captures, collection
/// operators, elements, tuples), to a fixed point over the graph.</summary>
internal sealed partial class SubstituteFlowGraph
{
    private void TrackValues()
    {
        // The first round finds the sources and the operations that can carry a value on (Propagate's kinds); the
        // later rounds, to a fixed point, visit only those, in the same order. Statements are visited in block order,
        // and a statement's operations with each one's operands before it (the reverse of the pre-order they are
        // stored in): a value flows from operands to the operation that holds them — FindNearest(user) to the
        // GetEnumerator() over it, to the flow capture of that — so one round carries it all the way, where in
        // pre-order each step waited for the next round.
        var carriers = new List<int>();
        var changed = false;
        for (var s = 0; s < _all.StatementCount; s++)
        {
            var (start, end) = _all.StatementRange(s);
            for (var i = end - 1; i >= start; i--)
                changed |= FirstVisit(i, carriers);
        }
        for (var round = 1; changed && round < MaxRounds; round++)
        {
            _cancellation.ThrowIfCancellationRequested();
            changed = false;
            foreach (var i in carriers)
                changed |= Propagate(_all.Operation(i), _all.StatementOf(i));
        }
    }

    /// <summary>The first round's visit of the operation at <paramref name="i"/>: is it a source, and does it carry a
    /// value on (then it is added to <paramref name="carriers"/>)?</summary>
    private bool FirstVisit(int i, List<int> carriers)
    {
        var kind = _all.Kind(i);
        var carries = CarriesValues(kind);
        if (carries)
            carriers.Add(i);
        if (!carries && kind is not (OperationKind.Await or OperationKind.Argument or OperationKind.DelegateCreation))
            return false;
        var operation = _all.Operation(i);
        var statement = _all.StatementOf(i);
        if ((_handingOn is not null || _yieldingCalls is not null) && kind is OperationKind.Invocation or OperationKind.Await &&
            HandedOnCall(operation) is { } handedOn)
        {
            AddOrigin(handedOn, statement);
            return true;
        }
        if (kind is OperationKind.Invocation or OperationKind.PropertyReference or OperationKind.FieldReference or OperationKind.Await or
                OperationKind.Argument or OperationKind.DelegateCreation &&
            _sites.Within(operation.Syntax.Span) &&
            operation switch
            {
                IArgumentOperation argument => SubstituteSources.TryGetOut(argument, _symbols, _options),
                IDelegateCreationOperation creation => SubstituteSources.TryGetMethodGroup(creation, _symbols, _options),
                _ => SubstituteSources.TryGetDirect(operation, _symbols, _options, _graph.OriginalOperation.SemanticModel, orKeys: true),
            } is { } origin)
        {
            // A method group is a delegate; what its calls yield is derived where it is called (DeriveFromDelegate).
            AddOrigin(origin, statement, operation.Kind == OperationKind.DelegateCreation ? TaintKind.Delegate : null);
            return true;
        }
        return carries && Propagate(operation, statement);
    }

    /// <summary>The kinds <see cref="Propagate"/> can carry a substitute through; it ignores every other.</summary>
    private static bool CarriesValues(OperationKind kind) =>
        kind is OperationKind.SimpleAssignment or OperationKind.FlowCapture or OperationKind.Invocation or OperationKind.PropertyReference or
            OperationKind.FieldReference or OperationKind.DeconstructionAssignment or OperationKind.ArrayElementReference or OperationKind.IsPattern or
            OperationKind.ObjectCreation or OperationKind.Tuple or OperationKind.Await or OperationKind.ImplicitIndexerReference;

    private void AddOrigin(SubstituteOrigin origin, Statement statement, TaintKind? kind = null)
    {
        _vets |= (origin.Operation is IAwaitOperation awaited ? LinqShapes.TaskOf(awaited.Operation) : origin.Operation) is
                     IInvocationOperation { TargetMethod.Name: "Vet" or "VetAsync" } vet && _symbols.ReturnsEveryVerdict(vet.TargetMethod);
        _origins.Add((origin, statement));
        _keys |= origin.IsKey;
        var taint = new Taint(origin, kind ?? KindOf(origin));
        if (origin.Operation is ILocalReferenceOperation outLocal)
            Add(_locals, outLocal.Local, taint); // TryFindNearest(target, out var neighbour)
        else
            Add(_values, origin.Operation, taint);
    }

    /// <summary>How an origin's value is tracked, from its own type. A <c>[ProfileSubstitute]</c> field or property of a
    /// delegate type (<c>Func&lt;Reader, Reader?&gt; Borrow</c>) is no profile: each call of it obtains one.</summary>
    private TaintKind KindOf(SubstituteOrigin origin) =>
        origin.IsTask ? TaintKind.Task : origin.Operation.Type?.TypeKind == TypeKind.Delegate ? TaintKind.Delegate : origin.IsCollection ? TaintKind.Collection : IsPair(origin.Operation.Type) ? TaintKind.Tuple : TaintKind.Element;

    /// <summary>A value that holds the substitute beside other values, tracked as a tuple: a tuple, a nullable one
    /// (<c>(Reader Match, double Score)?</c>), an anonymous object with a profile member (a query's <c>let</c>), or a
    /// search hit (<c>VectorSearchResult&lt;Reader&gt;</c>: its <c>Record</c> is the profile, its <c>Score</c> no use of it).</summary>
    private bool IsPair(ITypeSymbol? type) =>
        type is { IsTupleType: true } or INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [{ IsTupleType: true }] } ||
        type is { IsAnonymousType: true } && _symbols.TupleElementPersona(type) is not null || _symbols.HitPersona(type) is not null;

    private bool Propagate(IOperation operation, Statement statement)
    {
        switch (operation)
        {
            // Also neighbour ??= FindNearest(user), which lowers to an assignment through a capture of the local.
            case ISimpleAssignmentOperation assignment when _all.WrittenBy(assignment) is ILocalReferenceOperation local:
                return AddAll(_locals, local.Local, TaintsOf(assignment.Value));
            case ISimpleAssignmentOperation { Parent: IAnonymousObjectCreationOperation creation, Target: IPropertyReferenceOperation member } initializer:
                return PropagateIntoAnonymousObject(creation, member.Property, initializer.Value);
            case IFlowCaptureOperation capture:
                return AddAll(_captures, capture.Id, TaintsOf(capture.Value));
            // profiles.Get(ids[0]), profiles[id], await store.GetAsync(id): another user's id made into their profile. When
            // nothing is derived, the cases below still see the operation (ids.First() is an element of the ids).
            case IInvocationOperation lookup when _keys && (DeriveLookups(lookup, lookup.Arguments, statement) || DeriveMembershipLookup(lookup, statement)):
                return true;
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when _keys && DeriveLookups(indexer, indexer.Arguments, statement):
                return true;
            case IAwaitOperation awaitedLookup when _keys && LinqShapes.TaskOf(awaitedLookup.Operation) is IInvocationOperation { Arguments: var arguments } &&
                                                  DeriveLookups(awaitedLookup, arguments, statement):
                return true;
            case IInvocationOperation { TargetMethod.Name: "GetValueOrDefault", Instance: { } nullable } unwrapped when _symbols.IsNullablePersona(nullable.Type):
                return AddAll(_values, unwrapped, TaintsOf(nullable)); // the profile of a nullable persona struct
            case IInvocationOperation invocation when LinqShapes.Source(invocation) is { } source:
                return PropagateThroughCall(invocation, source, statement);
            case IAwaitOperation awaited when LinqShapes.TaskOf(awaited.Operation) is IInvocationOperation call && LinqShapes.Source(call) is { } stream:
                return PropagateThroughAwaitedCall(awaited, call, stream, statement);
            case IPropertyReferenceOperation { Instance: { } instance } property:
                if (property.Property.Name == "Value" && _symbols.IsNullablePersona(instance.Type))
                    return AddAll(_values, property, TaintsOf(instance));
                foreach (var taint in TaintsOf(instance))
                {
                    // A hit of a search over records that embed users: its Record, and the record's [VectorStoreKey], the id.
                    if (taint.Origin.IsKey && taint.Kind == TaintKind.Element)
                    {
                        if (_symbols.IsHitRecord(property.Property) || _symbols.IsVectorStoreKey(property.Property))
                            return Add(_values, property, taint);
                        continue;
                    }
                    if (taint.Kind == TaintKind.Collection && property.Property.IsIndexer)
                        return DeriveElement(property, taint, "Element", statement);
                    // t.Result of the task a continuation is handed (SubstituteFlowGraph.ContinuationUse): the substitute. (In
                    // the body that started it, the wait is an origin of its own: SubstituteSources.TryGetDirect.)
                    if (taint.Kind == TaintKind.Task && property.Property.Name == "Result" && _seeded is not null && _seeded.Contains(taint.Origin))
                        return Add(_values, property, new Taint(taint.Origin, taint.Origin.IsCollection ? TaintKind.Collection : IsPair(property.Type) ? TaintKind.Tuple : TaintKind.Element));
                    // An array's foreach enumerates through the non-generic IEnumerator: its Current is an object,
                    // converted to the element type.
                    if (taint.Kind == TaintKind.Enumerator && property.Property.Name == "Current")
                        return DeriveElement(property, taint, "ForEach", statement,
                            property.Type?.SpecialType == SpecialType.System_Object && property.Parent is IConversionOperation converted ? converted.Type : null);
                    // hit.Record of a search hit: the profile the hit holds is the substitute; pair.Twin of new { User = u,
                    // Twin = … } (or of a query's let), only the member that was given it.
                    if (taint.Kind == TaintKind.Tuple && !property.Property.IsIndexer && _symbols.IsPersonaType(property.Type) &&
                        (!property.Property.ContainingType.IsAnonymousType || taint.HoldsAt(LinqShapes.AnonymousIndex(property.Property))))
                        return Add(_values, property, new Taint(taint.Origin, TaintKind.Element));
                }
                return false;
            case IFieldReferenceOperation { Instance: { } tuple } field when _symbols.IsPersonaType(field.Type):
                // best.Profile of (Reader Profile, double Similarity): the profile is the tuple's substitute (pair.Twin of
                // (User: u, Twin: …), not pair.User).
                foreach (var taint in TaintsOf(tuple))
                {
                    if (taint.Kind == TaintKind.Tuple && taint.HoldsAt(LinqShapes.TupleIndex(field.Field)))
                        return Add(_values, field, new Taint(taint.Origin, TaintKind.Element));
                }
                return false;
            case ITupleOperation tuple when !SubstituteUses.IsDeconstructionTarget(tuple):
                return PropagateIntoTuple(tuple);
            case IDeconstructionAssignmentOperation deconstruction:
                return PropagateDeconstruction(deconstruction);
            case IIsPatternOperation { Value: { } value, Pattern: { } pattern }:
                return PropagateToPatternLocals(pattern, TaintsOf(value));
            case IObjectCreationOperation creation:
                return PropagateThroughCopy(creation);
            // ns[^1] of a list, through the compiler's implicit Index support (ns[0] is the indexer above).
            case IImplicitIndexerReferenceOperation { Instance: var listed } implicitIndexer:
                foreach (var taint in TaintsOf(listed))
                {
                    if (taint.Kind == TaintKind.Collection)
                        return DeriveElement(implicitIndexer, taint, "Element", statement);
                }
                return false;
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

    /// <summary><c>FindMostSimilar(user) is { } twin</c>, <c>is Reader twin</c> (also under <c>and</c>, and the arms of
    /// a <c>switch</c>, which the graph lowers to such tests): the local the pattern declares for the whole value
    /// holds the substitute. Locals declared for members (<c>{ Voice: var voice }</c>) hold data, not the profile: the
    /// pattern reading them is the use (<see cref="SubstituteUses"/>).</summary>
    private bool PropagateToPatternLocals(IPatternOperation pattern, List<Taint> taints)
    {
        if (taints.Count == 0)
            return false;
        switch (pattern)
        {
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.And } both:
                return PropagateToPatternLocals(both.LeftPattern, taints) | PropagateToPatternLocals(both.RightPattern, taints);
            // if (FindNearest(user) is not { } twin) return …; — twin holds the value where the test fails and the body goes on.
            case INegatedPatternOperation negated:
                return PropagateToPatternLocals(negated.Pattern, taints);
            case IListPatternOperation list:
                return PropagateToListElements(list, taints);
            case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local }:
                return AddAll(_locals, local, taints);
            case IRecursivePatternOperation recursive:
                return (recursive.DeclaredSymbol is ILocalSymbol whole && AddAll(_locals, whole, taints)) |
                       PropagateToElementPatterns(recursive, taints);
            default:
                return false;
        }
    }

    /// <summary><c>is var (twin, score)</c>, <c>is ({ } twin, _)</c>, <c>is { Match: var twin }</c> of a tuple that holds a
    /// substitute: what the pattern declares for its profile element holds the profile, as a deconstruction's local does.</summary>
    private bool PropagateToElementPatterns(IRecursivePatternOperation recursive, List<Taint> taints)
    {
        var changed = false;
        foreach (var taint in taints)
        {
            if (taint.Kind != TaintKind.Tuple)
                continue;
            var element = new List<Taint> { new(taint.Origin, TaintKind.Element) };
            for (var i = 0; i < recursive.DeconstructionSubpatterns.Length; i++)
            {
                var subpattern = recursive.DeconstructionSubpatterns[i];
                if (taint.HoldsAt(i) && _symbols.IsPersonaType(subpattern.InputType))
                    changed |= PropagateToPatternLocals(subpattern, element);
            }
            foreach (var property in recursive.PropertySubpatterns)
            {
                var position = property.Member is IMemberReferenceOperation { Member: var member } ? LinqShapes.TupleIndex(member) : -1;
                if (taint.HoldsAt(position) && _symbols.IsPersonaType(property.Pattern.InputType))
                    changed |= PropagateToPatternLocals(property.Pattern, element);
            }
        }
        return changed;
    }

    /// <summary><c>neighbours is [var first, ..]</c>, <c>[var only] =&gt; …</c>: a local the pattern declares for an element
    /// holds one of the collection's substitutes — tracked with the collection's origin, as an indexer's element taken
    /// in the same test would be — and one for a slice (<c>[_, .. var rest]</c>) or the whole list the rest of them.</summary>
    private bool PropagateToListElements(IListPatternOperation list, List<Taint> taints)
    {
        var changed = false;
        foreach (var taint in taints)
        {
            if (taint.Kind != TaintKind.Collection || taint.Origin.IsKey)
                continue;
            var collection = new List<Taint> { taint };
            if (list.DeclaredSymbol is ILocalSymbol whole)
                changed |= AddAll(_locals, whole, collection);
            foreach (var pattern in list.Patterns)
            {
                if (pattern is ISlicePatternOperation { Pattern: { } slice })
                    changed |= PropagateToPatternLocals(slice, collection);
                else if (IsPair(pattern.InputType))
                    changed |= PropagateToPatternLocals(pattern, new List<Taint> { new(taint.Origin, TaintKind.Tuple, taint.Element, taint.VerdictAt) });
                else if (_symbols.IsPersonaType(pattern.InputType))
                    changed |= PropagateToPatternLocals(pattern, new List<Taint> { new(taint.Origin, TaintKind.Element) });
            }
        }
        return changed;
    }

    /// <summary><c>new Queue&lt;Reader&gt;(neighbours)</c>, <c>new List&lt;Reader&gt;(neighbours)</c>: a collection of
    /// profiles made from a substitute collection holds the same substitutes.</summary>
    private bool PropagateThroughCopy(IObjectCreationOperation creation)
    {
        var changed = false;
        foreach (var argument in creation.Arguments)
        {
            foreach (var taint in TaintsOf(argument.Value))
            {
                if (taint.Kind == TaintKind.Collection && IsCollectionOfPersona(creation.Type))
                    changed |= Add(_values, creation, taint);
            }
        }
        return changed;
    }

    /// <summary><c>(User: u, Twin: index.FindNearest(u))</c>, <c>(twin, score)</c>: a tuple built with the substitute in it
    /// carries it at its position — judged where the tuple goes, and taken out again by that element's name.</summary>
    private bool PropagateIntoTuple(ITupleOperation tuple)
    {
        var changed = false;
        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            foreach (var taint in TaintsOf(tuple.Elements[i]))
            {
                if (taint.Kind == TaintKind.Element)
                    changed |= Add(_values, tuple, new Taint(taint.Origin, TaintKind.Tuple, i, AnswerBeside(tuple.Elements, i, value => IsSubstituteOf(value, taint.Origin))));
            }
        }
        return changed;
    }

    /// <summary><c>new { User = u, Twin = index.FindNearest(u) }</c>, and the <c>let</c> of a query, which the compiler
    /// makes into one: the object holds the substitute at the member given it, tracked as a tuple is.</summary>
    private bool PropagateIntoAnonymousObject(IAnonymousObjectCreationOperation creation, IPropertySymbol member, IOperation value)
    {
        var changed = false;
        foreach (var taint in TaintsOf(value))
        {
            if (taint.Kind != TaintKind.Element)
                continue;
            var held = LinqShapes.AnonymousIndex(member);
            changed |= Add(_values, creation, new Taint(taint.Origin, TaintKind.Tuple, held, AnswerBeside(MemberValues(creation), held, value => IsSubstituteOf(value, taint.Origin))));
        }
        return changed;
    }

    /// <summary><c>var (neighbour, similarity) = FindMostSimilar(user)</c>: the persona-typed locals receive the
    /// substitute.</summary>
    private bool PropagateDeconstruction(IDeconstructionAssignmentOperation deconstruction)
    {
        if (LinqShapes.Written(deconstruction.Target) is not ITupleOperation tuple)
            return false;
        var changed = false;
        foreach (var taint in TaintsOf(deconstruction.Value))
        {
            if (taint.Kind != TaintKind.Tuple)
                continue;
            for (var i = 0; i < tuple.Elements.Length; i++)
            {
                if (taint.HoldsAt(i) && LinqShapes.Written(tuple.Elements[i]) is ILocalReferenceOperation local && _symbols.IsPersonaType(local.Type))
                    changed |= Add(_locals, local.Local, new Taint(taint.Origin, TaintKind.Element));
            }
        }
        return changed;
    }

    private bool PropagateThroughCall(IInvocationOperation invocation, IOperation source, Statement statement)
    {
        var name = invocation.TargetMethod.Name;
        var changed = false;
        if (name is "Select" or "SelectMany" or "ConvertAll")
            changed |= ProjectThroughDelegate(invocation, source, statement) | ProjectIntoPairs(invocation, source);
        else if (LinqShapes.IsTupleZip(invocation))
            return ZipIntoTuples(invocation);
        else if (LinqShapes.IsMerge(invocation))
            changed |= MergeSecond(invocation, source);
        foreach (var taint in TaintsOf(source))
        {
            if (taint.Kind == TaintKind.Delegate && invocation.TargetMethod.MethodKind == MethodKind.DelegateInvoke)
            {
                // pick(user), pick.Invoke(user): each call obtains a substitute.
                changed |= DeriveFromDelegate(invocation, taint, statement);
                continue;
            }
            if (taint.Kind != TaintKind.Collection)
                continue;
            if (LinqShapes.IsElementSelector(name))
            {
                // FirstOrDefault(c => Check(user, c)): the element it picks has passed the check.
                if (!FiltersByCheck(invocation, taint.VerdictAt))
                    changed |= DeriveElement(invocation, taint, "Element", statement);
            }
            else if (LinqShapes.ReshapesElements(invocation.TargetMethod) && !taint.Origin.IsKey)
            {
                // lookalikes.Chunk(100) (batches, each a collection of them: DeriveElement), arr.AsSpan(0, k), span.Slice(1).
                changed |= Add(_values, invocation, taint);
            }
            else if (name is "GetEnumerator" or "GetAsyncEnumerator")
            {
                changed |= Add(_values, invocation, new Taint(taint.Origin, TaintKind.Enumerator, taint.Element, taint.VerdictAt));
            }
            else if (LinqShapes.IsOutSelector(name) && invocation.Instance == source)
            {
                // queue.TryDequeue(out var next): the element comes out through the out argument.
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.RefKind == RefKind.Out && LinqShapes.Written(argument.Value) is ILocalReferenceOperation element)
                        changed |= DeriveElement(element, taint, "Element", statement);
                }
            }
            else if (taint.Origin.IsKey)
            {
                // ids.Where(…).ToList(), ids.Select(g => g.ToString()): still the ids.
                if ((LinqShapes.IsPassThrough(name) || name == "Select") && SubstituteSources.IsKeys(invocation.Type, _symbols, out var keys) && keys)
                    changed |= Add(_values, invocation, taint);
            }
            else if ((LinqShapes.IsPassThrough(name) || LinqShapes.IsIdentitySelect(invocation) || LinqShapes.IsProfileSelect(invocation, _symbols)) &&
                     (IsCollectionOfPersona(invocation.Type) || IsBatchesOfPersona(invocation.Type)) &&
                     !FiltersByCheck(invocation, taint.VerdictAt))
            {
                changed |= Add(_values, invocation, taint);
            }
        }
        return changed;
    }

    /// <summary><c>await stream.ToListAsync()</c> is the stream's substitutes, <c>await stream.FirstOrDefaultAsync()</c> one
    /// of them (unless its predicate checks it), as <c>ToList</c> and <c>FirstOrDefault</c> are for a collection.</summary>
    private bool PropagateThroughAwaitedCall(IAwaitOperation awaited, IInvocationOperation call, IOperation stream, Statement statement)
    {
        var name = call.TargetMethod.Name;
        var changed = false;
        foreach (var taint in TaintsOf(stream))
        {
            if (taint.Kind != TaintKind.Collection)
                continue;
            if (LinqShapes.IsAwaitedElementSelector(name) && !FiltersByCheck(call, taint.VerdictAt))
                changed |= DeriveElement(awaited, taint, "Element", statement);
            else if (LinqShapes.IsAwaitedPassThrough(name) && (taint.Origin.IsKey || IsCollectionOfPersona(awaited.Type)))
                changed |= Add(_values, awaited, taint); // a stream's ids, or its hits over records that embed users, listed
        }
        return changed;
    }

    /// <summary><c>a.Concat(b)</c>, <c>a.Union(b)</c>, <c>a.UnionBy(b, x =&gt; x.Id)</c>: the second sequence's substitutes
    /// are in the value too (the first's pass through as for <c>Where</c>).</summary>
    private bool MergeSecond(IInvocationOperation merge, IOperation source)
    {
        var changed = false;
        foreach (var argument in merge.Arguments)
        {
            if (argument.Value == source || !IsCollectionOfPersona(merge.Type))
                continue;
            foreach (var taint in TaintsOf(argument.Value))
            {
                if (taint.Kind == TaintKind.Collection && !taint.Origin.IsKey)
                    changed |= Add(_values, merge, taint);
            }
        }
        return changed;
    }

    /// <summary><c>neighbours.Select(n =&gt; (n, verdict: Guard.Assess(user, n)))</c>: the pairs carry the substitutes
    /// (<see cref="ProjectsIntoPairs"/>).</summary>
    private bool ProjectIntoPairs(IInvocationOperation select, IOperation source)
    {
        var changed = false;
        foreach (var taint in TaintsOf(source))
        {
            if (taint.Kind == TaintKind.Collection && !taint.Origin.IsKey && ProjectsIntoPairs(select, out var held, out var verdictAt))
                changed |= Add(_values, select, new Taint(taint.Origin, TaintKind.Collection, held, verdictAt));
        }
        return changed;
    }

    /// <summary><c>users.Select(index.FindNearest)</c>, <c>users.SelectMany(index.NeighboursOf)</c>,
    /// <c>users.ConvertAll(pick)</c>: a projection by a source's delegate yields a collection of substitutes.</summary>
    private bool ProjectThroughDelegate(IInvocationOperation invocation, IOperation source, Statement statement)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Value == source)
                continue;
            foreach (var taint in TaintsOf(argument.Value))
            {
                if (taint.Kind == TaintKind.Delegate)
                    return DeriveFromDelegate(invocation, taint, statement);
            }
        }
        return false;
    }

    /// <summary><c>users.Zip(twins)</c>: each sequence's elements sit at its own position in the pairs, so a
    /// deconstruction (<c>foreach (var (user, twin) in …)</c>) gives the substitute to its own local only.</summary>
    private bool ZipIntoTuples(IInvocationOperation zip)
    {
        var changed = false;
        for (var position = 0; position < zip.Arguments.Length; position++)
        {
            foreach (var taint in TaintsOf(zip.Arguments[position].Value))
            {
                if (taint.Kind == TaintKind.Collection && !taint.Origin.IsKey)
                    changed |= Add(_values, zip, new Taint(taint.Origin, TaintKind.Collection, position));
            }
        }
        return changed;
    }

    /// <summary>A substitute (or a collection of them) obtained through a source's delegate, where the call is.</summary>
    private bool DeriveFromDelegate(IOperation operation, Taint from, Statement statement)
    {
        if (_derived is not null && _derived.Contains(operation))
            return false;
        var persona = _symbols.PersonaOf(operation.Type, out var isCollection) ?? from.Origin.Persona;
        var construct = operation is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke } ? "Delegate" : "MethodGroup";
        return AddDerived(new SubstituteOrigin(operation, persona, isCollection, construct, operation.Syntax.GetLocation()), from, statement);
    }

    /// <summary>A collection or stream of profiles, or of pairs or hits holding one.</summary>
    private bool IsCollectionOfPersona(ITypeSymbol? type) =>
        SubstituteSources.ProfileOf(type, _symbols, out var isCollection) is not null && isCollection;

    /// <summary>Batches of profiles, as <c>Chunk</c> makes them (<c>List&lt;Reader[]&gt;</c>).</summary>
    private bool IsBatchesOfPersona(ITypeSymbol? type) =>
        type is not null && _symbols.ElementType(type) is { } batch && IsCollectionOfPersona(batch);

    private bool DeriveElement(IOperation operation, Taint from, string construct, Statement statement, ITypeSymbol? elementType = null)
    {
        // One of the ids (ids[0], ids.First(), foreach): still an id, tracked with its origin until a lookup uses it.
        if (from.Origin.IsKey)
            return Add(_values, operation, new Taint(from.Origin, TaintKind.Element));
        if (_derived is not null && _derived.Contains(operation))
            return false;
        var persona = SubstituteSources.ProfileOf(elementType ?? operation.Type, _symbols, out var isCollection);
        if (persona is null)
            return false;
        // One batch of a chunked collection (foreach (var batch in lookalikes.Chunk(100)), batches[0]), or a slice
        // (lookalikes[..3]): the same substitutes, judged as the collection — a check of the batch is a check of what it holds.
        if (isCollection)
            return from.Kind is TaintKind.Collection or TaintKind.Enumerator && from.Element < 0 && Add(_values, operation, new Taint(from.Origin, TaintKind.Collection));
        if (construct is "Element" or "ForEach" && (_seeded is null || !_seeded.Contains(from.Origin)) &&
            EarlierReadOfSameElement(operation, statement) is { } earlier)
        {
            // peers[i] or e.Current read again: the same element, judged as the first read (SubstituteFlowGraph.SameElement).
            (_derived ??= new(OperationIdentity<IOperation>.Comparer)).Add(operation);
            return Add(_values, operation, new Taint(earlier, TaintKind.Element));
        }
        var location = construct == "ForEach" ? SubstituteSources.ForEachLocation(operation) : operation.Syntax.GetLocation();
        // An element of a collection of (user, twin) pairs holds the substitute where each pair does.
        return AddDerived(new SubstituteOrigin(operation, persona, false, construct, location) { TupleElement = from.Element, VerdictElement = from.VerdictAt, TakenFrom = from.Origin },
            from, statement);
    }

    /// <summary>A lookup given another user's id (or ids) from a similarity search: what it returns, when that is a profile
    /// or a collection of them, is a substitute — and so is what it hands out through an <c>out</c> argument
    /// (<c>profiles.TryGetValue(id, out var twin)</c>).</summary>
    private bool DeriveLookups(IOperation lookup, ImmutableArray<IArgumentOperation> arguments, Statement statement)
    {
        // users.ExceptBy(ids, u => u.Id): the profiles the ids do not name.
        if (lookup is IInvocationOperation { TargetMethod.Name: "ExceptBy" })
            return false;
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.RefKind == RefKind.Out)
                continue;
            foreach (var taint in TaintsOf(argument.Value))
            {
                if (!taint.Origin.IsKey || taint.Kind is not (TaintKind.Element or TaintKind.Collection))
                    continue;
                var derived = DeriveLookup(lookup, statement, lookup.Syntax.GetLocation());
                foreach (var handedOut in arguments)
                {
                    if (handedOut.Parameter?.RefKind == RefKind.Out && LinqShapes.Written(handedOut.Value) is ILocalReferenceOperation local)
                        derived |= DeriveLookup(local, statement, handedOut.Syntax.GetLocation());
                }
                return derived;
            }
        }
        return false;
    }

    /// <summary><c>store.All.Where(p =&gt; ids.Contains(p.UserId))</c>, <c>profiles.FirstOrDefault(p =&gt; p.UserId ==
    /// nearestId)</c>: profiles filtered by membership in other users' ids — the usual bulk load of an ORM — are those
    /// users' profiles, as <c>store.GetMany(ids)</c> is. Only where the predicate requires the membership (alone or
    /// joined by <c>&amp;&amp;</c>): <c>!ids.Contains(…)</c> keeps the profiles the ids do not name.</summary>
    private bool DeriveMembershipLookup(IInvocationOperation filter, Statement statement)
    {
        if (filter.TargetMethod.Name is not ("Where" or "First" or "FirstOrDefault" or "Single" or "SingleOrDefault") ||
            LinqShapes.DelegateArgument(filter) is not IFlowAnonymousFunctionOperation { Symbol.Parameters: [var element] } lambda ||
            lambda.Syntax is not AnonymousFunctionExpressionSyntax { ExpressionBody: { } body } ||
            _graph.OriginalOperation.SemanticModel?.GetOperation(body, _cancellation) is not { } predicate)
            return false;
        return RequiresKeyOf(predicate, element) && DeriveLookup(filter, statement, filter.Syntax.GetLocation());
    }

    /// <summary>Whether <paramref name="predicate"/> holds only for an element whose member is one of the ids:
    /// <c>ids.Contains(p.UserId)</c>, <c>p.UserId == id</c>, under <c>&amp;&amp;</c>.</summary>
    private bool RequiresKeyOf(IOperation predicate, IParameterSymbol element)
    {
        switch (LinqShapes.Unwrap(predicate))
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both:
                return RequiresKeyOf(both.LeftOperand, element) || RequiresKeyOf(both.RightOperand, element);
            case IInvocationOperation { TargetMethod.Name: "Contains" } contains:
                var ids = contains.Instance ?? (contains.Arguments.Length == 2 ? contains.Arguments[0].Value : null);
                var key = contains.Arguments[contains.Arguments.Length - 1].Value;
                return ids is not null && HoldsIds(ids, TaintKind.Collection) && ReadsMemberOf(key, element);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                return HoldsIds(equals.LeftOperand, TaintKind.Element) && ReadsMemberOf(equals.RightOperand, element) ||
                       HoldsIds(equals.RightOperand, TaintKind.Element) && ReadsMemberOf(equals.LeftOperand, element);
            default:
                return false;
        }
    }

    private bool HoldsIds(IOperation value, TaintKind kind)
    {
        foreach (var taint in TaintsOf(value))
        {
            if (taint.Origin.IsKey && taint.Kind == kind)
                return true;
        }
        // p => p.Id == ids[0] (also ids.First(), ids[^1]): one of the ids read in the predicate itself, whose operations
        // the graph's value tracking never saw (probe 15a, repro 01).
        return kind == TaintKind.Element && LinqShapes.ElementCollection(LinqShapes.Unwrap(value)) is { } collection && HoldsIds(collection, TaintKind.Collection);
    }

    private static bool ReadsMemberOf(IOperation value, IParameterSymbol element) =>
        LinqShapes.Unwrap(value) is IMemberReferenceOperation { Instance: { } instance } &&
        LinqShapes.Unwrap(instance) is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, element);

    private bool DeriveLookup(IOperation operation, Statement statement, Location location)
    {
        if (_derived is not null && _derived.Contains(operation))
            return false;
        var persona = SubstituteSources.ProfileOf(operation.Type, _symbols, out var isCollection);
        if (persona is null)
            return false;
        // An origin here even when the ids came from an enclosing graph: the profile is obtained where it is looked up.
        (_derived ??= new(OperationIdentity<IOperation>.Comparer)).Add(operation);
        AddOrigin(new SubstituteOrigin(operation, persona, isCollection, "Lookup", location), statement);
        return true;
    }

    /// <summary>A substitute obtained from another's value (an element of a collection, a call of a source's
    /// delegate): an origin of its own — unless that value was captured from the enclosing graph, where the enclosing
    /// origin is reported for it.</summary>
    private bool AddDerived(SubstituteOrigin derived, Taint from, Statement statement)
    {
        (_derived ??= new(OperationIdentity<IOperation>.Comparer)).Add(derived.Operation);
        // An element taken here from a collection the enclosing body holds (foreach, queue.TryDequeue(out var next)) is an
        // origin of this graph, so that a loop that checks each element before using it is judged element by element;
        // it is reported through the enclosing origin (UncheckedUseFromEntry), not here (Report). Anything else derived
        // from what the enclosing body holds is that origin's.
        if (_seeded is not null && _seeded.Contains(from.Origin) && derived.TakenFrom != from.Origin)
            Add(_values, derived.Operation, new Taint(from.Origin, KindOf(derived)));
        else
            AddOrigin(derived, statement);
        return true;
    }

    /// <summary><c>Where(c =&gt; Check(target, c))</c>, or <c>First</c>, <c>Single</c>, <c>Last</c> (and their
    /// <c>OrDefault</c> forms), <c>Find</c> or <c>FindLast</c> with such a predicate: the elements that pass are
    /// checked.</summary>
    private bool FiltersByCheck(IInvocationOperation invocation, int verdictAt = -1)
    {
        if (invocation.TargetMethod.Name is not ("Where" or "FindAll" or "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or
                "Last" or "LastOrDefault" or "Find" or "FindLast" or "FirstAsync" or "FirstOrDefaultAsync" or "SingleAsync" or
                "SingleOrDefaultAsync" or "LastAsync" or "LastOrDefaultAsync"))
            return false;
        return KeepsOnlyChecked(Predicate(invocation), verdictAt);
    }

    /// <summary>The predicate a call is given: written in place (a lambda, a method group) or kept in a delegate local.</summary>
    private static IOperation? Predicate(IInvocationOperation invocation) => LinqShapes.DelegateArgument(invocation) ?? DelegateLocalArgument(invocation);

    /// <summary>A predicate handed over in a delegate local: <c>Where(safe)</c>.</summary>
    private static IOperation? DelegateLocalArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (LinqShapes.Unwrap(argument.Value) is ILocalReferenceOperation { Type.TypeKind: TypeKind.Delegate } local)
                return local;
        }
        return null;
    }

    /// <summary>A predicate that holds for an element only when a check of it says so: a lambda, a local function, or a
    /// check method given as a method group.</summary>
    /// <param name="verdictAt">For pairs that carry each substitute's own check's answer (<see cref="Taint.VerdictAt"/>), its
    /// position: <c>Where(p =&gt; p.verdict.IsSafe)</c> keeps the checked ones.</param>
    private bool KeepsOnlyChecked(IOperation? predicate, int verdictAt = -1) => predicate switch
    {
        IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } local => LocalPredicateChecks(local.Method),
        IMethodReferenceOperation method => _symbols.IsCheckMethod(method.Method, _options),
        IFlowAnonymousFunctionOperation lambda => PredicateChecks(lambda, lambda.Syntax, verdictAt),
        ILocalReferenceOperation kept => LambdaKeptIn(kept.Local) is { } lambda && PredicateChecks(lambda, lambda.Syntax, verdictAt),
        _ => false,
    };

    /// <summary>The lambda a delegate local of this graph is given by its one assignment (<c>Func&lt;Reader, bool&gt; safe
    /// = n =&gt; Guard.Assess(user, n).IsSafe;</c>); null when it is written more than once or with anything else.</summary>
    private IFlowAnonymousFunctionOperation? LambdaKeptIn(ILocalSymbol local)
    {
        IFlowAnonymousFunctionOperation? kept = null;
        foreach (var i in _all.PositionsOf(OperationKind.SimpleAssignment))
        {
            var assignment = (ISimpleAssignmentOperation)_all.Operation(i);
            if (_all.WrittenBy(assignment) is not ILocalReferenceOperation written || !SymbolEqualityComparer.Default.Equals(written.Local, local))
                continue;
            if (kept is not null || LinqShapes.Unwrap(assignment.Value) is not IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation lambda })
                return null;
            kept = lambda;
        }
        return kept;
    }

    /// <summary><c>neighbours.All(n =&gt; Check(target, n))</c>, or <c>neighbours.Any(n =&gt; !Check(target, n))</c>: an
    /// all-or-nothing gate whose answer says whether every element passed the check — it decides the path as a check of
    /// the collection would.</summary>
    public bool ChecksEvery(IInvocationOperation invocation) => invocation.TargetMethod.Name switch
    {
        "All" => KeepsOnlyChecked(Predicate(invocation)),
        "Any" => RejectsUnchecked(Predicate(invocation)),
        _ => false,
    };

    /// <summary><c>Where(IsSafe)</c> with a local function <c>bool IsSafe(Reader c) =&gt; Guard.Assess(user, c).IsSafe;</c>:
    /// read as the same lambda written in place would be.</summary>
    private bool LocalPredicateChecks(IMethodSymbol function)
    {
        function = function.OriginalDefinition;
        return function.Parameters.Length > 0 && function.DeclaringSyntaxReferences is [var declaration] &&
               PredicateChecks(function.Parameters[0], _graph.GetLocalFunctionControlFlowGraphInScope(function, _cancellation), declaration.GetSyntax(_cancellation));
    }

    /// <summary><c>neighbours.RemoveAll(n =&gt; !Check(target, n))</c> (or <c>RemoveWhere</c> on a set): what stays in the
    /// collection passed the check. The predicate must be a negated check whose kept side <see cref="Gates"/> the
    /// element; with a method group the sense of the answer is unknown.</summary>
    public bool RemovesUnchecked(IInvocationOperation invocation) =>
        IsRemoval(invocation) && RejectsUnchecked(Predicate(invocation));

    /// <summary><c>list.RemoveAll(…)</c> or <c>set.RemoveWhere(…)</c>: removal in place by a predicate.</summary>
    private static bool IsRemoval(IInvocationOperation invocation) => invocation.TargetMethod.Name is "RemoveAll" or "RemoveWhere";

    /// <summary>A lambda that holds for an element exactly when a check of it fails: <c>n =&gt; !Check(target, n)</c>.</summary>
    private bool RejectsUnchecked(IOperation? predicate) =>
        (predicate is ILocalReferenceOperation kept ? LambdaKeptIn(kept.Local) : predicate) is IFlowAnonymousFunctionOperation
        {
            Syntax: AnonymousFunctionExpressionSyntax { ExpressionBody: PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } removed }
        } lambda &&
        PredicateChecks(lambda, removed.Operand);

    /// <summary>Whether the lambda's <paramref name="kept"/> expression holds only when a check of its element says so.</summary>
    private bool PredicateChecks(IFlowAnonymousFunctionOperation lambda, SyntaxNode kept, int verdictAt = -1) =>
        lambda.Symbol.Parameters.Length > 0 &&
        PredicateChecks(lambda.Symbol.Parameters[0], _graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellation), kept, verdictAt);

    /// <summary>Whether the predicate (its element <paramref name="parameter"/>, its own <paramref name="graph"/>) keeps
    /// the element only when a check of it in the <paramref name="kept"/> expression says so.</summary>
    private bool PredicateChecks(IParameterSymbol parameter, ControlFlowGraph graph, SyntaxNode kept, int verdictAt = -1)
    {
        foreach (var operation in OperationsOf(graph))
        {
            if (operation is IInvocationOperation call && _symbols.IsCheckMethod(call.TargetMethod, _options) &&
                ArgumentsMention(call, parameter) && kept.Span.Contains(call.Syntax.Span) && Gates(call.Syntax, kept) && PassesOnlySafeBand(call))
                return true;
            // vetted.Where(v => v.Verdict.IsSafe): the verdict the vetter gave the element.
            if (_vets && operation is IPropertyReferenceOperation { Instance: { } instance } verdict && _symbols.IsVettedVerdict(verdict.Property) &&
                LinqShapes.Unwrap(instance) is IParameterReferenceOperation element && SymbolEqualityComparer.Default.Equals(element.Parameter, parameter) &&
                kept.Span.Contains(verdict.Syntax.Span) && Gates(verdict.Syntax, kept) && PassesOnlySafeBand(verdict))
                return true;
            // pairs.Where(p => p.verdict.IsSafe), Where(p => p.ok): the answer the pair carries on its own substitute. A bool
            // answer reads "safe" when true, as TrySubstitute's does: !p.ok keeps the unsafe ones.
            if (verdictAt >= 0 && ReadsPosition(operation, verdictAt) && operation is IMemberReferenceOperation { Instance: { } pair } &&
                LinqShapes.Unwrap(pair) is IParameterReferenceOperation read && SymbolEqualityComparer.Default.Equals(read.Parameter, parameter) &&
                kept.Span.Contains(operation.Syntax.Span) &&
                Gates(operation.Syntax, kept, saysSafe: operation.Type?.SpecialType == SpecialType.System_Boolean) && PassesOnlySafeBand(operation))
                return true;
        }
        return false;
    }

    /// <summary>Whether the predicate passes an element only when the check at <paramref name="check"/> says so: not when
    /// the check is one side of an <c>||</c> (<c>c =&gt; Assess(u, c).IsSafe || c.IsPremium</c> lets a premium near-twin
    /// through), the condition of a <c>?:</c>, or negated where its answer's sense is known (<c>!Assess(u, c).IsSafe</c>,
    /// <c>!TrySubstitute(…)</c>). Judged on the predicate's own expression, up to the statement that holds it.</summary>
    /// <param name="saysSafe">Whether <paramref name="check"/> itself is an answer true when the pair is safe (a bool
    /// answer a pair carries), where its spelling does not say so.</param>
    private static bool Gates(SyntaxNode check, SyntaxNode predicate, bool saysSafe = false)
    {
        for (var node = check; node != predicate && node.Parent is { } parent && parent is not StatementSyntax; node = parent)
        {
            switch (parent)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression):
                    return false;
                case ConditionalExpressionSyntax conditional when conditional.Condition == node:
                    return false;
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression) && (SaysSafe(node) || saysSafe && LinqShapes.Unparenthesized(node) == check):
                    return false;
            }
        }
        return true;
    }

    /// <summary>Unless the check's answer is tested for a set with an unsafe band in it (<see cref="BandTests"/>):
    /// <c>Classify(u, c) == SimilarityBand.Moderate</c> gates, <c>Classify(u, c) != SimilarityBand.Distant</c>,
    /// <c>Assess(u, c).Band is NearMatch</c> and <c>Assess(u, c) is { IsSafe: false }</c> let near-twins through.</summary>
    private bool PassesOnlySafeBand(IOperation check)
    {
        IOperation current = check;
        while (current.Parent is IConversionOperation or IParenthesizedOperation or IPropertyReferenceOperation { Property.Name: "Band" })
            current = current.Parent;
        var matched = current.Parent is IBinaryOperation or IIsPatternOperation ? BandTests.Matched(current.Parent, _symbols) : 0;
        return matched == 0 || BandTests.AdmitsOnlySafe(matched);
    }

    /// <summary><c>Assess(u, c).IsSafe</c> or <c>TrySubstitute(…)</c>, spelled out: true when the pair is safe.</summary>
    private static bool SaysSafe(SyntaxNode node) =>
        LinqShapes.Unparenthesized(node) switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: BandTests.SafeVerdict } => true,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: BandTests.SafeCheck } } => true,
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: BandTests.SafeCheck } } => true,
            _ => false,
        };

    private static bool ArgumentsMention(IInvocationOperation call, IParameterSymbol parameter)
    {
        foreach (var argument in call.Arguments)
        {
            if (OperationBlocks.Mentions(argument.Value, parameter))
                return true;
        }
        return false;
    }

    private List<Taint> TaintsOf(IOperation operation)
    {
        operation = LinqShapes.Unwrap(operation);
        if (_values.TryGetValue(operation, out var taints))
            return taints;
        switch (operation.Kind)
        {
            case OperationKind.LocalReference when _locals.TryGetValue(((ILocalReferenceOperation)operation).Local, out taints):
                return taints;
            case OperationKind.FlowCaptureReference when _captures.TryGetValue(((IFlowCaptureReferenceOperation)operation).Id, out taints):
                return taints;
            case OperationKind.ParameterReference when _parameters is not null &&
                                                      _parameters.TryGetValue(((IParameterReferenceOperation)operation).Parameter, out taints):
                return taints;
            default:
                return NoTaints;
        }
    }

    private static readonly List<Taint> NoTaints = new();

    /// <summary>The positions of the operations that carry some substitute, in order, with what they carry: fixed once
    /// the values are tracked, and a small share of the graph, which the later passes visit instead of all of it.</summary>
    private List<(int Position, List<Taint> Taints)> Carrying()
    {
        if (_carrying is not null)
            return _carrying;
        _carrying = new List<(int Position, List<Taint> Taints)>();
        // Most operations are of a kind nothing was tracked into (literals, most references, arguments): one kind read
        // rules them out before any lookup. A conversion or parentheses carry what their operand carries, which is
        // listed itself (and marks them as its ancestors); no use is judged on them.
        var tracked = new bool[256]; // OperationKind ends below 256; a kind past it is looked up, as before
        foreach (var value in _values.Keys)
        {
            if ((int)value.Kind < tracked.Length)
                tracked[(int)value.Kind] = true;
        }
        for (var i = 0; i < _all.Count; i++)
        {
            var kind = _all.Kind(i);
            if (kind is OperationKind.Conversion or OperationKind.Parenthesized ||
                (int)kind < tracked.Length && !tracked[(int)kind] && kind is not (OperationKind.LocalReference or OperationKind.FlowCaptureReference or OperationKind.ParameterReference))
                continue;
            var taints = TaintsOf(_all.Operation(i));
            if (taints.Count > 0)
                _carrying.Add((i, taints));
        }
        return _carrying;
    }

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
}
