using Verify = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.UncheckedSubstituteCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA001's band check where there is no statement to put a guard in front of (a property's expression
/// body: the check goes in place), and on a nullable (profile, score) tuple (checked by its profile).</summary>
public class PropertyBodyAndNullableTupleTests
{
    private const string Key = "PERSONA001.Guard";

    private static string InClass(string members) => $$"""
        using Shop;

        public interface IScoredIndex
        {
            (Reader Profile, double Similarity)? MostSimilar(Reader target);
            (Reader Profile, double Similarity) FindMostSimilar(Reader target);
            (Reader? Profile, double Similarity) FindSimilarOrNone(Reader target);
        }

        public class Room
        {
            private readonly IReaderIndex index = null!;
            private readonly IScoredIndex scored = null!;

            public Reader Owner { get; } = new();

        {{members}}
        }
        """;

    [Fact]
    public Task Property_expression_body_checks_the_substitute_in_place() =>
        Verify.VerifyAsync(InClass("""
                public Reader? Mentor => {|PERSONA001:index.FindNearest(Owner)|};
            """), InClass("""
                public Reader? Mentor => index.FindNearest(Owner) is { } substitute && ReaderGuard.TrySubstitute(Owner, substitute, out _) ? substitute : null;
            """), Key);

    [Fact]
    public Task Non_nullable_property_expression_body_falls_back_to_the_target() =>
        Verify.VerifyAsync(InClass("""
                public Reader Mentor => {|PERSONA001:index.Lookalike(Owner)|};
            """), InClass("""
                public Reader Mentor => index.Lookalike(Owner) is var substitute && ReaderGuard.TrySubstitute(Owner, substitute, out _) ? substitute : Owner;
            """), Key);

    /// <summary>A member that may say "no one" gets null for an unsafe substitute whatever its expression's own type (a
    /// list's element is never null, yet the property may be), and a value the compiler knows is there gets no null test
    /// that could never fail (probe 14b, repro 07).</summary>
    [Fact]
    public Task Nullable_member_returning_a_list_element_falls_back_to_null() =>
        Verify.VerifyAsync(InClass("""
                public Reader? Closest => {|PERSONA001:index.NearestNeighbours(Owner, 3)[0]|};

                public Reader? this[int slot] => {|PERSONA001:index.NearestNeighbours(Owner, 5)[slot]|};
            """), InClass("""
                public Reader? Closest => index.NearestNeighbours(Owner, 3)[0] is var substitute && ReaderGuard.TrySubstitute(Owner, substitute, out _) ? substitute : null;

                public Reader? this[int slot] => index.NearestNeighbours(Owner, 5)[slot] is var substitute && ReaderGuard.TrySubstitute(Owner, substitute, out _) ? substitute : null;
            """), Key, iterations: 2);

    [Fact]
    public Task Nullable_tuple_with_a_null_exit_takes_the_check_of_its_profile_there() =>
        Verify.VerifyAsync(InClass("""
                public string Voice(Reader user)
                {
                    var hit = {|PERSONA001:scored.MostSimilar(user)|};
                    if (hit is null)
                        return user.Summary;
                    return hit.Value.Profile.Summary;
                }
            """), InClass("""
                public string Voice(Reader user)
                {
                    var hit = scored.MostSimilar(user);
                    if (hit is null || !ReaderGuard.TrySubstitute(user, hit.Value.Profile, out _))
                        return user.Summary;
                    return hit.Value.Profile.Summary;
                }
            """), Key);

    [Fact]
    public Task Nullable_tuple_with_a_HasValue_exit_takes_the_check_of_its_profile_there() =>
        Verify.VerifyAsync(InClass("""
                public string Voice(Reader user)
                {
                    var hit = {|PERSONA001:scored.MostSimilar(user)|};
                    if (!hit.HasValue) return user.Summary;
                    return hit.Value.Profile.Summary;
                }
            """), InClass("""
                public string Voice(Reader user)
                {
                    var hit = scored.MostSimilar(user);
                    if (!hit.HasValue || !ReaderGuard.TrySubstitute(user, hit.Value.Profile, out _)) return user.Summary;
                    return hit.Value.Profile.Summary;
                }
            """), Key);

    /// <summary>A profile taken out of a (profile, score) tuple by a deconstruction gets the guard after it, as a local
    /// does; a null test only where the tuple's element may be null (probe 14b, repro 05).</summary>
    [Fact]
    public Task Deconstructed_profile_gets_the_guard_after_the_deconstruction() =>
        Verify.VerifyAsync(InClass("""
                public Reader Voice(Reader user)
                {
                    var (neighbour, similarity) = {|PERSONA001:scored.FindMostSimilar(user)|};
                    return neighbour;
                }

                public string Prompt(Reader user)
                {
                    var (neighbour, similarity) = {|PERSONA001:scored.FindMostSimilar(user)|};
                    return $"Write like {neighbour.Summary} ({similarity:F2})";
                }

                public Reader? Closest(Reader user)
                {
                    (Reader? neighbour, double similarity) = {|PERSONA001:scored.FindSimilarOrNone(user)|};
                    return neighbour;
                }
            """), InClass("""
                public Reader Voice(Reader user)
                {
                    var (neighbour, similarity) = scored.FindMostSimilar(user);
                    if (!ReaderGuard.TrySubstitute(user, neighbour, out _))
                        return user;
                    return neighbour;
                }

                public string Prompt(Reader user)
                {
                    var (neighbour, similarity) = scored.FindMostSimilar(user);
                    if (!ReaderGuard.TrySubstitute(user, neighbour, out _))
                        neighbour = user;
                    return $"Write like {neighbour.Summary} ({similarity:F2})";
                }

                public Reader? Closest(Reader user)
                {
                    (Reader? neighbour, double similarity) = scored.FindSimilarOrNone(user);
                    if (neighbour is null || !ReaderGuard.TrySubstitute(user, neighbour, out _))
                        return null;
                    return neighbour;
                }
            """), Key, iterations: 3);

    /// <summary>A raw bar on the score the same deconstruction declares, or a discarded check of its profile, is the
    /// other rule's to turn into the check: the guard is not added as well, so the code is the same whichever rule is
    /// fixed first (probe 15b, repros 01 and 18).</summary>
    [Theory]
    [InlineData("if (s >= 0.85) return n.Summary; return user.Summary;")]
    [InlineData("if (s < 0.6) return \"generic\"; return n.Summary;")]
    [InlineData("ReaderGuard.Classify(user, n); return n.Summary;")]
    public Task Not_offered_for_a_deconstruction_whose_bar_or_discarded_check_decides(string rest) =>
        Verify.VerifyNotOfferedAsync(InClass($$"""
                public string Line(Reader user)
                {
                    var (n, s) = {|PERSONA001:scored.FindMostSimilar(user)|};
                    {{rest}}
                }
            """), Key);
}
