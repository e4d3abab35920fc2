using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>Decides what a place that reads a substitute does with it. A use lets the substitute's data shape the
/// target user's result: returning or storing it, passing it on, adding it to a collection, reading its features.
/// Null tests, reading its <c>[PersonaKey]</c>, identity comparisons, logging and metrics are not uses.</summary>
internal static class SubstituteUses
{
    public static UseKind Classify(IOperation operation, Taint taint, SubstituteFlowGraph.Statement statement, bool returnsHandedOn,
        GraphOperations graph, SubstitutionSymbols symbols, SubstitutionOptions options)
    {
        var kind = taint.Kind;
        // A source's delegate is not a profile: what its calls obtain is tracked on its own.
        if (kind == TaintKind.Delegate)
            return UseKind.None;
        var parent = LinqShapes.Parent(operation, out var child);
        if (parent is null)
            return IsReturnedValue(child, statement) && !returnsHandedOn ? UseKind.Return : UseKind.None;
        // cache.GetOrAdd(key, _ => index.FindNearest(user)); with the value thrown away: the factory's substitute is kept
        // in the cache, and nothing is left here to check.
        if ((parent is IExpressionStatementOperation || parent is ISimpleAssignmentOperation { Target: IDiscardOperation }) && StoresWhatTheFactoryGives(child))
            return UseKind.CollectionAdd;
        // A started lookup's task hands the substitute on only by leaving the body — returned (above) or stored in a
        // field or property: awaited here, the await is the origin, and passed on (Task.WhenAll) it is judged there.
        if (kind == TaintKind.Task)
            return parent is ISimpleAssignmentOperation assignment && assignment.Value == child &&
                   graph.WrittenBy(assignment) is IFieldReferenceOperation or IPropertyReferenceOperation
                ? UseKind.Store
                : UseKind.None;
        switch (parent)
        {
            case IReturnOperation:
                return returnsHandedOn ? UseKind.None : UseKind.Return;
            case ISimpleAssignmentOperation { Parent: IAnonymousObjectCreationOperation } when kind == TaintKind.Element:
                // new { User = u, Twin = twin }: the object carries it on (SubstituteFlowGraph.PropagateIntoAnonymousObject),
                // judged where it goes.
                return UseKind.None;
            case ISimpleAssignmentOperation assignment when assignment.Value == child:
            {
                // _donor ??= FindNearest(user) writes through a capture of the field: judged by what is captured.
                var target = graph.WrittenBy(assignment);
                // A ref local (ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(…)) writes where it refers;
                // binding one (ref var first = ref twins[0];, foreach (ref readonly var n in span)) stores nothing.
                return target is ILocalReferenceOperation { Local.RefKind: RefKind.None } or IDiscardOperation or IFlowCaptureReferenceOperation ||
                       assignment.IsRef && target is ILocalReferenceOperation ||
                       HandsOnThroughOut(target, symbols, options)
                    ? UseKind.None
                    : UseKind.Store;
            }
            case IArgumentOperation argument:
            {
                if (returnsHandedOn && IsReturnedInCompletedTask(argument, statement, symbols))
                    return UseKind.None;
                var use = ClassifyArgument(argument, kind, symbols, options, graph);
                // A [ProfileSubstitute] member that fills a list of its own and returns it hands the substitutes on in it —
                // also one built by an initializer (new List<Reader> { twin }), which the graph lowers to adds to a capture.
                return use == UseKind.CollectionAdd && returnsHandedOn && argument.Parent is IInvocationOperation { Instance: var filled } &&
                       (filled is ILocalReferenceOperation list && FilledAndReturned(list.Local, graph) ||
                        filled is IFlowCaptureReferenceOperation built && FilledAndReturned(built.Id, graph))
                    ? UseKind.None
                    : use;
            }
            case IInvocationOperation { TargetMethod.Name: "GetValueOrDefault" } unwrapped when unwrapped.Instance == child && symbols.IsNullablePersona(child.Type):
                return UseKind.None; // the profile itself, judged where it goes
            case IInvocationOperation invocation when invocation.Instance == child:
                return ClassifyInstanceCall(invocation, kind, graph.Model);
            case IMemberReferenceOperation member when member.Instance == child:
                return ClassifyMemberRead(member, kind, symbols, options, graph.Model);
            // A profile held as dynamic: twin.Summary reads its data (twin.Id, its [PersonaKey], does not), and a call
            // bound at run time (Render.Prompt(twin)) is passed it.
            case IDynamicMemberReferenceOperation member when member.Instance == child:
                return IsKeyOf(taint.Origin.Persona, member.MemberName, symbols) || SideChannels.IsInside(parent, graph.Model) ? UseKind.None : UseKind.MemberRead;
            case IDynamicInvocationOperation or IDynamicObjectCreationOperation or IDynamicIndexerAccessOperation when kind == TaintKind.Element:
                return SideChannels.IsInside(parent, graph.Model) ? UseKind.None : UseKind.Argument;
            case IInterpolationOperation:
                return SideChannels.IsInside(parent, graph.Model) ? UseKind.None : UseKind.MemberRead;
            case IArrayInitializerOperation { Parent: IArrayCreationOperation array }:
                // return new[] { twin }; from a source member: handed on in the array it returns.
                return returnsHandedOn && IsReturned(array, statement) ? UseKind.None : UseKind.CollectionAdd;
            case IArrayInitializerOperation:
                return UseKind.CollectionAdd;
            case ITupleOperation tuple:
                // (user, twin): the tuple carries a profile on (SubstituteFlowGraph.PropagateIntoTuple), judged where it
                // goes; the left side of a deconstruction is written, not read.
                return kind == TaintKind.Element || IsDeconstructionTarget(tuple) ? UseKind.None : UseKind.Argument;
            case IDeconstructionAssignmentOperation deconstruction when deconstruction.Value == child && kind == TaintKind.Element:
                // var (id, taste, voice) = twin: a profile taken apart into its data (a tuple source is tracked instead).
                return UseKind.MemberRead;
            case IDeconstructionAssignmentOperation deconstruction when deconstruction.Value == child && kind == TaintKind.Tuple:
                // (_donor, _score) = FindMostSimilar(user): stored as `_donor = twin` would store it. Into locals, the
                // substitute is tracked on (SubstituteFlowGraph.PropagateDeconstruction).
                return StoresElement(deconstruction, taint, symbols) ? UseKind.Store : UseKind.None;
            case IIsPatternOperation { Pattern: { } pattern } when ReadsMembers(pattern, kind, symbols):
                return SideChannels.IsInside(parent, graph.Model) ? UseKind.None : UseKind.MemberRead;
            default:
                // [twin] and [.. neighbours]: a collection expression (C# 12) — told by its syntax, as the operations of
                // collection expressions came after the Roslyn this package builds against. Returned from a source member,
                // it hands them on.
                if (child.Syntax.Parent is not (ExpressionElementSyntax or SpreadElementSyntax))
                    return UseKind.None;
                return returnsHandedOn && child.Syntax.Parent.Parent is CollectionExpressionSyntax collection &&
                       (IsReturnedSyntax(collection) || BuildsReturnedList(collection, graph))
                    ? UseKind.None
                    : UseKind.CollectionAdd;
        }
    }

    /// <summary>Whether <paramref name="name"/> is the <c>[PersonaKey]</c> of the persona type.</summary>
    private static bool IsKeyOf(INamedTypeSymbol? persona, string name, SubstitutionSymbols symbols)
    {
        if (persona is null)
            return false;
        foreach (var member in persona.GetMembers(name))
        {
            if (symbols.IsPersonaKey(member))
                return true;
        }
        return false;
    }

    /// <summary>Whether a deconstruction writes the substitute a tuple holds into a field, property or array element
    /// (a persona-typed one: a source's <c>(Reader Match, double Score)</c> holds the profile at every position).</summary>
    private static bool StoresElement(IDeconstructionAssignmentOperation deconstruction, Taint taint, SubstitutionSymbols symbols)
    {
        if (LinqShapes.Written(deconstruction.Target) is not ITupleOperation targets)
            return false;
        for (var i = 0; i < targets.Elements.Length; i++)
        {
            if (taint.HoldsAt(i) && LinqShapes.Unwrap(targets.Elements[i]) is IMemberReferenceOperation or IArrayElementReferenceOperation &&
                symbols.IsPersonaType(targets.Elements[i].Type))
                return true;
        }
        return false;
    }

    /// <summary><paramref name="root"/> (through conversions) is the value a block returns: a <c>return</c> becomes the
    /// branch value of the block that leaves with it.</summary>
    private static bool IsReturnedValue(IOperation root, SubstituteFlowGraph.Statement statement) =>
        root == statement.Root && statement.IsBranchValue && statement.Block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return;

    /// <summary><c>return Task.FromResult(twin)</c> (or <c>ValueTask.FromResult</c>, <c>new ValueTask&lt;Reader&gt;(twin)</c>):
    /// a source that is not <c>async</c> hands its substitute on in a completed task, as an <c>async</c> one does by
    /// returning it.</summary>
    private static bool IsReturnedInCompletedTask(IArgumentOperation argument, SubstituteFlowGraph.Statement statement, SubstitutionSymbols symbols)
    {
        IOperation? task = argument.Parent switch
        {
            IInvocationOperation { TargetMethod: { Name: "FromResult", IsStatic: true } } call when symbols.AwaitedType(call.Type) is not null => call,
            IObjectCreationOperation creation when symbols.AwaitedType(creation.Type) is not null => creation,
            _ => null,
        };
        return task is not null && IsReturned(task, statement);
    }

    /// <summary><paramref name="value"/> (through conversions) is what the function returns: a <c>return</c>'s operand,
    /// or the value of the block that leaves with it.</summary>
    private static bool IsReturned(IOperation value, SubstituteFlowGraph.Statement statement) =>
        LinqShapes.Parent(value, out var child) switch
        {
            IReturnOperation => true,
            null => IsReturnedValue(child, statement),
            _ => false,
        };

    /// <summary>The body builds <paramref name="list"/> to return it: every read of the local adds to it, counts it or
    /// returns it, and some path returns it. Anything else (stored, passed on, read element by element) leaves the adds
    /// as uses.</summary>
    private static bool FilledAndReturned(ILocalSymbol list, GraphOperations graph) =>
        FilledOnlyFor(list, graph, (parent, child, at) => parent switch
        {
            null => IsReturnedValue(child, graph.StatementOf(at)) ? true : null,
            IReturnOperation { Kind: OperationKind.Return } => true,
            // return found.Count == 0 ? Array.Empty<Reader>() : found; (or found ?? …): the graph captures the list for
            // the arm, and the capture is what is returned.
            IFlowCaptureOperation capture when capture.Value == child => OnlyReturned(capture.Id, graph) ? true : null,
            _ => null,
        });

    /// <summary>The body fills <paramref name="list"/> only for a band check to choose from: every read of the local adds
    /// to it, counts it or hands it to a check (<c>Guard.SafestSubstitute(user, candidates)</c>), and some read does that.
    /// Anything else (returned, stored, passed on, read element by element) leaves the adds as uses.</summary>
    private static bool FilledOnlyForChecks(ILocalSymbol list, GraphOperations graph, SubstitutionSymbols symbols, SubstitutionOptions options) =>
        FilledOnlyFor(list, graph, (parent, _, _) =>
            parent is IArgumentOperation { Parent: IInvocationOperation check } && symbols.IsCheckMethod(check.TargetMethod, options) ? true : null);

    /// <summary>Whether every read of a list of the body's own fills it (written, added to, counted) or is one
    /// <paramref name="purpose"/> accepts (true; null: anything else), and some read is that purpose.</summary>
    private static bool FilledOnlyFor(ILocalSymbol list, GraphOperations graph, System.Func<IOperation?, IOperation, int, bool?> purpose)
    {
        var served = false;
        foreach (var i in graph.PositionsOf(OperationKind.LocalReference))
        {
            var reference = (ILocalReferenceOperation)graph.Operation(i);
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, list))
                continue;
            var parent = LinqShapes.Parent(reference, out var child);
            var fills = parent switch
            {
                ISimpleAssignmentOperation assignment => assignment.Target == child,
                IInvocationOperation invocation => invocation.Instance == child && LinqShapes.IsAdder(invocation.TargetMethod.Name),
                IPropertyReferenceOperation { Property.Name: "Count" } count => count.Instance == child,
                _ => false,
            };
            if (fills)
                continue;
            if (purpose(parent, child, i) is not true)
                return false;
            served = true;
        }
        return served;
    }

    /// <summary>A collection the graph built in a capture (an initializer's adds) that is only added to and returned.</summary>
    private static bool FilledAndReturned(CaptureId id, GraphOperations graph)
    {
        var returned = false;
        foreach (var i in graph.PositionsOf(OperationKind.FlowCaptureReference))
        {
            if (!((IFlowCaptureReferenceOperation)graph.Operation(i)).Id.Equals(id))
                continue;
            switch (LinqShapes.Parent(graph.Operation(i), out var child))
            {
                case null when IsReturnedValue(child, graph.StatementOf(i)):
                    returned = true;
                    break;
                case IInvocationOperation adder when adder.Instance == child && LinqShapes.IsAdder(adder.TargetMethod.Name):
                    break;
                default:
                    return false;
            }
        }
        return returned;
    }

    /// <summary><c>List&lt;Reader&gt; found = [twin]; … return found;</c>: the collection starts a list of the body's own
    /// that is only added to, counted and returned.</summary>
    private static bool BuildsReturnedList(CollectionExpressionSyntax collection, GraphOperations graph) =>
        collection.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } &&
        graph.Model?.GetDeclaredSymbol(declarator) is ILocalSymbol list && FilledAndReturned(list, graph);

    /// <summary>The expression is what its function returns, written out: <c>return [twin];</c>, <c>=&gt; [twin]</c>, also
    /// as either arm of a <c>?:</c> or a <c>switch</c> expression's arm (<c>=&gt; twin is null ? [] : [twin]</c>).</summary>
    private static bool IsReturnedSyntax(ExpressionSyntax expression)
    {
        SyntaxNode node = expression;
        while (true)
        {
            var parent = node.Parent;
            switch (parent)
            {
                case ParenthesizedExpressionSyntax or CastExpressionSyntax:
                case ConditionalExpressionSyntax conditional when conditional.Condition != node:
                case SwitchExpressionArmSyntax arm when arm.Expression == node:
                case SwitchExpressionSyntax:
                    node = parent;
                    continue;
                case ReturnStatementSyntax or ArrowExpressionClauseSyntax:
                    return true;
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.ExpressionBody == node;
                default:
                    return false;
            }
        }
    }

    /// <summary>Every read of the capture is the value the block returns, and there is one.</summary>
    private static bool OnlyReturned(CaptureId id, GraphOperations graph)
    {
        var returned = false;
        foreach (var i in graph.PositionsOf(OperationKind.FlowCaptureReference))
        {
            if (!((IFlowCaptureReferenceOperation)graph.Operation(i)).Id.Equals(id))
                continue;
            if (LinqShapes.Parent(graph.Operation(i), out var child) is not null || !IsReturnedValue(child, graph.StatementOf(i)))
                return false;
            returned = true;
        }
        return returned;
    }

    /// <summary>A pattern that reads the profile's data: <c>{ Voice: var voice }</c>, <c>{ Tier: "gold" }</c>, a
    /// positional <c>(_, var taste, _)</c> — not <c>{ }</c>, <c>null</c>, a type test, or a read of its
    /// <c>[PersonaKey]</c>. Of a tuple holding a substitute, only what reads its profile element's data:
    /// <c>var (twin, score)</c> takes the profile out whole (and tracks it), <c>(_, &gt; 0.8)</c> reads the score.</summary>
    private static bool ReadsMembers(IPatternOperation pattern, TaintKind kind, SubstitutionSymbols symbols)
    {
        switch (pattern)
        {
            case IBinaryPatternOperation binary:
                return ReadsMembers(binary.LeftPattern, kind, symbols) || ReadsMembers(binary.RightPattern, kind, symbols);
            case INegatedPatternOperation negated:
                return ReadsMembers(negated.Pattern, kind, symbols);
            case IRecursivePatternOperation recursive when kind == TaintKind.Tuple:
                foreach (var subpattern in recursive.DeconstructionSubpatterns)
                {
                    if (symbols.IsPersonaType(subpattern.InputType) && ReadsMembers(subpattern, TaintKind.Element, symbols))
                        return true;
                }
                foreach (var property in recursive.PropertySubpatterns)
                {
                    if (symbols.IsPersonaType(property.Pattern.InputType) && ReadsMembers(property.Pattern, TaintKind.Element, symbols))
                        return true;
                }
                return false;
            case IRecursivePatternOperation recursive:
                if (!recursive.DeconstructionSubpatterns.IsEmpty)
                    return true;
                foreach (var subpattern in recursive.PropertySubpatterns)
                {
                    if (subpattern.Member is not IMemberReferenceOperation { Member: var member } || !symbols.IsPersonaKey(member))
                        return true;
                }
                return false;
            default:
                return false;
        }
    }

    /// <summary><c>var (neighbour, score) = ...</c>: the locals on the left are written, not read.</summary>
    public static bool IsDeconstructionTarget(ITupleOperation tuple)
    {
        IOperation current = tuple;
        while (current.Parent is ITupleOperation or IDeclarationExpressionOperation)
            current = current.Parent;
        return current.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == current;
    }

    /// <summary>An <c>out</c> parameter of a substitute source (<c>TryFindNearest(target, out neighbour)</c>): its
    /// callers obtain the substitute and answer for the check, as for a returned one.</summary>
    private static bool HandsOnThroughOut(IOperation target, SubstitutionSymbols symbols, SubstitutionOptions options) =>
        LinqShapes.Unwrap(target) is IParameterReferenceOperation { Parameter: { RefKind: RefKind.Out, ContainingSymbol: IMethodSymbol method } } &&
        (options.NameMatches(method.Name) || symbols.IsSubstituteAttributed(method)) && !symbols.IsCheckMethod(method, options);

    private static UseKind ClassifyArgument(IArgumentOperation argument, TaintKind kind, SubstitutionSymbols symbols, SubstitutionOptions options,
        GraphOperations graph)
    {
        var model = graph.Model;
        // An out argument is written, not read: TryFindNearest(target, out neighbour) obtains the substitute.
        if (argument.Parameter?.RefKind == RefKind.Out)
            return UseKind.None;
        switch (argument.Parent)
        {
            case IInvocationOperation invocation:
            {
                var method = invocation.TargetMethod;
                if (symbols.IsCheckMethod(method, options) || SideChannels.IsSideChannel(method) || SideChannels.IsInside(invocation, model))
                    return UseKind.None;
                // The generated guard's IsSelf(target, candidate) compares keys, as Equals does.
                if (method.Name is "ReferenceEquals" or "Equals" or "GetHashCode" || SimilarityScores.IsScoreMethod(method, symbols) ||
                    method is { Name: "IsSelf", IsStatic: true } && WellKnownTypeNames.IsGuardName(method.ContainingType))
                    return UseKind.None;
                var isSource = ((method.ReducedFrom ?? method).IsExtensionMethod || LinqShapes.IsSpanView(method)) && invocation.Arguments.Length > 0 &&
                               invocation.Arguments[0] == argument;
                if (kind != TaintKind.Element && isSource &&
                    (LinqShapes.IsPassThrough(method.Name) || LinqShapes.IsElementSelector(method.Name) || LinqShapes.IsObserver(method.Name) ||
                     LinqShapes.IsAwaitedPassThrough(method.Name) || LinqShapes.IsAwaitedElementSelector(method.Name) ||
                     LinqShapes.IsIdentitySelect(invocation) || LinqShapes.IsProfileSelect(invocation, symbols) ||
                     method.Name == "GetEnumerator"))
                    return UseKind.None;
                if (kind == TaintKind.Enumerator)
                    return UseKind.None;
                // users.Zip(twins): paired with the users' own profiles in the call's value, which is tracked; and
                // lookalikes.Chunk(100): batches of them, tracked as the collection (SubstituteFlowGraph.DeriveElement).
                if (kind == TaintKind.Collection && (LinqShapes.IsTupleZip(invocation) ||
                                                     LinqShapes.IsMerge(invocation) && symbols.PersonaOf(invocation.Type, out var merged) is not null && merged ||
                                                     isSource && LinqShapes.ReshapesElements(method)))
                    return UseKind.None;
                if (!LinqShapes.IsAdder(method.Name))
                    return UseKind.Argument;
                // candidates.Add(hit.Record); … Guard.SafestSubstitute(user, candidates): a list filled only for the check
                // to choose from (probe 14a, S09).
                return invocation.Instance is ILocalReferenceOperation filled && FilledOnlyForChecks(filled.Local, graph, symbols, options)
                    ? UseKind.None
                    : UseKind.CollectionAdd;
            }
            case IObjectCreationOperation creation:
                // new Queue<Reader>(neighbours): copied into another collection of them, which is tracked instead.
                if (kind == TaintKind.Collection && symbols.PersonaOf(creation.Type, out var isCollection) is not null && isCollection)
                    return UseKind.None;
                return SideChannels.IsInside(creation, model) || creation.Type?.Name.EndsWith("Exception", System.StringComparison.Ordinal) == true
                    ? UseKind.None
                    : UseKind.Argument;
            default:
                return UseKind.Argument;
        }
    }

    private static UseKind ClassifyInstanceCall(IInvocationOperation invocation, TaintKind kind, SemanticModel? model)
    {
        var name = invocation.TargetMethod.Name;
        if (name is "Equals" or "GetHashCode" or "GetType" or "ReferenceEquals" || kind == TaintKind.Enumerator)
            return UseKind.None;
        if (kind == TaintKind.Collection &&
            (LinqShapes.IsObserver(name) || LinqShapes.IsPassThrough(name) || LinqShapes.IsElementSelector(name) || LinqShapes.IsInPlace(name) ||
             LinqShapes.IsOutSelector(name) || LinqShapes.ReshapesElements(invocation.TargetMethod))) // span.Slice(1), tracked
            return UseKind.None;
        return SideChannels.IsInside(invocation, model) ? UseKind.None : UseKind.MemberRead;
    }

    private static UseKind ClassifyMemberRead(IMemberReferenceOperation member, TaintKind kind, SubstitutionSymbols symbols, SubstitutionOptions options,
        SemanticModel? model)
    {
        if (member.Parent is IAssignmentOperation assignment && assignment.Target == member)
            return UseKind.None;
        if (kind == TaintKind.Enumerator)
            return UseKind.None;
        // The tuple's profile is tracked on its own; reading its score is not a use.
        if (kind == TaintKind.Tuple && member is IFieldReferenceOperation or IPropertyReferenceOperation)
            return UseKind.None;
        if (kind == TaintKind.Collection &&
            (member is IPropertyReferenceOperation { Property.IsIndexer: true } || member.Member.Name is "Count" or "Length" or "IsEmpty" or "LongLength"))
            return UseKind.None;
        if (symbols.IsPersonaKey(member.Member))
            return UseKind.None;
        // A nullable persona struct: HasValue is a null test, Value the profile itself (judged where it goes).
        if (member.Member.Name is "HasValue" or "Value" && symbols.IsNullablePersona(member.Instance?.Type))
            return UseKind.None;
        return FeedsCheckOrScore(member, symbols, options) || SideChannels.IsInside(member, model) ? UseKind.None : UseKind.MemberRead;
    }

    /// <summary>The data read decides or measures rather than shapes the result: it feeds (at any depth) a check or a
    /// score — <c>TensorPrimitives.CosineSimilarity(user.Taste, n.Taste)</c>.</summary>
    private static bool FeedsCheckOrScore(IOperation read, SubstitutionSymbols symbols, SubstitutionOptions options)
    {
        for (var current = read.Parent; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation call &&
                (symbols.IsCheckMethod(call.TargetMethod, options) || SimilarityScores.IsScoreMethod(call.TargetMethod, symbols)))
                return true;
        }
        return false;
    }

    public static string Describe(UseKind kind) => kind switch
    {
        UseKind.Return => "returned",
        UseKind.Store => "stored",
        UseKind.Argument => "passed on",
        UseKind.CollectionAdd => "added to a collection",
        UseKind.Capture => "captured by a lambda or local function",
        UseKind.MemberRead => "its data read",
        _ => "used",
    };

    /// <summary><c>GetOrAdd</c>, <c>AddOrUpdate</c> and a memory cache's <c>GetOrCreate</c>/<c>GetOrCreateAsync</c> given a
    /// factory (awaited or not): what the factory returns is stored, as well as given back.</summary>
    private static bool StoresWhatTheFactoryGives(IOperation value)
    {
        if (value is IAwaitOperation awaited)
            value = LinqShapes.TaskOf(awaited.Operation);
        return value is IInvocationOperation { TargetMethod.Name: "GetOrAdd" or "AddOrUpdate" or "GetOrCreate" or "GetOrCreateAsync" } call &&
               LinqShapes.DelegateArgument(call) is not null;
    }
}
