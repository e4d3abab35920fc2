using System;
using System.Collections.Generic;
using System.IO;
using PersonaAnalyzers.Generator.Model;
using PersonaAnalyzers.Internal;
using PersonaAnalyzers.Options;

namespace PersonaAnalyzers.Generator.Reading;

/// <summary>Turns the <c>persona-bands.json</c> additional file into a <see cref="BandsFileModel"/> with the same
/// reader the runtime uses (<see cref="BandsFile"/>), so the file means the same thing at build time and at run time.</summary>
internal static class BandsFileReader
{
    /// <summary>The item metadata that marks an additional file of another name as the bands file
    /// (<c>&lt;AdditionalFiles Include="cal/bands.json" PersonaBandsFile="true" /&gt;</c>, made visible with
    /// <c>&lt;CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="PersonaBandsFile" /&gt;</c>).</summary>
    public const string MarkerMetadata = "build_metadata.AdditionalFiles.PersonaBandsFile";

    /// <summary>Whether an additional file is the bands file: it is named <c>persona-bands.json</c>, or marked.</summary>
    public static bool IsBandsFile(string path, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions? options)
    {
        if (string.Equals(Path.GetFileName(path), PersonaOptions.BandsFileName, StringComparison.OrdinalIgnoreCase))
            return true;
        return options is not null && options.TryGetValue(MarkerMetadata, out var marked) &&
               string.Equals(marked?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads the file; on failure returns <see cref="BandsFileModel.None"/> and the reason, naming the file.</summary>
    public static BandsFileModel Read(string? text, string path, out string? error)
    {
        error = null;
        if (text is null)
        {
            error = $"{path}: the file cannot be read";
            return BandsFileModel.None;
        }
        try
        {
            var file = BandsFile.Parse(text, path);
            var types = new List<TypeBands>();
            foreach (var pair in file.Types)
                types.Add(new TypeBands(pair.Key, pair.Value.NearMatch, pair.Value.Distant));
            types.Sort((x, y) => string.CompareOrdinal(x.TypeName, y.TypeName));
            return file.Global is { } global
                ? new BandsFileModel(true, global.NearMatch, global.Distant, new EquatableArray<TypeBands>(types))
                : new BandsFileModel(false, double.NaN, double.NaN, new EquatableArray<TypeBands>(types));
        }
        catch (FormatException e)
        {
            error = e.Message.TrimEnd('.');
            return BandsFileModel.None;
        }
    }
}
