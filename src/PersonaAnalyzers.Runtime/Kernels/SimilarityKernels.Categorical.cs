using System.Collections.Generic;

namespace PersonaAnalyzers;

public static partial class SimilarityKernels
{
    /// <summary>1 when the two values are equal, else 0. For enums, bools and integers; no boxing.</summary>
    public static double Categorical<T>(T a, T b) => EqualityComparer<T>.Default.Equals(a, b) ? 1 : 0;

    /// <summary>1 when the two strings are ordinally equal, else 0. Culture never decides whether two users share a category.</summary>
    public static double Categorical(string? a, string? b) => string.Equals(a, b, System.StringComparison.Ordinal) ? 1 : 0;
}
