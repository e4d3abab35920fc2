using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>Recognises the expressions that obtain a substitute directly: a <c>[ProfileSubstitute]</c> member, or a
/// method or property whose name matches the configured patterns and whose type is a persona type, a collection of
/// one or an async stream of one (awaited, or waited for with <c>.Result</c> / <c>.GetAwaiter().GetResult()</c>, when it is a task of either).</summary>
internal static class SubstituteSources
{
    /// <param name="model">The body's semantic model, for what a control flow graph leaves out (a lambda's body); null
    /// when <paramref name="operation"/> is from the operation tree itself.</param>
    /// <param name="orKeys">Also the ids such a member gives (<see cref="KeysOf"/>): the name is looked up once for both.</param>
    public static SubstituteOrigin? TryGetDirect(IOperation operation, SubstitutionSymbols symbols, SubstitutionOptions options, SemanticModel? model = null,
        bool orKeys = false)
    {
        // Every invocation and member read of every body passes here: rule out the common case by a cached name or
        // attribute lookup before looking at types or parents.
        if (operation is IAwaitOperation awaitAll && TryGetWhenAll(awaitAll, symbols, options, model) is { } all)
            return all;
        var waitedFor = WaitedFor(operation, symbols, model);
        var candidate = waitedFor is not null ? Member(waitedFor) : operation switch
        {
            IAwaitOperation awaitOperation => Member(Awaited(awaitOperation, model)),
            IInvocationOperation invocation => invocation.TargetMethod,
            IPropertyReferenceOperation property => property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        if (candidate is null || !(options.NameMatches(candidate.Name) || symbols.IsSubstituteAttributed(candidate) || symbols.IsVectorSearch(candidate) ||
                                   symbols.ReturnsEveryVerdict(candidate)))
            return null;
        return Direct(operation, candidate, waitedFor, symbols, options, model) ??
               (orKeys && waitedFor is null ? KeysOf(operation, candidate, symbols, options, model) : null);
    }

    /// <summary>The task an <c>await</c> waits for: the awaited expression, or — for a local the task was started into
    /// (<c>var pending = index.FindNearestAsync(user); … await pending</c>) — the call that started it.</summary>
    private static IOperation Awaited(IAwaitOperation awaitOperation, SemanticModel? model) =>
        StartingCall(LinqShapes.TaskOf(awaitOperation.Operation), model ?? awaitOperation.SemanticModel);

    /// <summary>For a local of a task type declared with its value (<c>var pending = index.FindNearestAsync(user);</c>),
    /// that value; otherwise <paramref name="task"/> itself. Started lookups are kept in a local to run beside other
    /// work and be awaited later; the local is not written again (as <see cref="TryGetWhenAll"/> assumes too).</summary>
    /// <remarks>Work started on the thread pool into the local (<c>var lookup = Task.Run(() =&gt; index.FindNearest(user));</c>)
    /// gives what the pool computes: the lookup in the lambda (<see cref="PoolWork"/>), whose own type may be the profile
    /// rather than a task (<see cref="ResultOf"/>).</remarks>
    private static IOperation StartingCall(IOperation task, SemanticModel? model)
    {
        if (task is not ILocalReferenceOperation { Local.Type: INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: true } } local ||
            InitialValue(local.Local, model ?? task.SemanticModel) is not { } initial)
            return task;
        var started = LinqShapes.TaskOf(initial);
        return PoolWork(started) ?? started;
    }

    /// <summary>What a wait on <paramref name="started"/> (from <see cref="StartingCall"/>) gives: a task's result, or the
    /// value itself where the pool computed it.</summary>
    private static ITypeSymbol? ResultOf(IOperation started, SubstitutionSymbols symbols) =>
        symbols.AwaitedType(started.Type) ?? started.Type;

    /// <summary><c>Task.Run(() =&gt; index.FindNearest(user))</c> or <c>Task.Factory.StartNew(…)</c>: the value the lambda
    /// returns — for an <c>async</c> lambda that awaits it (<c>async () =&gt; await index.FindNearestAsync(user)</c>), the
    /// awaited task. Null for any other call.</summary>
    public static IOperation? PoolWork(IOperation started)
    {
        if (started is not IInvocationOperation run || !IsPoolStart(run.TargetMethod) ||
            !OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(run), out _, out var returned))
            return null;
        returned = LinqShapes.Unwrap(returned!);
        return returned is IAwaitOperation inner ? LinqShapes.TaskOf(inner.Operation) : returned;
    }

    /// <summary><c>Task.Run</c> or <c>Task.Factory.StartNew</c>.</summary>
    public static bool IsPoolStart(IMethodSymbol method) =>
        LinqShapes.IsTaskMethod(method, "Run") ||
        method is { Name: "StartNew", ContainingType: { Name: "TaskFactory", ContainingNamespace: { Name: "Tasks", ContainingNamespace.Name: "Threading" } } };

    /// <summary>What <see cref="TryGetDirect"/> finds once the member's name (or attribute) has passed.</summary>
    private static SubstituteOrigin? Direct(IOperation operation, ISymbol candidate, IOperation? waitedFor, SubstitutionSymbols symbols, SubstitutionOptions options,
        SemanticModel? model)
    {
        if (waitedFor is not null)
        {
            if (!IsSource(candidate, ResultOf(waitedFor, symbols), symbols, options, out var persona, out var collection))
                return null;
            return new SubstituteOrigin(operation, persona, collection, "BlockingWait", operation.Syntax.GetLocation());
        }
        switch (operation)
        {
            case IAwaitOperation awaitOperation:
            {
                var awaited = Awaited(awaitOperation, model);
                var member = Member(awaited);
                if (member is null || !IsSource(member, ResultOf(awaited, symbols), symbols, options, out var persona, out var collection))
                    return null;
                return new SubstituteOrigin(awaitOperation, persona, collection, "Await", awaitOperation.Syntax.GetLocation());
            }
            case IInvocationOperation invocation:
            {
                if (IsAssignmentTarget(invocation))
                    return null;
                if (symbols.AwaitedType(invocation.Type) is { } result)
                    return TaskOrigin(invocation, result, symbols, options);
                var method = invocation.TargetMethod;
                if (!IsSource(method, invocation.Type, symbols, options, out var persona, out var collection))
                    return null;
                var construct = method.MethodKind == MethodKind.DelegateInvoke ? "Delegate" : "Invocation";
                return new SubstituteOrigin(invocation, persona, collection, construct, invocation.Syntax.GetLocation());
            }
            // A collection's indexer takes an element (followed as one); an indexer of its own marked [ProfileSubstitute]
            // is a source like any attributed property.
            case IPropertyReferenceOperation property when !property.Property.IsIndexer || symbols.IsSubstituteAttributed(property.Property):
            {
                if (IsAssignmentTarget(property) || symbols.AwaitedType(property.Type) is not null)
                    return null;
                if (!IsSource(property.Property, property.Type, symbols, options, out var persona, out var collection))
                    return null;
                return new SubstituteOrigin(property, persona, collection, "Property", property.Syntax.GetLocation());
            }
            case IFieldReferenceOperation field:
            {
                if (IsAssignmentTarget(field) || !symbols.IsSubstituteAttributed(field.Field))
                    return null;
                var persona = symbols.PersonaOf(field.Type, out var collection);
                return new SubstituteOrigin(field, persona, collection, "Field", field.Syntax.GetLocation());
            }
            default:
                return null;
        }
    }

    /// <summary>A lookup's task that is not waited for where it is called (<c>return index.FindNearestAsync(user);</c>,
    /// <c>var pending = index.FindNearestAsync(user);</c>): an origin tracked as the task (<see cref="SubstituteOrigin.IsTask"/>).
    /// Awaited or waited for in place, the <c>await</c> or the wait is the origin instead.</summary>
    private static SubstituteOrigin? TaskOrigin(IInvocationOperation invocation, ITypeSymbol result, SubstitutionSymbols symbols, SubstitutionOptions options)
    {
        if (IsWaitedForInPlace(invocation) || !IsSource(invocation.TargetMethod, result, symbols, options, out var persona, out var collection))
            return null;
        return new SubstituteOrigin(invocation, persona, collection, "Task", invocation.Syntax.GetLocation()) { IsTask = true };
    }

    /// <summary><c>await task</c>, <c>await task.ConfigureAwait(false)</c>, <c>task.Result</c>, <c>task.GetAwaiter()</c>.</summary>
    public static bool IsWaitedForInPlace(IOperation task)
    {
        var parent = LinqShapes.Parent(task, out var child);
        while (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "AsTask" } wrapper && wrapper.Instance == child)
            parent = LinqShapes.Parent(wrapper, out child);
        return parent is IAwaitOperation ||
               parent is IPropertyReferenceOperation { Property.Name: "Result" } result && result.Instance == child ||
               parent is IInvocationOperation { TargetMethod.Name: "GetAwaiter" } awaiter && awaiter.Instance == child;
    }

    /// <summary><c>await Task.WhenAll(seeds.Select(s =&gt; index.FindNearestAsync(s)))</c>, or <c>.Select(index.FindNearestAsync)</c>
    /// (also through <c>ToList</c>/<c>ToArray</c>, and through a local they initialise: <c>var lookups = …; await
    /// Task.WhenAll(lookups)</c>): one lookup per element, awaited together — the array holds their substitutes. The
    /// lookups themselves are not awaited where they are called, so they are not origins of their own.</summary>
    private static SubstituteOrigin? TryGetWhenAll(IAwaitOperation awaitOperation, SubstitutionSymbols symbols, SubstitutionOptions options,
        SemanticModel? model)
    {
        if (LinqShapes.TaskOf(awaitOperation.Operation) is not IInvocationOperation { Arguments.Length: 1 } whenAll ||
            !LinqShapes.IsTaskMethod(whenAll.TargetMethod, "WhenAll"))
            return null;
        var tasks = LinqShapes.Unwrap(whenAll.Arguments[0].Value);
        model ??= tasks.SemanticModel;
        if (tasks is ILocalReferenceOperation local && InitialValue(local.Local, model) is { } initial)
        {
            tasks = initial;
            model = initial.SemanticModel;
        }
        if ((LookupForEach(tasks, model) ?? LookupOfEach(tasks)) is not { } lookup || symbols.AwaitedType(lookup.ReturnType) is not { } looked ||
            !IsSource(lookup, looked, symbols, options, out var persona, out var collection) || collection)
            return null;
        return new SubstituteOrigin(awaitOperation, persona, isCollection: true, "WhenAll", awaitOperation.Syntax.GetLocation());
    }

    /// <summary><c>Task.WhenAll(index.FindNearestAsync(a), index.FindNearestAsync(b))</c>: the method every listed task
    /// is started by, when it is one method; null when any task comes from elsewhere (the user's own profile loaded beside
    /// a lookup is no substitute).</summary>
    private static IMethodSymbol? LookupOfEach(IOperation tasks)
    {
        // A params array, or (C# 13) a params span, which Roslyn 4.8's operations do not name: its elements are its children.
        var elements = tasks is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues : (IEnumerable<IOperation>)tasks.ChildOperations;
        IMethodSymbol? lookup = null;
        foreach (var element in elements)
        {
            if (LinqShapes.TaskOf(element) is not IInvocationOperation { TargetMethod: var method } ||
                lookup is not null && !SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, lookup.OriginalDefinition))
                return null;
            lookup = method;
        }
        return lookup;
    }

    /// <summary>Whether <paramref name="tasks"/> starts one substitute lookup per element without awaiting it
    /// (<c>users.Select(u =&gt; index.FindNearestAsync(u))</c>, also through <c>ToList</c>/<c>ToArray</c>): where it is
    /// kept in a local, a later <c>Task.WhenAll</c> of the local obtains the substitutes.</summary>
    public static bool StartsLookups(IInvocationOperation tasks, SubstitutionSymbols symbols, SubstitutionOptions options) =>
        LookupForEach(tasks, tasks.SemanticModel) is { } lookup && symbols.AwaitedType(lookup.ReturnType) is { } looked &&
        IsSource(lookup, looked, symbols, options, out _, out var collection) && !collection;

    /// <summary>The method a <c>Select</c> calls for each element (a method group, or a lambda that returns its call).</summary>
    private static IMethodSymbol? LookupForEach(IOperation tasks, SemanticModel? model)
    {
        while (tasks is IInvocationOperation { TargetMethod.Name: "ToList" or "ToArray" } copy && LinqShapes.Source(copy) is { } copied)
            tasks = LinqShapes.Unwrap(copied);
        if (tasks is not IInvocationOperation { TargetMethod.Name: "Select" } select)
            return null;
        return LinqShapes.DelegateArgument(select) switch
        {
            IMethodReferenceOperation reference => reference.Method,
            IAnonymousFunctionOperation when OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(select), out _, out var returned) &&
                                             returned is not null && LinqShapes.TaskOf(returned) is IInvocationOperation call => call.TargetMethod,
            // In a control flow graph the lambda is only a reference to its own graph: its expression body's operation.
            IFlowAnonymousFunctionOperation { Syntax: AnonymousFunctionExpressionSyntax { ExpressionBody: { } body } } =>
                model?.GetOperation(body) is { } returned ? (LinqShapes.TaskOf(returned) as IInvocationOperation)?.TargetMethod : null,
            _ => null,
        };
    }

    /// <summary>The value a local is declared with (<c>var lookups = …;</c>), from the body's own operation tree. A later
    /// reassignment is not seen: a local of started lookups is written once.</summary>
    private static IOperation? InitialValue(ILocalSymbol local, SemanticModel? model)
    {
        if (model is null || local.DeclaringSyntaxReferences is not [var reference] || reference.SyntaxTree != model.SyntaxTree ||
            reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value })
            return null;
        return model.GetOperation(value) is { } operation ? LinqShapes.Unwrap(operation) : null;
    }

    /// <summary><c>Func&lt;Reader, Reader?&gt; pick = index.FindNearest</c>, <c>users.Select(index.FindNearest)</c>: a
    /// source's method group made a delegate. The delegate is not a profile; each call of it obtains one, and a
    /// <c>Select</c> over it yields them (<see cref="TaintKind.Delegate"/>).</summary>
    public static SubstituteOrigin? TryGetMethodGroup(IDelegateCreationOperation creation, SubstitutionSymbols symbols, SubstitutionOptions options)
    {
        if (LinqShapes.Unwrap(creation.Target) is not IMethodReferenceOperation { Method: { } method } ||
            symbols.AwaitedType(method.ReturnType) is not null ||
            !IsSource(method, method.ReturnType, symbols, options, out var persona, out var collection))
            return null;
        return new SubstituteOrigin(creation, persona, collection, "MethodGroup", creation.Syntax.GetLocation());
    }

    /// <summary>True for a member whose value is a substitute (the body it belongs to hands its substitute on to its
    /// callers, who become responsible for the check).</summary>
    public static bool IsSubstituteMember(ISymbol? member, SubstitutionSymbols symbols, SubstitutionOptions options)
    {
        switch (member)
        {
            case IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol property }:
                return IsSubstituteMember(property, symbols, options);
            case IMethodSymbol method:
            {
                var type = symbols.AwaitedType(method.ReturnType) ?? method.ReturnType;
                return IsSource(method, type, symbols, options, out _, out _);
            }
            case IPropertySymbol property:
                return IsSource(property, property.Type, symbols, options, out _, out _);
            default:
                return false;
        }
    }

    private static bool IsSource(ISymbol member, ITypeSymbol? type, SubstitutionSymbols symbols, SubstitutionOptions options,
        out INamedTypeSymbol? persona, out bool isCollection)
    {
        // Cheapest first: a cached name match or attribute lookup rules out almost every member.
        persona = null;
        isCollection = false;
        if (symbols.ReturnsEveryVerdict(member))
            return (persona = ProfileOf(type, symbols, out isCollection)) is not null;
        var attributed = symbols.IsSubstituteAttributed(member);
        if (!attributed && !options.NameMatches(member.Name) && !symbols.IsVectorSearch(member))
            return false;
        if (member is IMethodSymbol method && symbols.IsCheckMethod(method, options))
            return false;
        persona = ProfileOf(type, symbols, out isCollection);
        if (attributed)
            return type is null || type.SpecialType != SpecialType.System_Void;
        return persona is not null;
    }

    /// <summary>The persona type a value of <paramref name="type"/> carries: a profile, a collection of profiles, a tuple
    /// or a search hit holding one (<see cref="SubstitutionSymbols.HitPersona"/>), a collection of such, an async stream of
    /// profiles or hits; null for anything else.</summary>
    public static INamedTypeSymbol? ProfileOf(ITypeSymbol? type, SubstitutionSymbols symbols, out bool isCollection)
    {
        var persona = symbols.PersonaOf(type, out isCollection) ?? symbols.TupleElementPersona(type) ?? symbols.HitPersona(type);
        if (persona is null && type is not null && symbols.ElementType(type) is { } element)
        {
            // FindNearestNeighbours(user) returning (Reader Profile, double Similarity) pairs, or search hits.
            persona = symbols.TupleElementPersona(element) ?? symbols.HitPersona(element);
            isCollection = persona is not null;
        }
        if (persona is null && symbols.StreamedPersona(type) is { } streamed)
        {
            // await foreach (var neighbour in index.NeighboursAsync(user)): each element is a substitute.
            persona = streamed;
            isCollection = true;
        }
        return persona;
    }

    /// <summary>The task a blocking wait waits for — <c>task.Result</c>, <c>task.GetAwaiter().GetResult()</c> (also
    /// after <c>.ConfigureAwait(false)</c>) — the way synchronous code reads an async lookup; null for anything else.</summary>
    private static IOperation? WaitedFor(IOperation operation, SubstitutionSymbols symbols, SemanticModel? model)
    {
        var task = operation switch
        {
            IPropertyReferenceOperation { Property.Name: "Result", Instance: { } instance } => instance,
            IInvocationOperation { TargetMethod.Name: "GetResult", Arguments.Length: 0, Instance: IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } instance } } => instance,
            _ => null,
        };
        if (task is null)
            return null;
        task = LinqShapes.TaskOf(task);
        return symbols.AwaitedType(task.Type) is not null ? StartingCall(task, model) : null;
    }

    /// <summary>A name-matching method (<c>TryFindNearest(target, out var neighbour)</c>) or a
    /// <c>[ProfileSubstitute]</c> one that hands its substitute out through an <c>out</c> parameter of a persona
    /// type: the argument is where the substitute is obtained.</summary>
    public static SubstituteOrigin? TryGetOut(IArgumentOperation argument, SubstitutionSymbols symbols, SubstitutionOptions options)
    {
        if (argument.Parameter is not { RefKind: RefKind.Out } parameter || argument.Parent is not IInvocationOperation invocation)
            return null;
        var method = invocation.TargetMethod;
        if (!(options.NameMatches(method.Name) || symbols.IsSubstituteAttributed(method)) || symbols.IsCheckMethod(method, options))
            return null;
        var persona = symbols.PersonaOf(parameter.Type, out var collection);
        if (persona is null)
            return null;
        var value = LinqShapes.Written(argument.Value);
        return value is ILocalReferenceOperation
            ? new SubstituteOrigin(value, persona, collection, "OutArgument", argument.Syntax.GetLocation())
            : null;
    }

    /// <summary>A name-matching (or <c>[ProfileSubstitute]</c>) member that gives other users' ids, not their profiles:
    /// <c>FindSimilarUserIdsAsync(user)</c> returning strings or <c>Guid</c>s, one or a collection (awaited when a task);
    /// or a vector store's search over records that are not profiles, whose hits carry ids in their records' keys.
    /// A vector index often holds only the ids, and the profile is then loaded by one; the lookup that does so obtains
    /// the substitute (<c>SubstituteFlowGraph.DeriveLookup</c>). Numbers are not taken for ids: a name-matching count
    /// (<c>options.NeighbourCount</c>) handed to a query of profiles picks no one.</summary>
    /// <remarks>Asked by <see cref="TryGetDirect"/> once the member's name (or attribute, or a vector search) has passed.</remarks>
    /// <param name="member">The member <paramref name="operation"/> reads or calls (through an <c>await</c>).</param>
    private static SubstituteOrigin? KeysOf(IOperation operation, ISymbol member, SubstitutionSymbols symbols, SubstitutionOptions options, SemanticModel? model)
    {
        if (member is IFieldSymbol or IPropertySymbol { IsIndexer: true })
            return null;
        var awaited = operation is IAwaitOperation awaitOperation ? Awaited(awaitOperation, model) : null;
        // collection.SearchAsync(embedding, top: 5) over records that embed users, not profiles: each hit's record
        // carries the id it was stored under (its [VectorStoreKey]), and the profile is loaded by that.
        if (symbols.IsVectorSearch(member))
            return new SubstituteOrigin(operation, null, isCollection: true, "Keys", operation.Syntax.GetLocation()) { IsKey = true };
        if (member is IMethodSymbol method && symbols.IsCheckMethod(method, options) || IsAssignmentTarget(operation))
            return null;
        // A search of ids started and not waited for where it is called is tracked as its task, as a lookup of profiles
        // is (TaskOrigin): its await elsewhere obtains the ids.
        var started = awaited is null && symbols.AwaitedType(operation.Type) is { } result && !IsWaitedForInPlace(operation) ? result : null;
        var type = awaited is not null ? symbols.AwaitedType(awaited.Type) : started ?? (symbols.AwaitedType(operation.Type) is null ? operation.Type : null);
        if (type is null)
            return null;
        return IsKeys(type, symbols, out var isCollection)
            ? new SubstituteOrigin(operation, null, isCollection, "Keys", operation.Syntax.GetLocation()) { IsKey = true, IsTask = started is not null }
            : null;
    }

    /// <summary>An id (a string or a <c>Guid</c>) or a collection of them.</summary>
    public static bool IsKeys(ITypeSymbol? type, SubstitutionSymbols symbols, out bool isCollection)
    {
        isCollection = false;
        if (type is null)
            return false;
        if (IsKey(type))
            return true;
        // A score (double, int, decimal …) is no collection: with generic math each implements some thirty interfaces,
        // and a name-matching Similarity(…) is asked here at every call.
        if (type.SpecialType != SpecialType.None)
            return false;
        isCollection = symbols.ElementType(type) is { } element && IsKey(element);
        return isCollection;
    }

    private static bool IsKey(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String ||
        type is { Name: "Guid", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static ISymbol? Member(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };

    private static bool IsAssignmentTarget(IOperation operation) =>
        operation.Parent is IAssignmentOperation assignment && assignment.Target == operation;

    /// <summary>Where a <c>foreach</c> element origin is reported: the loop variable.</summary>
    public static Location ForEachLocation(IOperation operation)
    {
        return operation.Syntax.FirstAncestorOrSelf<CommonForEachStatementSyntax>() switch
        {
            ForEachStatementSyntax forEach => forEach.Identifier.GetLocation(),
            ForEachVariableStatementSyntax deconstructed => deconstructed.Variable.GetLocation(), // var (neighbour, similarity)
            _ => operation.Syntax.GetLocation(),
        };
    }
}
