namespace PersonaAnalyzers.Runtime.Tests.Population;

/// <summary>A minimal keyed profile for the vetting tests.</summary>
internal sealed record Persona(string Id, float[] Features)
{
    public static double Similarity(Persona a, Persona b) => SimilarityKernels.Cosine(new ReadOnlySpan<float>(a.Features), new ReadOnlySpan<float>(b.Features));

    public static bool IsSelf(Persona a, Persona b) => a.Id == b.Id;

    public override string ToString() => Id;
}
