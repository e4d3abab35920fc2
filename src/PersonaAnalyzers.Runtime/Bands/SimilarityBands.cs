using System;
using System.Globalization;
using System.IO;
using PersonaAnalyzers.Internal;

namespace PersonaAnalyzers;

/// <summary>The two thresholds that split similarity into <see cref="SimilarityBand.NearMatch"/>,
/// <see cref="SimilarityBand.Moderate"/> and <see cref="SimilarityBand.Distant"/>. Immutable and validated on
/// construction.</summary>
/// <remarks>A similarity at or above <see cref="NearMatch"/> is a near-match: the region where, in the research this
/// project builds on, a substitute does <em>worse</em> than no personalization because a model applies a near-twin's
/// preferences with full confidence. At or below <see cref="Distant"/> a substitute no longer helps. Self is never a
/// band of similarity: it is decided by identity.</remarks>
public sealed class SimilarityBands : IEquatable<SimilarityBands>
{
    /// <summary>The default bands, calibrated on the simulated persuasion forum (see <c>docs/calibration.md</c>).</summary>
    public static SimilarityBands Default { get; } = new(DefaultBands.NearMatch, DefaultBands.Distant);

    /// <summary>Creates validated bands.</summary>
    /// <param name="nearMatch">Lower bound (inclusive) of the near-match band, in [0, 1].</param>
    /// <param name="distant">Upper bound (inclusive) of the distant band, in [0, 1], below <paramref name="nearMatch"/>.</param>
    /// <exception cref="ArgumentException">A threshold is NaN, infinite, outside [0, 1], or the two are out of order.</exception>
    public SimilarityBands(double nearMatch, double distant)
    {
        Guard.Probability(nearMatch, nameof(nearMatch));
        Guard.Probability(distant, nameof(distant));
        if (!(distant < nearMatch))
            throw new ArgumentException(
                $"The bands are out of order: distant ({Format(distant)}) must be below nearMatch ({Format(nearMatch)}).",
                nameof(distant));
        NearMatch = nearMatch;
        Distant = distant;
    }

    /// <summary>Lower bound (inclusive) of the near-match band.</summary>
    public double NearMatch { get; }

    /// <summary>Upper bound (inclusive) of the distant band.</summary>
    public double Distant { get; }

    /// <summary>Classifies a similarity between two <em>different</em> users. Never returns
    /// <see cref="SimilarityBand.Self"/>: whether a profile is the user's own is a question of identity.</summary>
    /// <exception cref="ArgumentException"><paramref name="similarity"/> is NaN or outside [0, 1].</exception>
    [SimilarityBandCheck]
    public SimilarityBand Classify(double similarity)
    {
        Guard.Probability(similarity, nameof(similarity));
        if (similarity >= NearMatch) return SimilarityBand.NearMatch;
        if (similarity <= Distant) return SimilarityBand.Distant;
        return SimilarityBand.Moderate;
    }

    /// <summary>Reads the global bands of a <c>persona-bands.json</c> file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The file is not a valid bands file; the message names the file and line.</exception>
    public static SimilarityBands Load(string path) => Load(path, typeName: null);

    /// <summary>Reads the bands of one type (by full name) from a <c>persona-bands.json</c> file, falling back to the
    /// file's global bands.</summary>
    public static SimilarityBands Load(string path, string? typeName)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        if (!File.Exists(path)) throw new FileNotFoundException($"The bands file '{path}' does not exist.", path);
        return Parse(File.ReadAllText(path), typeName, path);
    }

    /// <summary>Parses the content of a <c>persona-bands.json</c> file.</summary>
    /// <param name="json">The file content.</param>
    /// <param name="typeName">A full type name to look up in the file's <c>types</c> section, or null for the global bands.</param>
    /// <param name="source">The name to use in error messages.</param>
    /// <exception cref="FormatException">The JSON is malformed or holds no bands for the request.</exception>
    public static SimilarityBands Parse(string json, string? typeName = null, string source = "persona-bands.json")
    {
        if (json is null) throw new ArgumentNullException(nameof(json));
        var file = BandsFile.Parse(json, source);
        var entry = typeName is null ? file.Global : file.For(typeName);
        if (entry is not { } found)
            throw new FormatException(typeName is null
                ? $"{source}: the file has no global 'nearMatch'/'distant' bands."
                : $"{source}: the file has no bands for '{typeName}' and no global bands.");
        return new SimilarityBands(found.NearMatch, found.Distant);
    }

    /// <summary>Writes these bands in the <c>persona-bands.json</c> format.</summary>
    public string ToJson() => BandsFile.Write(new BandsEntry(NearMatch, Distant));

    /// <summary>Writes these bands to a <c>persona-bands.json</c> file.</summary>
    public void Save(string path) => File.WriteAllText(path, ToJson());

    /// <inheritdoc/>
    public bool Equals(SimilarityBands? other) =>
        other is not null && NearMatch.Equals(other.NearMatch) && Distant.Equals(other.Distant);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SimilarityBands);

    /// <inheritdoc/>
    public override int GetHashCode() => (NearMatch.GetHashCode() * 397) ^ Distant.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => $"NearMatch ≥ {Format(NearMatch)}, Distant ≤ {Format(Distant)}";

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
