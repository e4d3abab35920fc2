using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>Helpers over an operation block's tree for the rules that read it directly (PERSONA002/003, and PERSONA001's
/// questions about a lambda's or a local's references).</summary>
internal static class OperationBlocks
{
    /// <summary>The roots of the context's executable code (member bodies, initializers) that hold a block passing
    /// <paramref name="mayHold"/>, each once: a constructor's <c>: base(…)</c> call and its body are two blocks of one
    /// root, and a method's body sits inside its <c>IMethodBodyOperation</c>. The root is what is walked, what the kind
    /// is judged by and what a control flow graph is built for. Null when no block passes — most blocks of the files a
    /// rule's file gate lets through, so that answer allocates nothing. Almost every context has one root, so duplicates
    /// are found by a scan, not a set.</summary>
    /// <remarks>The gate is asked of each block with its root. A name the code must spell to reach what a rule looks
    /// for (a substitute source, a check method) lies in a block: every operation under a root but the root itself
    /// does, and a block's span leaves out the member's signature — a method named <c>Classify</c> spells a check's
    /// name there, and would otherwise let its body through a name gate. A score can be named by the signature alone
    /// (a parameter's tuple element <c>Distance</c>, deconstructed in the body): those rules ask of the root.</remarks>
    public static List<IOperation>? Executable<TState>(OperationBlockAnalysisContext context, TState state, Func<IOperation, IOperation, TState, bool> mayHold)
    {
        List<IOperation>? roots = null;
        foreach (var block in context.OperationBlocks)
        {
            var root = Root(block);
            if (!mayHold(block, root, state))
                continue;
            if (root.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block or OperationKind.FieldInitializer or
                    OperationKind.PropertyInitializer or OperationKind.ParameterInitializer && (roots is null || !roots.Contains(root)))
                (roots ??= new List<IOperation>(1)).Add(root);
        }
        return roots;
    }

    /// <summary>The control flow graph of an executable root; null for a root no graph is built for (none that
    /// <see cref="Executable"/> returns).</summary>
    /// <remarks>Built here rather than through <see cref="OperationBlockAnalysisContext.GetControlFlowGraph"/>: the
    /// context keeps its graphs in a map keyed by the block, and hashing a fresh operation object takes the runtime's
    /// slow identity-hash path — about 2 ms per round of the 1,000-file benchmark in a sampling profile, for a cache
    /// no other rule of this package reads (docs/performance.md, tenth round).</remarks>
    public static ControlFlowGraph? Graph(IOperation root, CancellationToken cancellation) => root switch
    {
        IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellation),
        IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellation),
        IBlockOperation block => ControlFlowGraph.Create(block, cancellation),
        IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellation),
        IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellation),
        IParameterInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellation),
        _ => null,
    };

    /// <summary>The root of the operation tree <paramref name="operation"/> belongs to: the member body (or initializer),
    /// across lambdas and local functions.</summary>
    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
            operation = operation.Parent;
        return operation;
    }

    /// <summary>Whether <paramref name="operation"/> refers, anywhere inside it, to <paramref name="variable"/> (a local or
    /// a parameter).</summary>
    public static bool Mentions(IOperation operation, ISymbol variable)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant.Kind is OperationKind.LocalReference or OperationKind.ParameterReference &&
                SymbolEqualityComparer.Default.Equals(ScoredProfiles.SymbolOf(descendant), variable))
                return true;
        }
        return false;
    }

    /// <summary>Every place under <paramref name="root"/> that reads <paramref name="local"/>: not its declaration, not
    /// the target a simple assignment writes (a compound one, <c>ok &amp;= …</c>, reads it too).</summary>
    public static IEnumerable<ILocalReferenceOperation> ReadsOf(IOperation root, ILocalSymbol local)
    {
        foreach (var operation in root.Descendants())
        {
            if (operation is ILocalReferenceOperation { IsDeclaration: false } reference &&
                SymbolEqualityComparer.Default.Equals(reference.Local, local) &&
                !(reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference))
                yield return reference;
        }
    }

    /// <summary>The value a lambda (or a method group's lambda form) returns: the expression of an expression-bodied
    /// lambda, the last <c>return</c> of a block-bodied one.</summary>
    public static bool TryGetLambda(IOperation? argument, out IAnonymousFunctionOperation lambda, out IOperation? returned)
    {
        returned = null;
        lambda = null!;
        if (argument is null)
            return false;
        var value = LinqShapes.Unwrap(argument is IArgumentOperation a ? a.Value : argument);
        if (value is IDelegateCreationOperation creation)
            value = creation.Target;
        if (value is not IAnonymousFunctionOperation anonymous)
            return false;
        lambda = anonymous;
        returned = ReturnedBy(anonymous, anonymous.Body);
        return returned is not null;
    }

    /// <summary>The lambda a delegate local was initialized with (<c>Func&lt;Reader, double&gt; byScore = c =&gt; …;</c>),
    /// when <paramref name="value"/> reads that local and nothing under <paramref name="root"/> writes it again.</summary>
    public static IAnonymousFunctionOperation? LambdaInLocal(IOperation root, IOperation value)
    {
        if (LinqShapes.Unwrap(value) is not ILocalReferenceOperation { Local: var local })
            return null;
        IAnonymousFunctionOperation? lambda = null;
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (!TryGetLambda(declarator.Initializer?.Value, out lambda, out _))
                        return null;
                    break;
                case ILocalReferenceOperation { IsDeclaration: false } written when SymbolEqualityComparer.Default.Equals(written.Local, local) &&
                                                                                 LinqShapes.Parent(written, out var child) is IAssignmentOperation assignment &&
                                                                                 assignment.Target == child:
                    return null; // byScore = other; byScore += …
            }
        }
        return lambda;
    }

    /// <summary>A method group's function and the value it returns: a local function of <paramref name="root"/>, or a
    /// method declared in the same file (its body read through the same semantic model). False for a method declared
    /// elsewhere, whose body this block cannot see.</summary>
    public static bool TryGetNamedFunction(IOperation root, IMethodSymbol method, out IOperation body, out IOperation? returned)
    {
        body = null!;
        returned = null;
        method = method.OriginalDefinition;
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            foreach (var operation in root.Descendants())
            {
                if (operation is ILocalFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, method))
                {
                    if (function.Body is null)
                        return false;
                    body = function.Body;
                    return (returned = ReturnedBy(function, body)) is not null;
                }
            }
            return false;
        }
        if (method.MethodKind != MethodKind.Ordinary || method.DeclaringSyntaxReferences is not [var declaration] ||
            declaration.SyntaxTree != root.Syntax.SyntaxTree || root.SemanticModel is not { } model)
            return false;
        if (model.GetOperation(declaration.GetSyntax()) is not IMethodBodyOperation methodBody || (methodBody.BlockBody ?? methodBody.ExpressionBody) is not { } block)
            return false;
        body = block;
        return (returned = ReturnedBy(methodBody, block)) is not null;
    }

    /// <summary>The last value <paramref name="function"/> itself returns from <paramref name="body"/>: not a value a
    /// lambda or local function inside it returns.</summary>
    private static IOperation? ReturnedBy(IOperation function, IOperation body)
    {
        IOperation? returned = null;
        foreach (var operation in body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } result } && EnclosingFunction(operation, function) == function)
                returned = result;
        }
        return returned;
    }

    private static IOperation EnclosingFunction(IOperation operation, IOperation outermost)
    {
        for (var current = operation.Parent; current is not null && current != outermost; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                return current;
        }
        return outermost;
    }

    public static IArgumentOperation? LambdaArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            var value = LinqShapes.Unwrap(argument.Value);
            if (value is IDelegateCreationOperation or IAnonymousFunctionOperation)
                return argument;
        }
        return null;
    }

    public static bool IsConstant(IOperation operation, int value) =>
        operation.ConstantValue is { HasValue: true, Value: int constant } && constant == value;
}
