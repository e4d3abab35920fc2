using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Threshold = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.RawThresholdAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.RawThresholdCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA003 on a bar inside a pattern, in a loop's condition, or on an element read by its index: where the
/// band check cannot take the bar's place without changing what else the pattern or condition tests, no fix is offered.</summary>
public class ThresholdInPatternFixTests
{
    private const string Key = "PERSONA003.UseBandCheck";

    private const string Pair = """
                private (Reader Profile, double Similarity) MostSimilar(Reader user) => default;

        """;

    // The sub-pattern is one test among the pattern's others (the twin's declaration, a tier): replacing the sub-pattern
    // alone with a call does not compile, and the whole `is` is more than the bar.
    [Fact]
    public Task A_bar_in_a_positional_pattern_gets_no_fix() =>
        Threshold.VerifyNotOfferedAsync(InClass(Pair + """
                public string Prompt(Reader user)
                {
                    if (MostSimilar(user) is ({ } twin, {|PERSONA003:> 0.9|}))
                        return twin.Summary;
                    return user.Summary;
                }
            """), Key);

    [Fact]
    public Task A_bar_in_a_property_pattern_gets_no_fix() =>
        Threshold.VerifyNotOfferedAsync(InClass(Pair + """
                public string Prompt(Reader user) =>
                    MostSimilar(user) is { Similarity: {|PERSONA003:> 0.9|}, Profile: var twin } ? twin.Summary : user.Summary;
            """), Key);

    [Fact]
    public Task A_bar_in_a_tuple_pattern_gets_no_fix() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public string Prompt(Reader user, Reader twin, string tier)
                {
                    if ((ReaderGuard.Similarity(user, twin), tier) is ({|PERSONA003:>= 0.9|}, "gold"))
                        return twin.Summary;
                    return user.Summary;
                }
            """), Key);

    // An element read by its index is no stable expression to hand the check.
    [Fact]
    public Task A_bar_on_an_element_gets_no_fix() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public string Prompt(Reader user, IReadOnlyList<Reader> pool)
                {
                    for (int i = 0; i < pool.Count && {|PERSONA003:ReaderGuard.Similarity(user, pool[i]) > 0.8|}; i++)
                        return pool[i].Summary;
                    for (int i = 0; i < pool.Count; i++)
                        if ({|PERSONA003:ReaderGuard.Similarity(user, pool[i]) > 0.8|}) return pool[i].Summary;
                    return user.Summary;
                }
            """), Key);

    [Fact]
    public Task A_score_bound_by_a_pattern_gets_no_fix() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public string Prompt(Reader user, Reader twin)
                {
                    if (ReaderGuard.Similarity(user, twin) is var s && {|PERSONA003:s > 0.9|})
                        return twin.Summary;
                    return user.Summary;
                }
            """), Key);

    // A bar in a switch arm's pattern is one test among the arm's others, as in an `is`.
    [Fact]
    public Task A_bar_in_a_switch_arm_pattern_gets_no_fix() =>
        Threshold.VerifyNotOfferedAsync(InClass(Pair + """
                public string Prompt(Reader user)
                {
                    switch (MostSimilar(user))
                    {
                        case { Similarity: {|PERSONA003:>= 0.9|}, Profile: var twin }:
                            return twin.Summary;
                        default:
                            return user.Summary;
                    }
                }

                public string Arm(Reader user) =>
                    MostSimilar(user) switch { (var twin, {|PERSONA003:> 0.9|}) => twin.Summary, _ => user.Summary };
            """), Key);

    [Fact]
    public Task A_bar_on_a_verdicts_similarity_in_a_pattern_gets_no_fix() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                public string Prompt(Reader user, Reader twin) =>
                    ReaderGuard.Assess(user, twin) is { Similarity: {|PERSONA003:> 0.9|} } ? twin.Summary : user.Summary;

                public string Arm(Reader user, Reader twin) =>
                    ReaderGuard.Assess(user, twin) switch { { Similarity: {|PERSONA003:> 0.9|} } => twin.Summary, _ => user.Summary };
            """), Key);

    [Fact]
    public Task A_bar_on_an_element_of_a_field_gets_no_fix() =>
        Threshold.VerifyNotOfferedAsync(InClass("""
                private readonly Reader[] _pool = new Reader[0];

                public string Prompt(Reader user)
                {
                    for (int i = 0; i < _pool.Length; i++)
                        if ({|PERSONA003:ReaderGuard.Similarity(user, _pool[i]) > 0.8|}) return _pool[i].Summary;
                    return user.Summary;
                }
            """), Key);
}
