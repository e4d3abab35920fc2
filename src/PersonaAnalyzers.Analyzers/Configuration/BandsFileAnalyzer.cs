using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PersonaAnalyzers.Generator.Reading;
using PersonaAnalyzers.Substitution;

namespace PersonaAnalyzers.Configuration;

/// <summary>PERSONA107: the <c>persona-bands.json</c> additional file cannot be read or is not a valid bands file.
/// Reported in the file itself, at the line and column the shared reader names.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BandsFileAnalyzer : DiagnosticAnalyzer
{
    // BandsFile's messages start with "{source}({line},{column}): ".
    private static readonly Regex Position = new(@"\((\d+),(\d+)\): ", RegexOptions.CultureInvariant);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(ConfigurationDescriptors.InvalidBandsFile);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Only projects that use persona profiles care about the file. The attribute is looked up in the runtime
            // assembly (shared with the other rules): a compilation-wide lookup searches every reference, and cost
            // this rule 2 ms of every build of a 1,000-file project (docs/performance.md, fifth round).
            if (SubstitutionSymbols.For(start.Compilation) is null) return;
            start.RegisterAdditionalFileAction(AnalyzeFile);
        });
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (!BandsFileReader.IsBandsFile(file.Path, context.Options.AnalyzerConfigOptionsProvider.GetOptions(file))) return;
        var text = file.GetText(context.CancellationToken);
        BandsFileReader.Read(text?.ToString(), file.Path, out var error);
        if (error is null) return;
        context.ReportDiagnostic(Diagnostic.Create(ConfigurationDescriptors.InvalidBandsFile, LocationOf(file.Path, text, error),
            ImmutableDictionary<string, string?>.Empty.Add("Path", file.Path), error));
    }

    private static Location LocationOf(string path, SourceText? text, string error)
    {
        var match = Position.Match(error);
        if (text is null || !match.Success ||
            !int.TryParse(match.Groups[1].Value, out var line) || !int.TryParse(match.Groups[2].Value, out var column) ||
            line < 1 || line > text.Lines.Count)
            return Location.Create(path, default, default);
        var textLine = text.Lines[line - 1];
        var start = System.Math.Min(textLine.Start + column - 1, textLine.End);
        var position = new LinePosition(line - 1, start - textLine.Start);
        return Location.Create(path, new TextSpan(start, 0), new LinePositionSpan(position, position));
    }
}
