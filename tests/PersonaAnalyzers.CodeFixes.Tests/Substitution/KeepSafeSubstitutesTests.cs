using static PersonaAnalyzers.CodeFixes.Tests.Substitution.InsertBandCheckTests;
using Verify = PersonaAnalyzers.CodeFixes.Tests.CodeFixVerifier<
    PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer,
    PersonaAnalyzers.CodeFixes.Substitution.UncheckedSubstituteCodeFixProvider>;

namespace PersonaAnalyzers.CodeFixes.Tests.Substitution;

/// <summary>PERSONA001 on a whole collection of substitutes handed on unchecked: only the ones that pass the band check
/// are kept, materialised as the place needs.</summary>
public class KeepSafeSubstitutesTests
{
    private const string Key = "PERSONA001.Guard";

    [Fact]
    public Task Returned_read_only_list_keeps_the_safe_ones_as_a_list() =>
        Verify.VerifyAsync(InClass("""
                public IReadOnlyList<Reader> Panel(Reader user) => {|PERSONA001:index.NearestNeighbours(user, 5)|};
            """), InClass("""
                public IReadOnlyList<Reader> Panel(Reader user) => index.NearestNeighbours(user, 5).Where(candidate => ReaderGuard.TrySubstitute(user, candidate, out _)).ToList();
            """), Key);

    [Fact]
    public Task Every_vetted_candidate_keeps_the_safe_ones() =>
        Verify.VerifyAsync(InClass("""
                public List<string> Panel(Reader user, PersonaAnalyzers.CandidateVetter<Reader> vetter, List<Reader> pool) =>
                    {|PERSONA001:vetter.Vet(user, pool)|}.Select(v => v.Profile.Summary).ToList();
            """), InClass("""
                public List<string> Panel(Reader user, PersonaAnalyzers.CandidateVetter<Reader> vetter, List<Reader> pool) =>
                    vetter.Vet(user, pool).Where(vetted => vetted.Verdict.IsSafe).Select(v => v.Profile.Summary).ToList();
            """), Key);

    [Fact]
    public Task Sequence_needs_no_materialising() =>
        Verify.VerifyAsync(InClass("""
                public IEnumerable<Reader> Panel(Reader user)
                {
                    return {|PERSONA001:index.NearestNeighbours(user, 5)|};
                }
            """), InClass("""
                public IEnumerable<Reader> Panel(Reader user)
                {
                    return index.NearestNeighbours(user, 5).Where(candidate => ReaderGuard.TrySubstitute(user, candidate, out _));
                }
            """), Key);

    [Fact]
    public Task Array_stays_an_array() =>
        Verify.VerifyAsync(InClass("""
                public interface IPanels { Reader[] NearestPanel(Reader target); }

                private readonly IPanels panels = null!;

                public Reader[] Panel(Reader user) => {|PERSONA001:panels.NearestPanel(user)|};
            """), InClass("""
                public interface IPanels { Reader[] NearestPanel(Reader target); }

                private readonly IPanels panels = null!;

                public Reader[] Panel(Reader user) => panels.NearestPanel(user).Where(candidate => ReaderGuard.TrySubstitute(user, candidate, out _)).ToArray();
            """), Key);

    /// <summary>The receiver of a LINQ call is a sequence already: the filter goes in front of the programmer's own call.</summary>
    [Fact]
    public Task Receiver_of_a_linq_call_is_filtered_in_front_of_it() =>
        Verify.VerifyAsync(InClass("""
                public string Blend(Reader user) => Summaries({|PERSONA001:index.NearestNeighbours(user, 5)|}.ToArray());

                private static string Summaries(Reader[] readers) => string.Join(", ", readers.Select(r => r.Summary));
            """), InClass("""
                public string Blend(Reader user) => Summaries(index.NearestNeighbours(user, 5).Where(candidate => ReaderGuard.TrySubstitute(user, candidate, out _)).ToArray());

                private static string Summaries(Reader[] readers) => string.Join(", ", readers.Select(r => r.Summary));
            """), Key);

    [Fact]
    public Task Local_of_the_whole_collection_is_filtered_where_it_is_obtained() =>
        Verify.VerifyAsync(InClass("""
                public List<string> Authors(Reader user)
                {
                    var neighbours = {|PERSONA001:index.NearestNeighbours(user, 5)|};
                    return Merge(neighbours);
                }

                private static List<string> Merge(IReadOnlyList<Reader> readers) => readers.SelectMany(r => r.Authors).ToList();
            """), InClass("""
                public List<string> Authors(Reader user)
                {
                    var neighbours = index.NearestNeighbours(user, 5).Where(candidate => ReaderGuard.TrySubstitute(user, candidate, out _)).ToList();
                    return Merge(neighbours);
                }

                private static List<string> Merge(IReadOnlyList<Reader> readers) => readers.SelectMany(r => r.Authors).ToList();
            """), Key);

    [Fact]
    public Task Awaited_collection_is_parenthesised() =>
        Verify.VerifyAsync(InClass("""
                public interface IPanels { Task<IReadOnlyList<Reader>> NearestPanelAsync(Reader target); }

                private readonly IPanels panels = null!;

                public async Task<IReadOnlyList<Reader>> PanelAsync(Reader user) => {|PERSONA001:await panels.NearestPanelAsync(user)|};
            """), InClass("""
                public interface IPanels { Task<IReadOnlyList<Reader>> NearestPanelAsync(Reader target); }

                private readonly IPanels panels = null!;

                public async Task<IReadOnlyList<Reader>> PanelAsync(Reader user) => (await panels.NearestPanelAsync(user)).Where(candidate => ReaderGuard.TrySubstitute(user, candidate, out _)).ToList();
            """), Key);

    [Fact]
    public Task Name_taken_in_scope_gets_a_number() =>
        Verify.VerifyAsync(InClass("""
                public IEnumerable<Reader> Panel(Reader user, Reader candidate) => {|PERSONA001:index.NearestNeighbours(user, 5)|};
            """), InClass("""
                public IEnumerable<Reader> Panel(Reader user, Reader candidate) => index.NearestNeighbours(user, 5).Where(candidate2 => ReaderGuard.TrySubstitute(user, candidate2, out _));
            """), Key);

    [Fact]
    public Task Fix_all_filters_each_collection() =>
        Verify.VerifyAsync(InClass("""
                public IEnumerable<Reader> First(Reader user) => {|PERSONA001:index.NearestNeighbours(user, 5)|};

                public IReadOnlyList<Reader> Second(Reader guest) => {|PERSONA001:index.NearestNeighbours(guest, 3)|};
            """), InClass("""
                public IEnumerable<Reader> First(Reader user) => index.NearestNeighbours(user, 5).Where(candidate => ReaderGuard.TrySubstitute(user, candidate, out _));

                public IReadOnlyList<Reader> Second(Reader guest) => index.NearestNeighbours(guest, 3).Where(candidate => ReaderGuard.TrySubstitute(guest, candidate, out _)).ToList();
            """), Key, iterations: 2);

    /// <summary>No LINQ method gives a <c>HashSet</c>: the caller's type would change.</summary>
    [Fact]
    public Task Not_offered_for_a_collection_type_linq_does_not_build() =>
        Verify.VerifyNotOfferedAsync(InClass("""
                public interface IPanels { HashSet<Reader> NearestSet(Reader target); }

                private readonly IPanels panels = null!;

                public HashSet<Reader> Panel(Reader user) => {|PERSONA001:panels.NearestSet(user)|};
            """), Key);

    [Fact]
    public Task Adds_the_linq_directive_where_it_is_missing() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Shop;

            public class Recommender
            {
                private readonly IReaderIndex index = null!;

                public IEnumerable<Reader> Panel(Reader user) => {|PERSONA001:index.NearestNeighbours(user, 5)|};
            }
            """, """
            using System.Collections.Generic;
            using System.Linq;
            using Shop;

            public class Recommender
            {
                private readonly IReaderIndex index = null!;

                public IEnumerable<Reader> Panel(Reader user) => index.NearestNeighbours(user, 5).Where(candidate => ReaderGuard.TrySubstitute(user, candidate, out _));
            }
            """, Key);
}
