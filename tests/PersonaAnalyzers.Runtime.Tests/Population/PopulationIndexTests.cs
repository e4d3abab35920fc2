namespace PersonaAnalyzers.Runtime.Tests.Population;

public class PopulationIndexTests
{
    private const int D = 32;

    /// <summary>A target and candidates at chosen similarities: near-twins, the calibrated sweet spot (0.6, the lowest
    /// expected error of the default curve), weaker moderates, distant users.</summary>
    private static (float[] Target, Dictionary<string, float[]> Candidates) Neighbourhood(int seed = 1)
    {
        var random = new Random(seed);
        var target = PopulationData.Unit(PopulationData.Gaussian(random, D, 1));
        var candidates = new Dictionary<string, float[]>
        {
            ["twin"] = (float[])target.Clone(),
            ["near-0.95"] = PopulationData.AtCosine(target, 0.95, random),
            ["near-0.88"] = PopulationData.AtCosine(target, 0.88, random),
            ["moderate-0.6"] = PopulationData.AtCosine(target, 0.6, random),
            ["moderate-0.5"] = PopulationData.AtCosine(target, 0.5, random),
            ["moderate-0.75"] = PopulationData.AtCosine(target, 0.75, random),
            ["distant-0.2"] = PopulationData.AtCosine(target, 0.2, random),
            ["opposite"] = PopulationData.AtCosine(target, -0.7, random),
        };
        return (target, candidates);
    }

    private static PopulationIndex<string> IndexOf(IEnumerable<KeyValuePair<string, float[]>> rows, PopulationIndexOptions? options = null)
    {
        var index = new PopulationIndex<string>(D, options: options);
        foreach (var (key, features) in rows) index.Add(key, features);
        return index;
    }

    [Fact]
    public void Safest_substitute_is_the_lowest_expected_error_not_the_most_similar()
    {
        var (target, candidates) = Neighbourhood();
        using var index = IndexOf(candidates);

        var match = index.SafestSubstitute("target", target);

        Assert.NotNull(match);
        Assert.Equal("moderate-0.6", match.Value.Key);
        Assert.Equal(SimilarityBand.Moderate, match.Value.Verdict.Band);
        Assert.True(match.Value.Verdict.IsSafe);
        Assert.Equal(0.6, match.Value.Verdict.Similarity, 4);
        Assert.Equal(SubstitutionPolicy.Default.RiskCurve.ExpectedRelativeError(match.Value.Verdict.Similarity),
            match.Value.Verdict.ExpectedRelativeError, 12);
    }

    [Fact]
    public void Search_ranks_safe_candidates_by_expected_error_and_excludes_near_matches_distant_and_self()
    {
        var (target, candidates) = Neighbourhood();
        candidates["target"] = target;
        using var index = IndexOf(candidates);

        var matches = index.Search("target", target, count: 10);

        Assert.Equal(new[] { "moderate-0.6", "moderate-0.5", "moderate-0.75" }, matches.Select(m => m.Key));
        Assert.All(matches, m => Assert.True(m.Verdict.IsSafe));
        Assert.Equal(matches.Select(m => m.Verdict.ExpectedRelativeError).OrderBy(e => e), matches.Select(m => m.Verdict.ExpectedRelativeError));
    }

    [Fact]
    public void Self_is_decided_by_key_so_an_identical_twin_is_a_near_match_and_the_own_row_is_skipped()
    {
        var (target, _) = Neighbourhood();
        using var index = new PopulationIndex<string>(D);
        index.Add("me", target);
        index.Add("twin", target);

        Assert.Null(index.SafestSubstitute("me"));
        Assert.Empty(index.Search("me", target, 5));
        Assert.Empty(index.Search("stranger", target, 5)); // a stranger with my exact features is a near-match too
    }

    [Fact]
    public void Returns_null_when_no_candidate_beats_no_personalization()
    {
        var (target, candidates) = Neighbourhood();
        using var index = IndexOf(candidates.Where(c => !c.Key.StartsWith("moderate", StringComparison.Ordinal)));

        Assert.Null(index.SafestSubstitute("target", target));
    }

    [Fact]
    public void A_moderate_candidate_whose_expected_error_does_not_beat_the_baseline_is_excluded()
    {
        // A curve that only beats the baseline below 0.55: the 0.6 and 0.75 candidates are moderate but unsafe.
        var curve = new RiskCurve(new[] { 0.0, 0.45, 0.55, 1.0 }, new[] { 1.0, 0.8, 1.0, 1.3 });
        var policy = new SubstitutionPolicy(SimilarityBands.Default, curve);
        var (target, candidates) = Neighbourhood();
        using var index = new PopulationIndex<string>(D, policy);
        foreach (var (key, features) in candidates) index.Add(key, features);

        Assert.Equal(new[] { "moderate-0.5" }, index.Search("target", target, 10).Select(m => m.Key));
    }

    [Theory]
    [InlineData(PopulationStorage.Float32)]
    [InlineData(PopulationStorage.Int8)]
    [InlineData(PopulationStorage.Float16)]
    public void Agrees_with_vetting_every_profile_one_by_one(PopulationStorage storage)
    {
        var rows = PopulationData.Clustered(3_000, D, clusters: 12, seed: 7);
        using var index = new PopulationIndex<int>(D, options: new PopulationIndexOptions { Storage = storage });
        var people = rows.Select((r, i) => new Persona(i.ToString(System.Globalization.CultureInfo.InvariantCulture), r)).ToArray();
        for (var i = 0; i < rows.Length; i++) index.Add(i, rows[i]);
        var vetter = new CandidateVetter<Persona>(Persona.Similarity, Persona.IsSelf);

        var tolerance = storage == PopulationStorage.Int8 ? 0.02 : storage == PopulationStorage.Float16 ? 2e-3 : 1e-5;
        for (var t = 0; t < 40; t++)
        {
            var reference = vetter.SafestSubstitute(people[t], people);
            var match = index.SafestSubstitute(t);
            Assert.Equal(reference.HasValue, match.HasValue);
            if (reference is null) continue;
            // Equal expected error; the key may differ only between candidates tied within rounding.
            Assert.Equal(reference.Value.Verdict.ExpectedRelativeError, match!.Value.Verdict.ExpectedRelativeError, tolerance);
            if (storage == PopulationStorage.Float32)
                Assert.Equal(reference.Value.Profile.Id, match.Value.Key.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData(PopulationStorage.Float32)]
    [InlineData(PopulationStorage.Int8)]
    [InlineData(PopulationStorage.Float16)]
    public void Parallel_scan_returns_exactly_what_the_sequential_scan_returns(PopulationStorage storage)
    {
        var rows = PopulationData.Clustered(5_000, D, clusters: 10, seed: 3);
        using var sequential = new PopulationIndex<int>(D, options: new PopulationIndexOptions { Storage = storage, MaxDegreeOfParallelism = 1 });
        using var parallel = new PopulationIndex<int>(D, options: new PopulationIndexOptions { Storage = storage, MaxDegreeOfParallelism = 4, ParallelThreshold = 0 });
        for (var i = 0; i < rows.Length; i++)
        {
            sequential.Add(i, rows[i]);
            parallel.Add(i, rows[i]);
        }
        for (var t = 0; t < 20; t++)
            Assert.Equal(sequential.Search(t, 25), parallel.Search(t, 25));
    }

    [Fact]
    public void Remove_swaps_the_last_row_in_and_keeps_every_key_pointing_at_its_own_features()
    {
        var rows = PopulationData.Random(50, D, seed: 5);
        using var index = new PopulationIndex<int>(D);
        for (var i = 0; i < rows.Length; i++) index.Add(i, rows[i]);

        Assert.True(index.Remove(10));
        Assert.True(index.Remove(0));
        Assert.False(index.Remove(10));
        Assert.Equal(48, index.Count);
        Assert.False(index.Contains(10));

        var buffer = new float[D];
        foreach (var key in Enumerable.Range(0, 50).Except(new[] { 0, 10 }))
        {
            Assert.True(index.TryGetFeatures(key, buffer));
            Assert.Equal(PopulationData.Unit(rows[key]), buffer, (x, y) => Math.Abs(x - y) < 1e-6);
        }
        Assert.False(index.TryGetFeatures(10, buffer));
    }

    [Fact]
    public void A_removed_profile_is_never_returned_and_set_replaces_features()
    {
        var (target, candidates) = Neighbourhood();
        using var index = IndexOf(candidates);

        Assert.True(index.Remove("moderate-0.6"));
        Assert.Equal("moderate-0.5", index.SafestSubstitute("target", target)!.Value.Key);

        // Moving the 0.5 candidate into the near-match band takes it out of the running.
        index.Set("moderate-0.5", target);
        Assert.Equal("moderate-0.75", index.SafestSubstitute("target", target)!.Value.Key);
        index.Set("moderate-0.6", candidates["moderate-0.6"]);
        Assert.Equal("moderate-0.6", index.SafestSubstitute("target", target)!.Value.Key);
    }

    [Fact]
    public void A_zero_profile_has_no_direction_and_is_never_a_substitute()
    {
        using var index = new PopulationIndex<string>(D);
        index.Add("empty", new float[D]);
        var (target, _) = Neighbourhood();

        Assert.Null(index.SafestSubstitute("target", target));
        Assert.Empty(index.Search("empty", 3));
    }

    [Fact]
    public void Bad_input_is_rejected_with_a_message_naming_it()
    {
        using var index = new PopulationIndex<string>(D);
        index.Add("a", new float[D]);

        Assert.Contains("already", Assert.Throws<ArgumentException>(() => index.Add("a", new float[D])).Message);
        Assert.Contains("dimension 32", Assert.Throws<ArgumentException>(() => index.Add("b", new float[D + 1])).Message);
        var nan = new float[D];
        nan[7] = float.NaN;
        var message = Assert.Throws<ArgumentException>(() => index.Add("c", nan)).Message;
        Assert.Contains("features[7] of 'c' is NaN", message);
        var inf = new float[D];
        inf[3] = float.PositiveInfinity;
        Assert.Contains("features[3] of 'q' is Infinity", Assert.Throws<ArgumentException>(() => index.Search("q", inf, 1)).Message);
        Assert.Contains("count is 0", Assert.Throws<ArgumentException>(() => index.Search("a", new float[D], 0)).Message);
        Assert.Contains("'nobody'", Assert.Throws<KeyNotFoundException>(() => index.SafestSubstitute("nobody")).Message);
        Assert.Contains("dimension is 0", Assert.Throws<ArgumentException>(() => new PopulationIndex<string>(0)).Message);
        Assert.Contains("at least 1", Assert.Throws<ArgumentException>(() => new PopulationIndexOptions { MaxDegreeOfParallelism = 0 }).Message);
        Assert.Contains("not a defined", Assert.Throws<ArgumentException>(
            () => new PopulationIndex<string>(D, options: new PopulationIndexOptions { Storage = (PopulationStorage)9 })).Message);
    }

    [Fact]
    public void Huge_and_tiny_finite_features_normalise_without_overflow()
    {
        using var index = new PopulationIndex<string>(2);
        index.Add("huge", new[] { 3e38f, 3e38f });
        index.Add("tiny", new[] { 1e-44f, 0f });
        var buffer = new float[2];
        Assert.True(index.TryGetFeatures("huge", buffer));
        Assert.Equal(Math.Sqrt(0.5), buffer[0], 6);
        Assert.True(index.TryGetFeatures("tiny", buffer));
        Assert.Equal(1, buffer[0], 6);
    }

    [Fact]
    public async Task Concurrent_searches_and_writes_always_see_a_consistent_population()
    {
        var rows = PopulationData.Clustered(4_000, D, clusters: 8, seed: 11);
        using var index = new PopulationIndex<int>(D, options: new PopulationIndexOptions { ParallelThreshold = 1_000 });
        for (var i = 0; i < 2_000; i++) index.Add(i, rows[i]);

        // Dedicated threads: the thread pool is shared with the other tests, and the point is real contention.
        var writer = Task.Factory.StartNew(() =>
        {
            for (var i = 2_000; i < 4_000; i++)
            {
                index.Add(i, rows[i]);
                if (i % 3 == 0) index.Remove(i - 1_500);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var readers = Enumerable.Range(0, 2).Select(r => Task.Factory.StartNew(() =>
        {
            for (var search = 0; search < 200; search++)
            {
                foreach (var match in index.Search(r, rows[r], 5))
                {
                    Assert.True(match.Verdict.IsSafe);
                    Assert.NotEqual(r, match.Key);
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        await Task.WhenAll(readers.Append(writer));
        Assert.Equal(4_000 - Enumerable.Range(2_000, 2_000).Count(i => i % 3 == 0), index.Count);
    }
}
