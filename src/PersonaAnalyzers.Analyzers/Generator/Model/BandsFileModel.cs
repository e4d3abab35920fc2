namespace PersonaAnalyzers.Generator.Model;

/// <summary>The content of the <c>persona-bands.json</c> additional file as the pipeline sees it: its bands when it
/// is valid. An absent or invalid file has no bands (the configuration analyzer reports an invalid one, PERSONA107).</summary>
/// <param name="HasGlobal">The file has global <c>nearMatch</c>/<c>distant</c>.</param>
/// <param name="GlobalNearMatch">The global near-match threshold.</param>
/// <param name="GlobalDistant">The global distant threshold.</param>
/// <param name="Types">Per-type bands, by full type name.</param>
internal sealed record BandsFileModel(
    bool HasGlobal,
    double GlobalNearMatch,
    double GlobalDistant,
    EquatableArray<TypeBands> Types)
{
    public static BandsFileModel None { get; } = new(false, double.NaN, double.NaN, EquatableArray<TypeBands>.Empty);

    /// <summary>The bands for a type, falling back to the global ones; false when the file has neither.</summary>
    public bool TryGet(string lookupName, out double nearMatch, out double distant)
    {
        foreach (var entry in Types)
        {
            // Accept the runtime's nested-type spelling (Outer+Inner) as well as the C# one (Outer.Inner).
            if (entry.TypeName == lookupName || entry.TypeName.Replace('+', '.') == lookupName)
            {
                (nearMatch, distant) = (entry.NearMatch, entry.Distant);
                return true;
            }
        }
        (nearMatch, distant) = (GlobalNearMatch, GlobalDistant);
        return HasGlobal;
    }
}

/// <summary>One entry of the <c>types</c> section of a bands file.</summary>
internal sealed record TypeBands(string TypeName, double NearMatch, double Distant);
