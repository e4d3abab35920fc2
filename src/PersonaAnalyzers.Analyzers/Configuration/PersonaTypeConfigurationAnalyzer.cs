using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PersonaAnalyzers.Generator.Model;
using PersonaAnalyzers.Generator.Reading;
using PersonaAnalyzers.Options;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.Configuration;

/// <summary>PERSONA101–106 and 108: reports what is wrong with a <c>[PersonaProfile]</c> type and its bands. It reads
/// the type with the generator's own <see cref="PersonaTypeReader"/> and <see cref="BandsRules"/>, so every error
/// reported here is exactly a type the generator skips.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonaTypeConfigurationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        ConfigurationDescriptors.NoFeatures,
        ConfigurationDescriptors.UnsupportedMember,
        ConfigurationDescriptors.InvalidBands,
        ConfigurationDescriptors.InvalidWeight,
        ConfigurationDescriptors.InvalidScale,
        ConfigurationDescriptors.DuplicateKey,
        ConfigurationDescriptors.NoGuard);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Found in the runtime assembly, not by a search of every reference (see BandsFileAnalyzer).
            if (SubstitutionSymbols.For(start.Compilation)?.PersonaProfileAttribute is not { } profileAttribute) return;
            var bandsFile = ReadBandsFile(start.Options, start.CancellationToken);
            start.RegisterSymbolAction(ctx => Analyze(ctx, profileAttribute, bandsFile), SymbolKind.NamedType);
        });
    }

    /// <summary>The bands file the generator uses: the first additional file named <c>persona-bands.json</c> or marked
    /// as the bands file.</summary>
    private static BandsFileModel ReadBandsFile(AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var file in options.AdditionalFiles)
        {
            if (BandsFileReader.IsBandsFile(file.Path, options.AnalyzerConfigOptionsProvider.GetOptions(file)))
                return BandsFileReader.Read(file.GetText(cancellationToken)?.ToString(), file.Path, out _);
        }
        return BandsFileModel.None;
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol profileAttribute, BandsFileModel bandsFile)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        AttributeData? attribute = null;
        foreach (var candidate in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.AttributeClass, profileAttribute))
            {
                attribute = candidate;
                break;
            }
        }
        if (attribute is null) return;

        var reading = PersonaTypeReader.Read(type, attribute, context.CancellationToken);
        foreach (var problem in reading.Problems)
            context.ReportDiagnostic(problem.ToDiagnostic());
        if (reading.Model is not { } model || attribute.ApplicationSyntaxReference is not { } reference) return;

        // The options of the file that declares the attribute: the generator reads the same ones.
        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(reference.SyntaxTree);
        var near = PersonaOptions.TryGet(options, PersonaOptions.NearMatch, out var n) ? n : null;
        var distant = PersonaOptions.TryGet(options, PersonaOptions.Distant, out var d) ? d : null;
        if (BandsRules.Resolve(model, bandsFile, near, distant, out var error) is null)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add("NearMatch", near)
                .Add("Distant", distant)
                .Add("Source", "options");
            context.ReportDiagnostic(Diagnostic.Create(ConfigurationDescriptors.InvalidBands,
                reference.GetSyntax(context.CancellationToken).GetLocation(), properties,
                type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), error));
        }
    }
}
