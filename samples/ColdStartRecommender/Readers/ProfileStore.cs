using PersonaAnalyzers.Simulation;

namespace ColdStartRecommender.Readers;

/// <summary>The profiles of known readers and the taste model learned for each from their own history.</summary>
public sealed class ProfileStore
{
    private readonly Dictionary<string, (ReaderProfile Profile, PersuasionModel Model)> _readers = new(StringComparer.Ordinal);

    public ProfileStore(PersuasionModel populationModel) => PopulationModel = populationModel;

    /// <summary>What everybody, on average, finds persuasive: the non-personalized prior.</summary>
    public PersuasionModel PopulationModel { get; }

    public IEnumerable<ReaderProfile> Readers => _readers.Values.Select(r => r.Profile);

    public void Add(ReaderProfile profile, PersuasionModel model) => _readers[profile.ReaderId] = (profile, model);

    public bool TryGetModel(string readerId, out PersuasionModel model)
    {
        var found = _readers.TryGetValue(readerId, out var entry);
        model = entry.Model;
        return found;
    }

    public PersuasionModel ModelOf(ReaderProfile reader) =>
        _readers.TryGetValue(reader.ReaderId, out var entry) ? entry.Model : PopulationModel;
}
