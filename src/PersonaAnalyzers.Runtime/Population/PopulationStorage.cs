namespace PersonaAnalyzers;

/// <summary>How a <see cref="PopulationIndex{TKey}"/> stores its normalised feature rows.</summary>
/// <remarks>Compact storage trades a little precision for memory and read bandwidth (the scan is bound by the bytes it
/// reads). <c>docs/performance.md</c> records how often each compact format changes a band decision; the tests in
/// <c>Population/CompactStorageAgreementTests.cs</c> fail if it drops below 99.9% of pairs.</remarks>
public enum PopulationStorage
{
    /// <summary>4 bytes per feature: exact single-precision rows.</summary>
    Float32,

    /// <summary>1 byte per feature plus one float scale per row (symmetric int8 quantisation of the normalised row).
    /// The query stays in float32, so only the rows carry rounding error.</summary>
    Int8,

    /// <summary>2 bytes per feature (IEEE half precision). Needs .NET 8 or later.</summary>
    Float16,
}
