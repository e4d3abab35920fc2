using Unchecked = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.UncheckedSubstituteCodeFixProvider>;
using Selection = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.HighestSimilaritySelectionAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.HighestSimilaritySelectionCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>A <c>file</c> persona type gets no guard (PERSONA108, probe 9b repro 07). The substitution rules still
/// report on it, and no fix writes a call of the guard that does not exist.</summary>
public class FileLocalPersonaTests
{
    private const string Persona = """
        using System.Collections.Generic;
        using System.Linq;
        using PersonaAnalyzers;

        namespace Sessions;

        [PersonaProfile]
        file sealed class SessionTaste
        {
            [PersonaKey] public string Id { get; init; } = "";
            [PersonaFeature(SimilarityMetric.Categorical)] public string Genre { get; init; } = "";
        }

        file interface ITasteIndex
        {
            [ProfileSubstitute] SessionTaste Lookalike(SessionTaste target);
        }

        file static class Scores
        {
            public static double TasteSimilarity(SessionTaste a, SessionTaste b) => a.Genre == b.Genre ? 1 : 0;
        }

        """;

    [Fact]
    public Task PERSONA001_is_reported_and_no_band_check_is_inserted() =>
        Unchecked.VerifyNotOfferedAsync(Persona + """
            file sealed class Player
            {
                private readonly ITasteIndex _index = null!;
                public string Genre(SessionTaste user) => {|PERSONA001:_index.Lookalike(user)|}.Genre;
            }
            """, "PERSONA001.Guard");

    [Fact]
    public Task PERSONA002_is_reported_and_no_safest_substitute_is_written() =>
        Selection.VerifyNotOfferedAsync(Persona + """
            file sealed class Player
            {
                public SessionTaste? Pick(SessionTaste user, List<SessionTaste> pool) =>
                    {|PERSONA002:pool.MaxBy(c => Scores.TasteSimilarity(user, c))|};
            }
            """, "PERSONA002.UseSafestSubstitute");
}
