using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA004: the result of a <c>[SimilarityBandCheck]</c> call is discarded, so the substitute it was
/// given stays unchecked. Checks that return nothing (they throw on an unsafe pair) and checks whose verdict goes to
/// an <c>out</c> variable that is read are not reported.</summary>
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
            // Per statement, not per invocation: a discarded result is a statement's own call (or its `_ =`, or its
            // await), and statements are a fraction of the calls, each of which the compiler would time separately.
            var generated = GeneratedCode.For(start.Compilation);
            // Asked once here: a statement then reads its file's options only where some file configures a check.
            var configured = SubstitutionOptions.AnyFileConfiguresCheckMethods(start.Compilation, start.Options);
            start.RegisterOperationAction(operation => Analyze(operation, symbols, generated, configured), OperationKind.ExpressionStatement);
        });
    }

    private static void Analyze(OperationAnalysisContext context, SubstitutionSymbols symbols, GeneratedCode generated, bool configuredChecks)
    {
        if (DiscardedCall((IExpressionStatementOperation)context.Operation, out var awaited, out var access) is not { } invocation)
            return;
        var method = invocation.TargetMethod;
        if (method.ReturnsVoid)
            return;
        if (awaited is not null && awaited.Type?.SpecialType == SpecialType.System_Void)
            return; // await EnsureSafeAsync(...): a Task without a result throws or completes
        var isCheck = symbols.IsAttributedCheck(method) ||
                      configuredChecks && SubstitutionSymbols.IsConfiguredCheck(method, SubstitutionOptions.For(context.Options, invocation.Syntax.SyntaxTree));
        if (!isCheck || generated.Contains(invocation.Syntax.SyntaxTree, context.ContainingSymbol, context.Options))
            return;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.RefKind == RefKind.Out && LinqShapes.Unwrap(argument.Value) is not IDiscardOperation && !IsNeverRead(argument.Value))
                return; // the verdict lives on in the out variable
        }

        INamedTypeSymbol? persona = null;
        foreach (var argument in invocation.Arguments)
        {
            persona ??= symbols.PersonaOf(argument.Value.Type, out _);
        }
        var properties = SubstitutionDiagnostics.PersonaProperties(persona);
        properties[SubstitutionProperties.CheckMethod] = method.Name;
        var reported = awaited ?? access ?? invocation;
        context.ReportDiagnostic(Diagnostic.Create(SubstitutionDescriptors.DiscardedCheck, reported.Syntax.GetLocation(),
            properties.ToImmutable(), method.ContainingType.Name + "." + method.Name));
    }

    /// <summary><c>TrySubstitute(user, twin, out var verdict);</c> with <c>verdict</c> read nowhere in the body: the
    /// verdict is thrown away as surely as with <c>out _</c>.</summary>
    private static bool IsNeverRead(IOperation outValue)
    {
        if (LinqShapes.Written(outValue) is not ILocalReferenceOperation { IsDeclaration: true } declared)
            return false; // an existing variable, a field or a parameter: it may be read elsewhere
        // Overwritten before any read (verdict = default;) is discarded as well.
        using var reads = OperationBlocks.ReadsOf(OperationBlocks.Root(declared), declared.Local).GetEnumerator();
        return !reads.MoveNext();
    }

    /// <summary>The call whose result the statement throws away: <c>Check(…);</c>, <c>_ = Check(…);</c>,
    /// <c>await CheckAsync(…);</c> or <c>_ = await CheckAsync(…);</c>, with or without <c>ConfigureAwait</c> (through
    /// conversions and parentheses).</summary>
    private static IInvocationOperation? DiscardedCall(IExpressionStatementOperation statement, out IAwaitOperation? awaited, out IOperation? access)
    {
        awaited = null;
        access = null;
        var discarded = statement.Operation is ISimpleAssignmentOperation { Target: IDiscardOperation } discard;
        var value = LinqShapes.Unwrap(discarded ? ((ISimpleAssignmentOperation)statement.Operation).Value : statement.Operation);
        // _ = Guard.Assess(user, twin).IsSafe;: the verdict read, and thrown away.
        if (discarded && value is IPropertyReferenceOperation { Instance: { } verdict })
            value = LinqShapes.Unwrap(verdict);
        value = WhenNotNull(value, ref access);
        if (value is IAwaitOperation awaitOperation)
        {
            awaited = awaitOperation;
            value = WhenNotNull(LinqShapes.TaskOf(awaitOperation.Operation), ref access);
        }
        return value is IInvocationOperation run && LinqShapes.IsTaskMethod(run.TargetMethod, "Run") ? RunOnThePool(run) : value as IInvocationOperation;
    }

    /// <summary><c>_vetter?.Assess(user, twin);</c> (<c>a?.b?.Check(…)</c>): the call made when the receiver is there;
    /// <paramref name="outermost"/> is the whole access, which the report shows.</summary>
    private static IOperation? WhenNotNull(IOperation? value, ref IOperation? outermost)
    {
        while (value is IConditionalAccessOperation access)
        {
            outermost ??= access;
            value = LinqShapes.Unwrap(access.WhenNotNull);
        }
        return value;
    }

    /// <summary><c>await Task.Run(() =&gt; Guard.Assess(user, twin));</c> (or <c>…IsSafe</c>): the check's verdict is the
    /// task's result, thrown away with it. Only a lambda whose expression is the call.</summary>
    private static IInvocationOperation? RunOnThePool(IInvocationOperation run)
    {
        if (!OperationBlocks.TryGetLambda(OperationBlocks.LambdaArgument(run), out var lambda, out var returned) ||
            lambda.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax { ExpressionBody: not null })
            return null;
        var value = LinqShapes.Unwrap(returned!);
        if (value is IPropertyReferenceOperation { Instance: { } verdict })
            value = LinqShapes.Unwrap(verdict);
        return value as IInvocationOperation;
    }
}
