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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags); // skipped below: see GeneratedCode
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = SubstitutionSymbols.For(start.Compilation);
            if (symbols is null)
                return;
            // Collected here, once, rather than by the first type that asks: with concurrent execution, every analysis
            // thread whose first type arrived during the collection waited for it inside a callback, and the compiler
            // charges the rule for each wait.
            var names = SubstituteNames.Collect(start.Compilation, symbols, start.CancellationToken);
            var generated = GeneratedCode.For(start.Compilation);
            // Most files name no substitute source at all: TypeGate rules out every body in them.
            TypeGate.RegisterOperationBlockAction(start, names.MayObtainIn, block => Analyze(block, symbols, names, generated));
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, SubstitutionSymbols symbols, SubstituteNames names, GeneratedCode generated)
    {
        // Most blocks of the files that pass name no substitute source either: their text rules them out first.
        var roots = OperationBlocks.Executable(context, (Names: names, context.Options, context.CancellationToken),
            static (block, _, s) => s.Names.MayObtainWithin(block.Syntax, s.Options, s.CancellationToken));
        if (roots is null || generated.Contains(context.OperationBlocks[0].Syntax.SyntaxTree, context.OwningSymbol, context.Options))
            return;
        foreach (var root in roots)
        {
            var options = SubstitutionOptions.For(context.Options, root.Syntax.SyntaxTree);
            // Where the text cannot tell, a token scan rules most bodies out before any operation walk.
            if (names.Occurrences(root.Syntax, options, context.CancellationToken) is not { } occurrences)
                continue;
            // Building a control flow graph costs far more than this walk; most bodies obtain no substitute.
            var sites = FindSites(root, symbols, options, occurrences);
            if (sites.IsEmpty)
                continue;
            if (OperationBlocks.Graph(root, context.CancellationToken) is not { } graph)
                continue;
            var handedOn = SubstituteSources.IsSubstituteMember(context.OwningSymbol, symbols, options);
            new SubstituteFlowGraph(graph, symbols, options, handedOn, seeds: null, sites, context.CancellationToken).Report(context.ReportDiagnostic);
        }
    }

    /// <summary>Where the body obtains a substitute. Every direct source is a member reached by a name the text search
    /// found, and an operation's syntax holds its operands' syntax, so a subtree whose text holds no such name is not
    /// walked: in a body that obtains one substitute, that is most of it. A query expression is the exception: its
    /// clauses become calls whose syntax is the clause, not their operands' (the <c>from</c> source sits under the
    /// <c>select</c>), so a query is searched whole.</summary>
    private static SourceSites FindSites(IOperation block, SubstitutionSymbols symbols, SubstitutionOptions options, WordPositions occurrences)
    {
        var sites = new SourceSites();
        var waitedForElsewhere = false;
        var pending = new Stack<IOperation>(32); // rarely more operations wait at once: the stack is not regrown
        pending.Push(block);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (operation.Kind == OperationKind.TranslatedQuery)
            {
                foreach (var inner in operation.Descendants())
                    AddSites(inner, sites, symbols, options);
                continue;
            }
            // A lookup (or a search of ids) started and not waited for here is waited for elsewhere.
            waitedForElsewhere |= AddSites(operation, sites, symbols, options) is { IsTask: true } ||
                                  operation is IInvocationOperation { TargetMethod.Name: "Select" } select && SubstituteSources.StartsLookups(select, symbols, options) ||
                                  operation is IInvocationOperation { TargetMethod.Name: "Run" or "StartNew" } run && SubstituteSources.IsPoolStart(run.TargetMethod) &&
                                  !SubstituteSources.IsWaitedForInPlace(run);
            foreach (var child in operation.ChildOperations)
            {
                // The full span (with its leading comments) costs less to compute and can only let more through.
                if (occurrences.MayContainWithin(child.Syntax.FullSpan))
                    pending.Push(child);
            }
        }
        // var lookups = users.Select(u => index.FindNearestAsync(u)); … await Task.WhenAll(lookups),
        // var pending = index.FindNearestAsync(user); … await pending (or pending.Result), and
        // var lookup = Task.Run(() => index.FindNearest(user)); … await lookup: the wait that obtains the substitutes
        // names no source, so the walk above skipped it.
        if (waitedForElsewhere)
        {
            foreach (var operation in block.Descendants())
            {
                if (operation is IAwaitOperation or IPropertyReferenceOperation { Property.Name: "Result" } or IInvocationOperation { TargetMethod.Name: "GetResult" } &&
                    SubstituteSources.TryGetDirect(operation, symbols, options, orKeys: true) is not null)
                    sites.Add(operation.Syntax.Span);
            }
        }
        return sites;
    }

    /// <summary>Adds where <paramref name="operation"/> obtains a substitute (or ids); returns the direct source it is, if any.</summary>
    private static SubstituteOrigin? AddSites(IOperation operation, SourceSites sites, SubstitutionSymbols symbols, SubstitutionOptions options)
    {
        var direct = operation.Kind is OperationKind.Invocation or OperationKind.PropertyReference or OperationKind.FieldReference or OperationKind.Await
            ? SubstituteSources.TryGetDirect(operation, symbols, options, orKeys: true)
            : null;
        if (direct is not null)
            sites.Add(operation.Syntax.Span);
        else if (operation is IDelegateCreationOperation creation && SubstituteSources.TryGetMethodGroup(creation, symbols, options) is not null)
            sites.Add(operation.Syntax.Span);
        // TryFindNearest(user, out var twin): the name is the call's, outside the argument's own text.
        if (operation is IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (SubstituteSources.TryGetOut(argument, symbols, options) is not null)
                    sites.Add(argument.Syntax.Span);
            }
        }
        return direct;
    }
}
