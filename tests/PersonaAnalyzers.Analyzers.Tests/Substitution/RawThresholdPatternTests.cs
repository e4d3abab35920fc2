using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.RawThresholdAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA003: a bar written inside a pattern, or in a loop's condition, and a candidate that is an element read by
/// its index (<c>pool[i]</c>).</summary>
public class RawThresholdPatternTests
{
    /// <summary>The snippets' class: a (profile, similarity) pair and a search hit to test patterns over; shared with the
    /// other PERSONA003 pattern and element tests.</summary>
    internal const string Header = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using PersonaAnalyzers;
        using Shop;

        public readonly record struct ScoredReader(Reader Profile, double Score);

        public class C
        {
            private readonly IReaderIndex index = null!;
            private (Reader Profile, double Similarity) MostSimilar(Reader user) => default;
            private (Reader Profile, double Distance) ClosestByDistance(Reader user) => default;

        """;

    internal static string InClass(string members) => Header + members + "\n}\n";

    /// <summary>One PERSONA003 on the first occurrence of <paramref name="reported"/> in the method's line, with its message.</summary>
    internal static Task Expect(string source, string reported, string why)
    {
        var method = source.IndexOf("public string Run(", StringComparison.Ordinal);
        var at = source.IndexOf(reported, method, StringComparison.Ordinal);
        var line = source.Take(at).Count(c => c == '\n') + 1;
        var column = at - source.LastIndexOf('\n', at - 1);
        return Verify.VerifyAsync(source, null,
            Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("PERSONA003")
                .WithSpan(line, column, line, column + reported.Length)
                .WithArguments(reported, why).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));
    }

    // A bar inside a positional or property pattern over a (profile, similarity) pair or a search hit decides as the
    // comparison `pair.Similarity > 0.9` would.
    [Fact]
    public Task A_bar_in_a_positional_or_property_pattern_over_a_scored_pair_is_reported() =>
        Verify.VerifyAsync(InClass("""
                public string Positional(Reader user)
                {
                    if (MostSimilar(user) is ({ } twin, {|PERSONA003:> 0.9|}))
                        return twin.Summary;
                    return user.Summary;
                }

                public string Property(Reader user)
                {
                    if (MostSimilar(user) is { Similarity: {|PERSONA003:> 0.9|}, Profile: var twin })
                        return twin.Summary;
                    return user.Summary;
                }

                public string OnTheLocal(Reader user)
                {
                    var best = MostSimilar(user);
                    if (best is { Similarity: {|PERSONA003:> 0.9|} })
                        return best.Profile.Summary;
                    return user.Summary;
                }

                public string Hit(Reader user, ScoredReader hit) =>
                    hit is { Score: {|PERSONA003:>= 0.8 and <= 1.0|}, Profile: var p } ? p.Summary : user.Summary;

                public string Negated(Reader user)
                {
                    var best = MostSimilar(user);
                    if (best is not { Similarity: {|PERSONA003:>= 0.8|} })
                        return user.Summary;
                    return best.Profile.Summary;
                }

                public string Nested(Reader user, (ScoredReader Hit, int Rank) ranked) =>
                    ranked is ({ Score: {|PERSONA003:> 0.9|}, Profile: var p }, 1) ? p.Summary : user.Summary;
            """));

    [Fact]
    public Task A_bar_on_a_score_element_of_a_tuple_pattern_is_reported() =>
        Verify.VerifyAsync(InClass("""
                public string Tier(Reader user, string tier)
                {
                    var twin = index.FindNearest(user);
                    if (twin is null) return user.Summary;
                    if ((ReaderGuard.Similarity(user, twin), tier) is ({|PERSONA003:>= 0.9|}, "gold"))
                        return twin.Summary;
                    return user.Summary;
                }

                // The tier alone decides nothing about the twin's score: no bar.
                public string TierOnly(Reader user, string tier)
                {
                    var twin = index.FindNearest(user)!;
                    if ((ReaderGuard.Similarity(user, twin), tier) is (_, "gold"))
                        return twin.Summary;
                    return user.Summary;
                }
            """));

    // A score a pattern binds is a score local like any other.
    [Fact]
    public Task A_score_bound_by_a_pattern_is_a_score() =>
        Verify.VerifyAsync(InClass("""
                public string IsVar(Reader user)
                {
                    var twin = index.FindNearest(user);
                    if (twin is null) return user.Summary;
                    if (ReaderGuard.Similarity(user, twin) is var s && {|PERSONA003:s > 0.9|})
                        return twin.Summary;
                    return user.Summary;
                }

                public string Deconstructed(Reader user)
                {
                    if (MostSimilar(user) is (var twin, var s) && {|PERSONA003:s > 0.9|})
                        return twin.Summary;
                    return user.Summary;
                }

                public string CaseVar(Reader user, Reader other)
                {
                    switch (ReaderGuard.Similarity(user, other))
                    {
                        case var s when {|PERSONA003:s >= 0.85|}:
                            return other.Summary;
                        default:
                            return user.Summary;
                    }
                }
            """));

    internal const string AdmitsNearTwins = "a high threshold admits exactly the near-twins that do the most harm";
    internal const string CannotTell = "a raw cut-off cannot tell a near-twin, the most harmful substitute, from a moderately similar profile as the calibrated bands do";

    // The message says which way the bar admits: a lower bar on a similarity, an upper one on a distance, admit the
    // closest; an upper bar on a similarity does not claim that.
    [Theory]
    [InlineData("MostSimilar(user) is { Similarity: > 0.9, Profile: var p }", "> 0.9", AdmitsNearTwins)]
    [InlineData("MostSimilar(user) is { Similarity: < 0.9, Profile: var p }", "< 0.9", CannotTell)]
    [InlineData("ClosestByDistance(user) is { Distance: < 0.2, Profile: var p }", "< 0.2", AdmitsNearTwins)]
    [InlineData("ClosestByDistance(user) is (var p, > 0.5)", "> 0.5", CannotTell)]
    public Task The_message_of_a_bar_in_a_pattern_says_what_it_lets_through(string test, string bar, string why) =>
        Expect(InClass($$"""
                public string Run(Reader user) => {{test}} ? p.Summary : user.Summary;
            """), bar, why);

    [Fact]
    public Task A_bar_in_a_pattern_that_decides_no_use_of_another_profile_is_not_reported() =>
        Verify.VerifyAsync(InClass("""
                // Only logged.
                public string Logged(Reader user)
                {
                    var best = MostSimilar(user);
                    if (best is { Similarity: > 0.9 })
                        Console.WriteLine("close match");
                    return user.Summary;
                }

                // Past the bar only the user's own profile is used: a duplicate-account guard.
                public void Register(Reader user, List<Reader> accounts)
                {
                    if (MostSimilar(user) is { Similarity: > 0.98 })
                        throw new InvalidOperationException("duplicate account");
                    accounts.Add(user);
                }

                // The check's verdict narrowed: the bar only rejects more of what the check let through.
                public string Narrowed(Reader user, Reader other)
                {
                    if (ReaderGuard.Assess(user, other) is { IsSafe: true } && ReaderGuard.Similarity(user, other) is var s && s < 0.95)
                        return other.Summary;
                    return user.Summary;
                }

                // A number beside the profile that is no score.
                public string Ranked(Reader user, (Reader Profile, int Rank) ranked) =>
                    ranked is { Rank: < 3 } ? ranked.Profile.Summary : user.Summary;

                // A bar, not a score.
                public string Bar(Reader user, (Reader Profile, double MinSimilarity) rule, double similarity) =>
                    rule is { MinSimilarity: > 0.5 } ? user.Summary : rule.Profile.Summary;
            """));

    // A bar in a loop's condition decides whether the body runs for the element it compares.
    [Fact]
    public Task A_bar_in_a_loop_condition_is_reported() =>
        Verify.VerifyAsync(InClass("""
                public string For(Reader user)
                {
                    var ns = index.NearestNeighbours(user, 6);
                    for (int i = 0; i < ns.Count && {|PERSONA003:ReaderGuard.Similarity(user, ns[i]) > 0.8|}; i++)
                        return ns[i].Summary;
                    return user.Summary;
                }

                public string While(Reader user, Reader other)
                {
                    var tries = 0;
                    var text = "";
                    while ({|PERSONA003:ReaderGuard.Similarity(user, other) >= 0.9|} && tries++ < 3)
                        text += other.Summary;
                    return text + user.Summary;
                }
            """));

    [Fact]
    public Task A_bar_in_a_loop_condition_that_decides_no_unchecked_use_is_not_reported() =>
        Verify.VerifyAsync(InClass("""
                // Only counted.
                public int Count(Reader user)
                {
                    var ns = index.NearestNeighbours(user, 6);
                    var close = 0;
                    for (int i = 0; i < ns.Count && ReaderGuard.Similarity(user, ns[i]) > 0.8; i++)
                        close++;
                    return close;
                }

                // Every use past a band check of the same element that passed.
                public string Checked(Reader user)
                {
                    var ns = index.NearestNeighbours(user, 6);
                    for (int i = 0; i < ns.Count && ReaderGuard.Similarity(user, ns[i]) > 0.2; i++)
                    {
                        if (!ReaderGuard.Assess(user, ns[i]).IsSafe)
                            continue;
                        return ns[i].Summary;
                    }
                    return user.Summary;
                }

                // The body runs once before the condition is tested.
                public string DoWhile(Reader user, Reader other)
                {
                    var text = "";
                    do
                        text += other.Summary;
                    while (ReaderGuard.Similarity(user, other) < 0.5 && text.Length < 100);
                    return text + user.Summary;
                }
            """));

    // An element read by its index is the candidate, read again by the same index: the bar on it decides whether it is
    // used, and the message says what it lets through.
    [Fact]
    public Task A_bar_on_an_element_read_by_its_index_is_reported() =>
        Verify.VerifyAsync(InClass("""
                public string Loop(Reader user, IReadOnlyList<Reader> pool)
                {
                    for (int i = 0; i < pool.Count; i++)
                        if ({|PERSONA003:ReaderGuard.Similarity(user, pool[i]) > 0.8|}) return pool[i].Summary;
                    return user.Summary;
                }

                public string While(Reader user)
                {
                    var ns = index.NearestNeighbours(user, 6);
                    var i = 0;
                    while (i < ns.Count)
                    {
                        if ({|PERSONA003:ReaderGuard.Similarity(user, ns[i]) >= 0.85|})
                            return ns[i].Summary;
                        i++;
                    }
                    return user.Summary;
                }

                public string ThroughALocal(Reader user, Reader[] pool)
                {
                    var s = ReaderGuard.Similarity(user, pool[1]);
                    if ({|PERSONA003:s < 0.8|})
                        return user.Summary;
                    return pool[1].Summary;
                }
            """));

    [Theory]
    [InlineData("ReaderGuard.Similarity(user, pool[0]) > 0.8 ? pool[0].Summary : user.Summary", "ReaderGuard.Similarity(user, pool[0]) > 0.8", AdmitsNearTwins)]
    [InlineData("ReaderGuard.Similarity(user, byId[id]) > 0.8 ? byId[id].Summary : user.Summary", "ReaderGuard.Similarity(user, byId[id]) > 0.8", AdmitsNearTwins)]
    [InlineData("ReaderGuard.Similarity(user, pool[0]) > 0.8 ? user.Summary : pool[0].Summary", "ReaderGuard.Similarity(user, pool[0]) > 0.8", CannotTell)]
    public Task The_message_of_a_bar_on_an_element_says_what_it_lets_through(string expression, string comparison, string why) =>
        Expect(InClass($$"""
                public string Run(Reader user, Reader[] pool, Dictionary<string, Reader> byId, string id) => {{expression}};
            """), comparison, why);

    [Fact]
    public Task A_bar_on_an_element_that_decides_no_use_of_it_is_not_reported() =>
        Verify.VerifyAsync(InClass("""
                // Another element, and the collection whole, are not the element compared.
                public string Other(Reader user, Reader[] pool, int j)
                {
                    for (int i = 0; i < pool.Length; i++)
                        if (ReaderGuard.Similarity(user, pool[i]) > 0.8) return pool[j].Summary + pool.Length;
                    return user.Summary;
                }

                // Past the bar only the user's own profile is used.
                public void Register(Reader user, List<Reader> accounts)
                {
                    for (int i = 0; i < accounts.Count; i++)
                        if (ReaderGuard.Similarity(user, accounts[i]) > 0.98)
                            throw new InvalidOperationException("duplicate of " + accounts[i].Id);
                    accounts.Add(user);
                }

                // Joined to a band check of the same element: it only narrows.
                public string Narrowed(Reader user, IReadOnlyList<Reader> pool)
                {
                    for (int i = 0; i < pool.Count; i++)
                        if (ReaderGuard.Classify(user, pool[i]) == SimilarityBand.Moderate && ReaderGuard.Similarity(user, pool[i]) > 0.5)
                            return pool[i].Summary;
                    return user.Summary;
                }

                // Only logged.
                public void Logged(Reader user, Reader[] pool)
                {
                    if (ReaderGuard.Similarity(user, pool[0]) > 0.9)
                        Console.WriteLine("close: " + pool[0].Id);
                }
            """));
}
