using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA004: the result of a <c>[SimilarityBandCheck]</c> call is discarded, so the substitute it was
/// given stays unchecked. Checks that return nothing (they throw on an unsafe pair) and checks whose verdict goes to
/// an <c>out</c> variable are not reported.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DiscardedCheckAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(SubstitutionDescriptors.DiscardedCheck);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags); // skipped below: see GeneratedCode
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = SubstitutionSymbols.For(start.Compilation);
            if (symbols is null)
                return;
            start.RegisterOperationAction(operation => Analyze(operation, symbols), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, SubstitutionSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.ReturnsVoid || !IsDiscarded(invocation, out var awaited))
            return;
        if (awaited is not null && awaited.Type?.SpecialType == SpecialType.System_Void)
            return; // await EnsureSafeAsync(...): a Task without a result throws or completes
        var options = SubstitutionOptions.For(context.Options, invocation.Syntax.SyntaxTree);
        if (!symbols.IsCheckMethod(method, options) || GeneratedCode.Contains(invocation.Syntax.SyntaxTree, context.ContainingSymbol, context.Options))
            return;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.RefKind == RefKind.Out && LinqShapes.Unwrap(argument.Value) is not IDiscardOperation)
                return; // the verdict lives on in the out variable
        }

        INamedTypeSymbol? persona = null;
        foreach (var argument in invocation.Arguments)
        {
            persona ??= symbols.PersonaOf(argument.Value.Type, out _);
        }
        var properties = SubstitutionDiagnostics.PersonaProperties(persona);
        properties[SubstitutionProperties.CheckMethod] = method.Name;
        var reported = (IOperation?)awaited ?? invocation;
        context.ReportDiagnostic(Diagnostic.Create(SubstitutionDescriptors.DiscardedCheck, reported.Syntax.GetLocation(),
            properties.ToImmutable(), method.ContainingType.Name + "." + method.Name));
    }

    private static bool IsDiscarded(IInvocationOperation invocation, out IAwaitOperation? awaited)
    {
        awaited = null;
        IOperation current = invocation;
        var parent = LinqShapes.Parent(current, out _);
        if (parent is IAwaitOperation awaitOperation)
        {
            awaited = awaitOperation;
            current = awaitOperation;
            parent = LinqShapes.Parent(current, out _);
        }
        if (parent is IExpressionStatementOperation)
            return true;
        return parent is ISimpleAssignmentOperation { Target: IDiscardOperation } discard && discard.Parent is IExpressionStatementOperation;
    }
}
