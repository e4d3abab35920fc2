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
        if (options.TryGetValue(BuildPropertyKey(key), out raw) && !string.IsNullOrWhiteSpace(raw))
        {
            value = raw.Trim();
            return true;
        }
        value = string.Empty;
        return false;
    }

    // The substitution rules read their options for every body they analyse: the keys are spelled out once, not per read.
    private static readonly string NearMatchProperty = "build_property." + MsBuildProperty(NearMatch);
    private static readonly string DistantProperty = "build_property." + MsBuildProperty(Distant);
    private static readonly string SubstituteNamePatternsProperty = "build_property." + MsBuildProperty(SubstituteNamePatterns);
    private static readonly string CheckMethodsProperty = "build_property." + MsBuildProperty(CheckMethods);

    private static string BuildPropertyKey(string key) => key switch
    {
        NearMatch => NearMatchProperty,
        Distant => DistantProperty,
        SubstituteNamePatterns => SubstituteNamePatternsProperty,
        CheckMethods => CheckMethodsProperty,
        _ => "build_property." + MsBuildProperty(key),
    };

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
