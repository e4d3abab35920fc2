using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>The rules register code-block (syntax) actions and build operation trees only for the bodies that pass
/// <see cref="SubstitutionNames"/>: an operation-block action would make the compiler build an operation tree for
/// every body of the project.</summary>
internal static class CodeBlocks
{
    /// <summary>The executable root operation of a code block (a method, accessor, constructor, lambda-free
    /// initializer or the top-level statements), or null.</summary>
    public static IOperation? Root(CodeBlockAnalysisContext context)
    {
        var operation = context.SemanticModel.GetOperation(context.CodeBlock, context.CancellationToken) ?? (context.CodeBlock switch
        {
            // Declarations whose code is a child clause: `P => expr;`, `int x = expr;`, `P { get; } = expr;`, `int p = 1`.
            PropertyDeclarationSyntax { ExpressionBody: { } body } => context.SemanticModel.GetOperation(body, context.CancellationToken),
            PropertyDeclarationSyntax { Initializer: { } initializer } => context.SemanticModel.GetOperation(initializer, context.CancellationToken),
            VariableDeclaratorSyntax { Initializer: { } initializer } => context.SemanticModel.GetOperation(initializer, context.CancellationToken),
            ParameterSyntax { Default: { } value } => context.SemanticModel.GetOperation(value, context.CancellationToken),
            _ => null,
        });
        if (operation is null)
            return null;
        while (operation.Parent is not null)
            operation = operation.Parent;
        return operation.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block or
            OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer
            ? operation
            : null;
    }

    public static ControlFlowGraph? Graph(IOperation root, System.Threading.CancellationToken cancellation) => root switch
    {
        IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellation),
        IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellation),
        IBlockOperation body => ControlFlowGraph.Create(body, cancellation),
        IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellation),
        IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellation),
        IParameterInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellation),
        _ => null,
    };
}
