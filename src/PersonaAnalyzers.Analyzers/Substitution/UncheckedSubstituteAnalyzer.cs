using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PersonaAnalyzers.Substitution;

/// <summary>PERSONA001: a substitute used without a similarity-band check on every path.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UncheckedSubstituteAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(SubstitutionDescriptors.UncheckedSubstitute);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = SubstitutionSymbols.TryCreate(start.Compilation);
            if (symbols is null)
                return;
            var names = new SubstitutionNames(start.Compilation, symbols);
            start.RegisterCodeBlockAction(block => Analyze(block, symbols, names));
        });
    }

    private static void Analyze(CodeBlockAnalysisContext context, SubstitutionSymbols symbols, SubstitutionNames names)
    {
        var options = SubstitutionOptions.For(context.Options, context.CodeBlock.SyntaxTree);
        if (!names.MayObtainSubstitute(context.CodeBlock, options) && !HasSubstituteDelegateParameter(context.OwningSymbol, symbols))
            return;
        var root = CodeBlocks.Root(context);
        if (root is null)
            return;
        // Building a control flow graph costs far more than this walk; most bodies that pass the name gate still
        // obtain no substitute.
        var sites = FindSites(root, symbols, options);
        if (sites.IsEmpty)
            return;
        var graph = CodeBlocks.Graph(root, context.CancellationToken);
        if (graph is null)
            return;
        var handedOn = SubstituteSources.IsSubstituteMember(context.OwningSymbol, symbols, options);
        new SubstituteFlowGraph(graph, symbols, options, handedOn, seeds: null, sites, context.CancellationToken).Report(context.ReportDiagnostic);
    }

    /// <summary>A parameter of a <c>[ProfileSubstitute]</c> delegate type is invoked by the parameter's name.</summary>
    private static bool HasSubstituteDelegateParameter(ISymbol owner, SubstitutionSymbols symbols)
    {
        if (owner is not IMethodSymbol method)
            return false;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke } && symbols.IsSubstituteAttributed(invoke))
                return true;
        }
        return false;
    }

    private static SourceSites FindSites(IOperation block, SubstitutionSymbols symbols, SubstitutionOptions options)
    {
        var sites = new SourceSites();
        foreach (var operation in block.DescendantsAndSelf())
        {
            if (operation.Kind is OperationKind.Invocation or OperationKind.PropertyReference or OperationKind.FieldReference or OperationKind.Await &&
                SubstituteSources.TryGetDirect(operation, symbols, options) is not null)
                sites.Add(operation.Syntax.Span);
        }
        return sites;
    }
}
