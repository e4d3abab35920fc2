using System;
using System.Collections.Generic;
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
            var names = new Lazy<SubstituteNames>(() => SubstituteNames.Collect(start.Compilation, symbols, start.CancellationToken));
            start.RegisterOperationBlockAction(block => Analyze(block, symbols, names.Value));
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, SubstitutionSymbols symbols, SubstituteNames names)
    {
        var seen = new HashSet<IOperation>();
        foreach (var operationBlock in context.OperationBlocks)
        {
            // A method's block comes as the body inside its IMethodBodyOperation: ask for the graph of the block the
            // context gave, judge its kind by the root.
            var root = operationBlock;
            while (root.Parent is not null)
                root = root.Parent;
            if (!IsGraphRoot(root) || !seen.Add(root))
                continue;
            var block = operationBlock;
            var options = SubstitutionOptions.For(context.Options, block.Syntax.SyntaxTree);
            // Most bodies name no substitute source at all: a token scan rules them out before any operation walk.
            if (!names.MayObtain(block.Syntax, options))
                continue;
            // Building a control flow graph costs far more than this walk; most bodies obtain no substitute.
            var sites = FindSites(block, symbols, options);
            if (sites.IsEmpty)
                continue;
            var graph = context.GetControlFlowGraph(block);
            var handedOn = SubstituteSources.IsSubstituteMember(context.OwningSymbol, symbols, options);
            new SubstituteFlowGraph(graph, symbols, options, handedOn, seeds: null, sites, context.CancellationToken).Report(context.ReportDiagnostic);
        }
    }

    private static bool IsGraphRoot(IOperation block) => block.Kind is
        OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block or OperationKind.FieldInitializer or
        OperationKind.PropertyInitializer or OperationKind.ParameterInitializer;

    private static SourceSites FindSites(IOperation block, SubstitutionSymbols symbols, SubstitutionOptions options)
    {
        var sites = new SourceSites();
        foreach (var operation in block.DescendantsAndSelf())
        {
            if (operation.Kind is OperationKind.Invocation or OperationKind.PropertyReference or OperationKind.FieldReference or OperationKind.Await &&
                SubstituteSources.TryGetDirect(operation, symbols, options) is not null)
                sites.Add(operation.Syntax.Span);
            else if (operation is IArgumentOperation argument && SubstituteSources.TryGetOut(argument, symbols, options) is not null)
                sites.Add(operation.Syntax.Span);
        }
        return sites;
    }
}
