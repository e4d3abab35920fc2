using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>Helpers over an operation block's tree for the rules that read it directly (PERSONA002/003, and PERSONA001's
/// questions about a lambda's or a local's references).</summary>
internal static class OperationBlocks
{
    /// <summary>The context's executable blocks (bodies, initializers), each once, as the root of its operation tree.
    /// A method's block comes as the body inside its <c>IMethodBodyOperation</c>: the root is what is walked and what
    /// the kind is judged by; <see cref="ExecutableBlock.Block"/> is what a control flow graph must be asked for.
    /// Almost every context has one block, so duplicates are found by a scan, not a set.</summary>
    public static List<ExecutableBlock> Executable(OperationBlockAnalysisContext context)
    {
        var blocks = new List<ExecutableBlock>(context.OperationBlocks.Length);
        foreach (var block in context.OperationBlocks)
        {
            var root = Root(block);
            if (root.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block or OperationKind.FieldInitializer or
                    OperationKind.PropertyInitializer or OperationKind.ParameterInitializer && !blocks.Exists(b => b.Root == root))
                blocks.Add(new ExecutableBlock(block, root));
        }
        return blocks;
    }

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
        foreach (var operation in anonymous.Body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } result } && EnclosingLambda(operation) == anonymous)
                returned = result;
        }
        return returned is not null;
    }

    private static IAnonymousFunctionOperation? EnclosingLambda(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
                return lambda;
        }
        return null;
    }

    /// <summary>The first delegate-typed argument.</summary>
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

/// <summary>An operation block the analysis context gave, and the root of its tree.</summary>
internal readonly struct ExecutableBlock
{
    public ExecutableBlock(IOperation block, IOperation root)
    {
        Block = block;
        Root = root;
    }

    public IOperation Block { get; }

    public IOperation Root { get; }
}
