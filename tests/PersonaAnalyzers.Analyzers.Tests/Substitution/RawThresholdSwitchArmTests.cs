using static PersonaAnalyzers.Analyzers.Tests.Substitution.RawThresholdPatternTests;
using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.RawThresholdAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA003: a bar inside the pattern of a <c>switch</c> arm (or its <c>when</c> clause) over a scored pair or a
/// search hit decides between that arm and the arms after it, as the same pattern in an <c>is</c> decides between the
/// two ways of an <c>if</c>.</summary>
public class RawThresholdSwitchArmTests
{
    [Fact]
    public Task A_bar_in_a_switch_arm_pattern_is_reported() =>
        Verify.VerifyAsync(InClass("""
                public string Statement(Reader user, ScoredReader hit)
                {
                    switch (hit)
                    {
                        case { Score: {|PERSONA003:>= 0.9|} } h:
                            return h.Profile.Summary;
                        default:
                            return user.Summary;
                    }
                }

                public string Expression(Reader user, ScoredReader hit) =>
                    hit switch { { Score: {|PERSONA003:> 0.92|} } => hit.Profile.Summary, _ => user.Summary };

                public string Pair(Reader user) =>
                    MostSimilar(user) switch { { Similarity: {|PERSONA003:> 0.9|}, Profile: var twin } => twin.Summary, _ => user.Summary };

                public string Positional(Reader user) =>
                    MostSimilar(user) switch { (var twin, {|PERSONA003:>= 0.9|}) => twin.Summary, _ => user.Summary };

                // The arm that turns the hit away comes first: the arms after it use it.
                public string Rejecting(Reader user, ScoredReader hit)
                {
                    switch (hit)
                    {
                        case { Score: {|PERSONA003:< 0.5|} }:
                            return user.Summary;
                        default:
                            return hit.Profile.Summary;
                    }
                }
            """));

    [Fact]
    public Task A_bar_in_a_when_clause_of_an_arm_over_a_hit_is_reported() =>
        Verify.VerifyAsync(InClass("""
                public string Declared(Reader user, ScoredReader hit)
                {
                    switch (hit)
                    {
                        case { Profile: var p } when {|PERSONA003:hit.Score > 0.9|}:
                            return p.Summary;
                        default:
                            return user.Summary;
                    }
                }

                public string Bound(Reader user) => MostSimilar(user) switch
                {
                    { Similarity: var s, Profile: var twin } when {|PERSONA003:s >= 0.85|} => twin.Summary,
                    _ => user.Summary,
                };

                public string ArmVariable(Reader user, ScoredReader hit) => hit switch
                {
                    var h when {|PERSONA003:h.Score > 0.9|} => h.Profile.Summary,
                    _ => user.Summary,
                };
            """));

    [Theory]
    [InlineData("hit switch { { Score: > 0.9 } => hit.Profile.Summary, _ => user.Summary }", "> 0.9", AdmitsNearTwins)]
    [InlineData("hit switch { { Score: > 0.9 } => user.Summary, _ => hit.Profile.Summary }", "> 0.9", CannotTell)]
    [InlineData("hit switch { { Score: < 0.5 } => user.Summary, _ => hit.Profile.Summary }", "< 0.5", AdmitsNearTwins)]
    [InlineData("ClosestByDistance(user) switch { { Distance: < 0.2, Profile: var p } => p.Summary, _ => user.Summary }", "< 0.2", AdmitsNearTwins)]
    public Task The_message_of_a_bar_in_a_switch_arm_says_what_it_lets_through(string expression, string bar, string why) =>
        Expect(InClass($$"""
                public string Run(Reader user, ScoredReader hit) => {{expression}};
            """), bar, why);

    [Fact]
    public Task A_bar_in_a_switch_arm_that_decides_no_use_of_another_profile_is_not_reported() =>
        Verify.VerifyAsync(InClass("""
                // Only logged.
                public string Logged(Reader user, ScoredReader hit)
                {
                    switch (hit)
                    {
                        case { Score: >= 0.9 } h:
                            System.Diagnostics.Debug.WriteLine("close: " + h.Profile.Summary);
                            return user.Summary;
                        default:
                            return user.Summary;
                    }
                }

                // Only a metric's label.
                public string Label(ScoredReader hit) => hit switch { { Score: > 0.92 } => "near", _ => "far" };

                // Every arm uses the hit: the bar only picks the wording.
                public string Wording(ScoredReader hit) =>
                    hit switch { { Score: > 0.9 } => "very like " + hit.Profile.Summary, _ => "like " + hit.Profile.Summary };

                // Past the bar only the user's own profile is used: a duplicate-account guard.
                public void Register(Reader user, ScoredReader hit, List<Reader> accounts)
                {
                    switch (hit)
                    {
                        case { Score: > 0.98 }:
                            throw new InvalidOperationException("duplicate account");
                    }
                    accounts.Add(user);
                }

                // Joined to a band check of the pair in the arm's when clause: it only narrows.
                public string Narrowed(Reader user, ScoredReader hit) => hit switch
                {
                    { Score: > 0.5 } h when ReaderGuard.Assess(user, h.Profile).IsSafe => h.Profile.Summary,
                    _ => user.Summary,
                };

                // The when clause's bar only logged.
                public string WhenLogged(Reader user, ScoredReader hit)
                {
                    switch (hit)
                    {
                        case { Profile: var p } when hit.Score > 0.9:
                            Console.WriteLine("close: " + p.Id);
                            return user.Summary;
                        default:
                            return user.Summary;
                    }
                }
            """));
}
