using Microsoft.CodeAnalysis.Diagnostics;

namespace PersonaAnalyzers.Options;

/// <summary>The configuration keys users set in <c>.editorconfig</c> / <c>.globalconfig</c>, and the MSBuild
/// properties the package maps onto them (<c>&lt;PersonaAnalyzersNearMatch&gt;</c> becomes
/// <c>build_property.PersonaAnalyzersNearMatch</c>). An editorconfig key wins over the MSBuild property.</summary>
internal static class PersonaOptions
{
    public const string NearMatch = "persona_analyzers.near_match";
    public const string Distant = "persona_analyzers.distant";
    public const string SubstituteNamePatterns = "persona_analyzers.substitute_name_patterns";
    public const string CheckMethods = "persona_analyzers.check_methods";

    /// <summary>The <c>persona-bands.json</c> file name the generator and the configuration analyzer look for among
    /// <c>AdditionalFiles</c>.</summary>
    public const string BandsFileName = "persona-bands.json";

    /// <summary>Reads an option: the editorconfig key, else the MSBuild property that mirrors it.</summary>
    public static bool TryGet(AnalyzerConfigOptions options, string key, out string value)
    {
        if (options.TryGetValue(key, out var raw) && !string.IsNullOrWhiteSpace(raw))
        {
            value = raw.Trim();
            return true;
        }
        if (options.TryGetValue("build_property." + MsBuildProperty(key), out raw) && !string.IsNullOrWhiteSpace(raw))
        {
            value = raw.Trim();
            return true;
        }
        value = string.Empty;
        return false;
    }

    /// <summary><c>persona_analyzers.near_match</c> → <c>PersonaAnalyzersNearMatch</c>.</summary>
    public static string MsBuildProperty(string key)
    {
        var name = key.Substring(key.IndexOf('.') + 1);
        var result = new System.Text.StringBuilder("PersonaAnalyzers");
        var upper = true;
        foreach (var c in name)
        {
            if (c == '_') { upper = true; continue; }
            result.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return result.ToString();
    }
}
