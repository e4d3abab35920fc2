using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>What collection operators do to a collection of substitutes: pass it on (still substitutes), take one
/// element (a substitute), or only observe it (count, emptiness).</summary>
internal static class LinqShapes
{
    private static readonly HashSet<string> ElementSelectors = new()
    {
        "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "ElementAt", "ElementAtOrDefault",
        "MaxBy", "MinBy", "Find", "FindLast", "Peek", "Pop", "Dequeue",
    };

    private static readonly HashSet<string> PassThrough = new()
    {
        "Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Take", "Skip", "TakeWhile", "SkipWhile",
        "TakeLast", "SkipLast", "ToList", "ToArray", "ToHashSet", "AsEnumerable", "AsReadOnly", "Distinct", "DistinctBy",
        "Reverse", "Concat", "Union", "UnionBy", "Except", "ExceptBy", "Intersect", "IntersectBy", "Append", "Prepend", "Cast",
        "OfType", "DefaultIfEmpty", "FindAll",
        "ToImmutableArray", "ToImmutableList", "AsParallel", "AsQueryable", "Order", "OrderDescending",
        "ConfigureAwait", "WithCancellation", // an async stream, configured for await foreach
    };

    /// <summary>Async LINQ over a stream (<c>System.Linq.AsyncEnumerable</c>, System.Linq.Async): awaited, they give what
    /// <c>ToList</c> and <c>First</c> give — <c>await store.SearchAsync(v, 5).ToListAsync()</c> is the stream's hits.</summary>
    private static readonly HashSet<string> AwaitedPassThrough = new()
    {
        "ToListAsync", "ToArrayAsync", "ToHashSetAsync",
    };

    private static readonly HashSet<string> AwaitedElementSelectors = new()
    {
        "FirstAsync", "FirstOrDefaultAsync", "SingleAsync", "SingleOrDefaultAsync", "LastAsync", "LastOrDefaultAsync",
        "ElementAtAsync", "ElementAtOrDefaultAsync", "MaxByAsync", "MinByAsync",
    };

    /// <summary>Take an element out through an <c>out</c> argument: <c>queue.TryDequeue(out var next)</c>.</summary>
    private static readonly HashSet<string> OutSelectors = new()
    {
        "TryDequeue", "TryPop", "TryPeek", "TryTake",
    };

    private static readonly HashSet<string> Observers = new()
    {
        "Count", "LongCount", "Any", "All", "Contains", "Length", "IsEmpty", "Exists", "TrueForAll", "IndexOf",
        "GetEnumerator", "MoveNext", "Dispose", "GetAsyncEnumerator", "MoveNextAsync", "DisposeAsync", "Equals", "GetHashCode", "GetType", "ReferenceEquals",
        "CountAsync", "LongCountAsync", "AnyAsync", "AllAsync", "ContainsAsync",
    };

    /// <summary>Change which profiles a collection holds, or their order, in place: nothing is read out of it (what
    /// is read later is judged there).</summary>
    private static readonly HashSet<string> InPlace = new()
    {
        "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "RemoveWhere", "Clear", "Sort", "TrimExcess",
    };

    private static readonly HashSet<string> Adders = new()
    {
        "Add", "AddRange", "Insert", "InsertRange", "Push", "Enqueue", "TryAdd", "AddOrUpdate", "GetOrAdd",
    };

    public static bool IsElementSelector(string name) => ElementSelectors.Contains(name);

    public static bool IsPassThrough(string name) => PassThrough.Contains(name);

    public static bool IsAwaitedPassThrough(string name) => AwaitedPassThrough.Contains(name);

    public static bool IsAwaitedElementSelector(string name) => AwaitedElementSelectors.Contains(name);

    public static bool IsObserver(string name) => Observers.Contains(name);

    public static bool IsOutSelector(string name) => OutSelectors.Contains(name);

    public static bool IsAdder(string name) => Adders.Contains(name);

    public static bool IsInPlace(string name) => InPlace.Contains(name);

    /// <summary><c>Select(n =&gt; n)</c>, and the <c>select n</c> a query expression ends with: the elements pass
    /// through unchanged.</summary>
    public static bool IsIdentitySelect(IInvocationOperation invocation) =>
        Selected(invocation, out var element, out _) is IdentifierNameSyntax name && name.Identifier.ValueText == element!.Name;

    /// <summary><c>Select(hit =&gt; hit.Author)</c> over (profile, score) pairs or scored records: the profile each
    /// element carries, so the substitutes pass through.</summary>
    public static bool IsProfileSelect(IInvocationOperation invocation, SubstitutionSymbols symbols) =>
        Selected(invocation, out var element, out var selector) is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax name } &&
        name.Identifier.ValueText == element!.Name && symbols.IsPersonaType(selector!.ReturnType) && !symbols.IsPersonaType(element.Type);

    /// <summary><c>Select(t =&gt; t.Candidate)</c> over scored pairs, or a query's <c>select c</c> after <c>let sim = …</c>
    /// (whose pairs are an anonymous type): each element's own profile, in the same order — judged on operations, as a
    /// query's selector names the range variable, not a member.</summary>
    public static bool SelectsElementProfile(IInvocationOperation select, SubstitutionSymbols symbols) =>
        select.TargetMethod.Name == "Select" &&
        OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(select), out var lambda, out var returned) && lambda.Symbol.Parameters.Length == 1 &&
        Unwrap(returned!) is IMemberReferenceOperation { Instance: IParameterReferenceOperation element } member &&
        SymbolEqualityComparer.Default.Equals(element.Parameter, lambda.Symbol.Parameters[0]) && symbols.IsPersonaType(member.Type);

    /// <summary>The expression a one-parameter <c>Select</c> selector returns (a lambda's expression body, a query's
    /// clause), without parentheses.</summary>
    private static ExpressionSyntax? Selected(IInvocationOperation invocation, out IParameterSymbol? element, out IMethodSymbol? selector)
    {
        element = null;
        selector = null;
        if (invocation.TargetMethod.Name != "Select")
            return null;
        SyntaxNode? syntax;
        (selector, syntax) = DelegateArgument(invocation) switch
        {
            IFlowAnonymousFunctionOperation flow => (flow.Symbol, flow.Syntax),
            IAnonymousFunctionOperation lambda => (lambda.Symbol, lambda.Syntax),
            _ => ((IMethodSymbol?)null, (SyntaxNode?)null),
        };
        if (selector is not { Parameters: [var parameter] })
            return null;
        element = parameter;
        // A query's selector has the clause's expression for its syntax, a lambda its expression body.
        var returned = syntax is AnonymousFunctionExpressionSyntax { ExpressionBody: { } body } ? body : syntax as ExpressionSyntax;
        return returned is null ? null : (ExpressionSyntax)Unparenthesized(returned);
    }

    /// <summary>The expression inside any number of parentheses.</summary>
    public static SyntaxNode Unparenthesized(SyntaxNode node)
    {
        while (node is ParenthesizedExpressionSyntax parenthesized)
            node = parenthesized.Expression;
        return node;
    }

    /// <summary>The collection an element is read from: <c>pool[i]</c>, <c>ids[^1]</c>, an array's element,
    /// <c>ids.First()</c> (and the other element selectors, without a predicate); null for anything else.</summary>
    public static IOperation? ElementCollection(IOperation read) => read switch
    {
        IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Instance,
        IArrayElementReferenceOperation element => element.ArrayReference,
        IImplicitIndexerReferenceOperation implicitIndexer => implicitIndexer.Instance,
        IInvocationOperation call when IsElementSelector(call.TargetMethod.Name) && DelegateArgument(call) is null => Source(call),
        _ => null,
    };

    /// <summary>The collection an operator runs over: the instance, or the <c>this</c> argument of an extension
    /// method.</summary>
    public static IOperation? Source(IInvocationOperation invocation)
    {
        if (invocation.Instance is not null)
            return invocation.Instance;
        var method = invocation.TargetMethod;
        if ((method.IsExtensionMethod || IsSpanView(method)) && invocation.Arguments.Length > 0)
            return invocation.Arguments[0].Value;
        return null;
    }

    /// <summary><c>lookalikes.Chunk(100)</c>, <c>arr.AsSpan(0, k)</c>, <c>span.Slice(1)</c>: the same elements in another
    /// shape — batches of them, or a view of them — tracked as the collection itself.</summary>
    public static bool ReshapesElements(IMethodSymbol method) => method.Name is "Chunk" or "Slice" || IsSpanView(method);

    /// <summary><c>a.Concat(b)</c>, <c>Union</c>, <c>UnionBy</c>: a sequence that holds the elements of both.</summary>
    public static bool IsMerge(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: "Concat" or "Union" or "UnionBy", IsExtensionMethod: true };

    /// <summary><c>array.AsSpan(…)</c>, <c>AsMemory(…)</c>, <c>CollectionsMarshal.AsSpan(list)</c>: a view of the same
    /// elements, as a span converted from the array is.</summary>
    public static bool IsSpanView(IMethodSymbol method) =>
        method.Name is "AsSpan" or "AsMemory" && method.IsStatic &&
        method.ContainingType is { Name: "MemoryExtensions" or "CollectionsMarshal", ContainingNamespace: { } space } &&
        space.ToDisplayString() is "System" or "System.Runtime.InteropServices";

    /// <summary><c>first.Zip(second)</c> (or three sequences) without a result selector: its value pairs the
    /// sequences' elements in tuples, each sequence at its argument's position.</summary>
    public static bool IsTupleZip(IInvocationOperation invocation) =>
        invocation.TargetMethod is { Name: "Zip", IsExtensionMethod: true } && invocation.Type is not null && DelegateArgument(invocation) is null;

    /// <summary>The first lambda (or method group) argument's target, if any.</summary>
    public static IOperation? DelegateArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (Unwrap(argument.Value) is IDelegateCreationOperation creation)
                return creation.Target;
            if (Unwrap(argument.Value) is IAnonymousFunctionOperation lambda)
                return lambda;
            // IQueryable's operators take the lambda as an expression tree: the graph holds it converted, not made a delegate.
            if (Unwrap(argument.Value) is IFlowAnonymousFunctionOperation quoted)
                return quoted;
        }
        return null;
    }

    /// <summary>The argument given for the parameter named <paramref name="parameter"/> (<c>keySelector</c>,
    /// <c>elementSelector</c>), wherever it is written; null when there is none.</summary>
    public static IArgumentOperation? ArgumentFor(IInvocationOperation invocation, string parameter)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameter)
                return argument;
        }
        return null;
    }

    /// <summary>The lambda a graph's argument gives: made a delegate, or (to an <c>IQueryable</c> operator) an expression
    /// tree; null for anything else.</summary>
    public static IFlowAnonymousFunctionOperation? FlowLambda(IOperation argument) => Unwrap(argument) switch
    {
        IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation lambda } => lambda,
        IFlowAnonymousFunctionOperation quoted => quoted,
        _ => null,
    };

    /// <summary>A method of <c>System.Threading.Tasks.Task</c> itself: <c>Task.Run</c>, <c>Task.WhenAll</c>.</summary>
    public static bool IsTaskMethod(IMethodSymbol method, string name) =>
        method.Name == name && method.ContainingType is { Name: "Task", ContainingNamespace: { Name: "Tasks", ContainingNamespace.Name: "Threading" } };

    /// <summary>The task behind an awaited or waited-for expression: through conversions, parentheses,
    /// <c>.ConfigureAwait(…)</c>, which library code puts on every await, a <c>ValueTask</c>'s <c>.AsTask()</c>
    /// (<c>lookup.AsTask().Result</c>, <c>Task.WhenAll</c> over value tasks), and <c>.WaitAsync(timeout)</c>, which gives
    /// the same result or throws.</summary>
    public static IOperation TaskOf(IOperation awaited)
    {
        var task = Unwrap(awaited);
        while (task is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "AsTask" or "WaitAsync", Instance: { } inner })
            task = Unwrap(inner);
        return task;
    }

    public static IOperation Unwrap(IOperation operation)
    {
        // By kind: every pass of every rule unwraps, and most operations are none of these, which one kind read says
        // where three interface tests would each look the type up.
        while (true)
        {
            switch (operation.Kind)
            {
                case OperationKind.Conversion:
                    operation = ((IConversionOperation)operation).Operand;
                    continue;
                case OperationKind.Parenthesized:
                    operation = ((IParenthesizedOperation)operation).Operand;
                    continue;
                case OperationKind.TranslatedQuery:
                    operation = ((ITranslatedQueryOperation)operation).Operation;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>What an <c>out</c> argument or a deconstruction writes to: <c>out var twin</c> and <c>var (a, b)</c> are
    /// declaration expressions around the local (or the tuple of locals) itself.</summary>
    public static IOperation Written(IOperation target)
    {
        var value = Unwrap(target);
        return value is IDeclarationExpressionOperation declaration ? Unwrap(declaration.Expression) : value;
    }

    /// <summary>The variable a declaration or recursive pattern declares (<c>is Reader r</c>, <c>is { } twin</c>); null for
    /// any other operation.</summary>
    public static ISymbol? DeclaredBy(IOperation pattern) => pattern switch
    {
        IDeclarationPatternOperation declaration => declaration.DeclaredSymbol,
        IRecursivePatternOperation recursive => recursive.DeclaredSymbol,
        _ => null,
    };

    /// <summary>The parent, skipping conversions and parentheses; <paramref name="child"/> becomes the operand
    /// directly below it.</summary>
    public static IOperation? Parent(IOperation operation, out IOperation child)
    {
        child = operation;
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            child = parent;
            parent = parent.Parent;
        }
        return parent;
    }

    /// <summary>The position of an anonymous type's property among its properties (<c>Twin</c> of <c>new { User = u, Twin
    /// = … }</c> is 1).</summary>
    public static int AnonymousIndex(IPropertySymbol property)
    {
        var position = 0;
        foreach (var member in property.ContainingType.GetMembers())
        {
            if (member is not IPropertySymbol other)
                continue;
            if (SymbolEqualityComparer.Default.Equals(other, property))
                return position;
            position++;
        }
        return -1;
    }

    /// <summary>The position of a tuple's element field (<c>Twin</c> of <c>(Reader User, Reader Twin)</c> is 1, as is
    /// <c>Item2</c>: a named element's field corresponds to the default one); -1 for any other member.</summary>
    public static int TupleIndex(ISymbol member)
    {
        if (member is not IFieldSymbol field || field.ContainingType is not { IsTupleType: true })
            return -1;
        var name = (field.CorrespondingTupleField ?? field).Name;
        return name.StartsWith("Item", System.StringComparison.Ordinal) &&
               int.TryParse(name.Substring(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
            ? position - 1
            : -1;
    }

    /// <summary>A number, or a nullable one: a vector store's hit has a <c>double? Score</c>.</summary>
    public static bool IsNumeric(ITypeSymbol? type) =>
        (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: [var inner] } ? inner : type)?.SpecialType is
        SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal or SpecialType.System_Int32 or SpecialType.System_Int64;
}
