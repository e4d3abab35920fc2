namespace PersonaAnalyzers.Runtime.Tests.Population;

public class CandidateVetterTests
{
    private const int D = 24;

    /// <summary>A target, its own stored profile, five near-twins (what a nearest-neighbour engine returns first), two
    /// moderates, two distant users.</summary>
    private static (Persona Target, List<Persona> Population) World()
    {
        var random = new Random(9);
        var target = new Persona("me", PopulationData.Unit(PopulationData.Gaussian(random, D, 1)));
        var population = new List<Persona> { target with { } };
        for (var i = 0; i < 5; i++) population.Add(new Persona($"twin{i}", PopulationData.AtCosine(target.Features, 0.9 + 0.015 * i, random)));
        population.Add(new Persona("mod-0.7", PopulationData.AtCosine(target.Features, 0.7, random)));
        population.Add(new Persona("mod-0.6", PopulationData.AtCosine(target.Features, 0.6, random)));
        population.Add(new Persona("far-0.1", PopulationData.AtCosine(target.Features, 0.1, random)));
        population.Add(new Persona("far-0.3", PopulationData.AtCosine(target.Features, 0.3, random)));
        return (target, population);
    }

    private static CandidateVetter<Persona> Vetter() => new(Persona.Similarity, Persona.IsSelf);

    [Fact]
    public async Task In_memory_source_returns_the_nearest_first_including_self()
    {
        var (target, population) = World();
        var source = new InMemoryCandidateSource<Persona>(population, Persona.Similarity);

        var nearest = await source.GetCandidatesAsync(target, 3);

        Assert.Equal(new[] { "me", "twin4", "twin3" }, nearest.Select(p => p.Id));
    }

    [Fact]
    public async Task Fetching_only_the_top_few_finds_nothing_because_the_nearest_are_near_matches()
    {
        var (target, population) = World();
        var source = new InMemoryCandidateSource<Persona>(population, Persona.Similarity);

        Assert.Null(await Vetter().SafestSubstituteAsync(source, target, fetchCount: 6));

        var overFetched = await Vetter().SafestSubstituteAsync(source, target, fetchCount: 8);
        Assert.Equal("mod-0.6", overFetched!.Value.Profile.Id);
        Assert.Equal(SimilarityBand.Moderate, overFetched.Value.Verdict.Band);
    }

    [Fact]
    public async Task Vet_puts_safe_candidates_first_by_expected_error_and_keeps_the_rejected_with_reasons()
    {
        var (target, population) = World();
        var source = new InMemoryCandidateSource<Persona>(population, Persona.Similarity);

        var vetted = await Vetter().VetAsync(source, target, fetchCount: 100);

        Assert.Equal(population.Count, vetted.Count);
        Assert.Equal(new[] { "mod-0.6", "mod-0.7" }, vetted.Take(2).Select(v => v.Profile.Id));
        Assert.All(vetted.Skip(2), v => Assert.False(v.Verdict.IsSafe && v.Verdict.Band != SimilarityBand.Self));
        Assert.Equal(SimilarityBand.Self, vetted.Single(v => v.Profile.Id == "me").Verdict.Band);
        Assert.All(vetted.Where(v => v.Profile.Id.StartsWith("twin", StringComparison.Ordinal)),
            v => Assert.Contains("near-match", v.Verdict.Reason));
    }

    [Fact]
    public void Self_is_decided_by_identity_so_a_twin_with_my_features_is_rejected()
    {
        var (target, _) = World();
        var twin = new Persona("someone-else", (float[])target.Features.Clone());

        Assert.Equal(SimilarityBand.NearMatch, Vetter().Assess(target, twin).Band);
        Assert.Equal(SimilarityBand.Self, Vetter().Assess(target, target with { Features = new float[D] }).Band);
        Assert.Null(Vetter().SafestSubstitute(target, new[] { twin, target }));
    }

    [Fact]
    public void PopulationSearch_over_a_sequence_agrees_with_the_index()
    {
        var rows = PopulationData.Clustered(2_000, D, clusters: 7, seed: 13);
        var people = rows.Select((r, i) => new Persona($"p{i}", r)).ToList();
        using var index = new PopulationIndex<string>(D);
        foreach (var p in people) index.Add(p.Id, p.Features);

        for (var t = 0; t < 25; t++)
        {
            var fromSequence = PopulationSearch.SafestSubstitute(people[t], people, Persona.Similarity, Persona.IsSelf);
            var fromIndex = index.SafestSubstitute(people[t].Id);
            Assert.Equal(fromSequence?.Profile.Id, fromIndex?.Key);
        }
    }

    [Fact]
    public async Task Bad_arguments_and_bad_sources_fail_with_a_clear_message()
    {
        var (target, population) = World();
        var source = new InMemoryCandidateSource<Persona>(population, Persona.Similarity);

        Assert.Contains("fetchCount is 0", (await Assert.ThrowsAsync<ArgumentException>(() => Vetter().VetAsync(source, target, 0))).Message);
        Assert.Contains("returned null", (await Assert.ThrowsAsync<InvalidOperationException>(
            () => Vetter().SafestSubstituteAsync(new NullSource(), target, 5))).Message);
        var broken = new CandidateVetter<Persona>((_, _) => 1.5, Persona.IsSelf);
        Assert.Contains("1.5", Assert.Throws<ArgumentException>(() => broken.Assess(target, population[3])).Message);
        var brokenSource = new InMemoryCandidateSource<Persona>(population, (_, _) => double.NaN);
        Assert.Contains("population[0]", (await Assert.ThrowsAsync<ArgumentException>(() => brokenSource.GetCandidatesAsync(target, 1))).Message);
    }

    private sealed class NullSource : ICandidateSource<Persona>
    {
        public Task<IReadOnlyList<Persona>> GetCandidatesAsync(Persona target, int count, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Persona>>(null!);
    }
}
