namespace PersonaAnalyzers.Generator.Model;

/// <summary>The bands a guard uses and where they came from.</summary>
/// <param name="NearMatch">Lower bound of the near-match band.</param>
/// <param name="Distant">Upper bound of the distant band.</param>
/// <param name="Source">Where each threshold came from, for the generated documentation comment.</param>
/// <param name="IsDefault">Both thresholds are the runtime default: the guard uses <c>SimilarityBands.Default</c>.</param>
internal sealed record BandsModel(double NearMatch, double Distant, string Source, bool IsDefault);
