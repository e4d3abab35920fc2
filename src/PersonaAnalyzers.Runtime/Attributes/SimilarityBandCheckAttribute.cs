using System;

namespace PersonaAnalyzers;

/// <summary>Marks a method that vets a substitute profile by its similarity band. Passing a substitute to such a
/// method, and letting its result decide the path, counts as the check that rule PERSONA001 asks for.</summary>
/// <remarks>The generated guards' <c>Classify</c>, <c>Assess</c>, <c>TrySubstitute</c> and <c>SafestSubstitute</c>
/// carry it; put it on your own vetting helpers too. Discarding its result is rule PERSONA004.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class SimilarityBandCheckAttribute : Attribute
{
}
