using System;

namespace PersonaAnalyzers;

/// <summary>Marks a persona profile type. The PersonaAnalyzers source generator emits a static
/// <c>{T}Guard</c> class beside it with a typed, reflection-free similarity and the band checks.</summary>
/// <remarks>The type does not need to be <c>partial</c>. Without named arguments, the bands come from a
/// <c>persona-bands.json</c> additional file, then the <c>persona_analyzers.near_match</c> /
/// <c>persona_analyzers.distant</c> options, then <see cref="SimilarityBands.Default"/>.</remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class PersonaProfileAttribute : Attribute
{
    /// <summary>Lower bound (inclusive) of the near-match band, in [0, 1]. <see cref="double.NaN"/> means "not set".</summary>
    public double NearMatch { get; set; } = double.NaN;

    /// <summary>Upper bound (inclusive) of the distant band, in [0, 1] and below <see cref="NearMatch"/>.
    /// <see cref="double.NaN"/> means "not set".</summary>
    public double Distant { get; set; } = double.NaN;
}
