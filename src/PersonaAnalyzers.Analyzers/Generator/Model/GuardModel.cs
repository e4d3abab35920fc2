namespace PersonaAnalyzers.Generator.Model;

/// <summary>Everything one generated file depends on: the type and its resolved bands.</summary>
internal sealed record GuardModel(PersonaTypeModel Type, BandsModel Bands);
