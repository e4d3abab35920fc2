using System.Globalization;
using PersonaAnalyzers.Generator.Model;
using PersonaAnalyzers.Options;

namespace PersonaAnalyzers.Generator.Reading;

/// <summary>Where a guard's bands come from and whether they are valid. Each threshold is taken from the first
/// source that sets it: the <c>[PersonaProfile]</c> named arguments, the <c>persona-bands.json</c> additional file
/// (the type's entry, else the file's global one), the <c>persona_analyzers.near_match</c> /
/// <c>persona_analyzers.distant</c> options, the runtime default.</summary>
internal static class BandsRules
{
    /// <summary>The runtime's default thresholds: <c>DefaultBands.cs</c> is compiled into this assembly too, since the
    /// compiler cannot load the runtime.</summary>
    public const double DefaultNearMatch = DefaultBands.NearMatch;
    public const double DefaultDistant = DefaultBands.Distant;

    public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    /// <summary>Checks the attribute's own arguments (NaN = not set); null when they are fine.</summary>
    public static string? CheckAttribute(double nearMatch, double distant)
    {
        if (!double.IsNaN(nearMatch) && !InRange(nearMatch))
            return $"NearMatch is {Format(nearMatch)}; it must lie in [0, 1]";
        if (!double.IsNaN(distant) && !InRange(distant))
            return $"Distant is {Format(distant)}; it must lie in [0, 1]";
        if (!double.IsNaN(nearMatch) && !double.IsNaN(distant) && !(distant < nearMatch))
            return $"Distant ({Format(distant)}) must be below NearMatch ({Format(nearMatch)}); the bands are out of order";
        return null;
    }

    /// <summary>Resolves the bands of one type. Returns null and an error when an option is malformed or the combined
    /// thresholds are out of order (the attribute's own errors are reported by <see cref="CheckAttribute"/>).</summary>
    public static BandsModel? Resolve(PersonaTypeModel type, BandsFileModel file, string? nearMatchOption, string? distantOption, out string? error)
    {
        error = null;
        var (near, nearSource) = (type.AttributeNearMatch, "[PersonaProfile]");
        var (distant, distantSource) = (type.AttributeDistant, "[PersonaProfile]");

        if ((double.IsNaN(near) || double.IsNaN(distant)) && file.TryGet(type.LookupName, out var fileNear, out var fileDistant))
        {
            if (double.IsNaN(near)) (near, nearSource) = (fileNear, PersonaOptions.BandsFileName);
            if (double.IsNaN(distant)) (distant, distantSource) = (fileDistant, PersonaOptions.BandsFileName);
        }
        if (double.IsNaN(near) && nearMatchOption is not null)
        {
            if (!TryParseOption(nearMatchOption, PersonaOptions.NearMatch, out near, out error)) return null;
            nearSource = PersonaOptions.NearMatch;
        }
        if (double.IsNaN(distant) && distantOption is not null)
        {
            if (!TryParseOption(distantOption, PersonaOptions.Distant, out distant, out error)) return null;
            distantSource = PersonaOptions.Distant;
        }
        if (double.IsNaN(near)) (near, nearSource) = (DefaultNearMatch, "the default");
        if (double.IsNaN(distant)) (distant, distantSource) = (DefaultDistant, "the default");

        if (!(distant < near))
        {
            error = $"Distant {Format(distant)} (from {distantSource}) must be below NearMatch {Format(near)} (from {nearSource}); the bands are out of order";
            return null;
        }
        var isDefault = near == DefaultNearMatch && distant == DefaultDistant;
        var source = nearSource == distantSource ? nearSource : $"NearMatch from {nearSource}, Distant from {distantSource}";
        return new BandsModel(near, distant, source, isDefault);
    }

    private static bool TryParseOption(string text, string key, out double value, out string? error)
    {
        error = null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !IsFinite(value))
        {
            error = $"the option {key} is '{text}', not a number; write a number in [0, 1] such as 0.85";
            return false;
        }
        if (!InRange(value))
        {
            error = $"the option {key} is {Format(value)}; it must lie in [0, 1]";
            return false;
        }
        return true;
    }

    private static bool InRange(double value) => value >= 0 && value <= 1;

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
