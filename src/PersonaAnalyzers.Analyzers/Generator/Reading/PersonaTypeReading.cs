using System.Collections.Immutable;
using PersonaAnalyzers.Generator.Model;

namespace PersonaAnalyzers.Generator.Reading;

/// <summary>The outcome of reading one persona type: the model when a guard can be generated, and every problem found.</summary>
internal sealed class PersonaTypeReading
{
    public PersonaTypeReading(PersonaTypeModel? model, ImmutableArray<ConfigurationProblem> problems)
    {
        Model = model;
        Problems = problems;
    }

    /// <summary>The model, or null when a problem stops generation.</summary>
    public PersonaTypeModel? Model { get; }

    public ImmutableArray<ConfigurationProblem> Problems { get; }
}
