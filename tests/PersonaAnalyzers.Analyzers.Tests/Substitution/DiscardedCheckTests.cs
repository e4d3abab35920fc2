using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.DiscardedCheckAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA004: the result of a band check is discarded.</summary>
public class DiscardedCheckTests
{
    [Fact]
    public Task Discarded_classify_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    {|PERSONA004:ReaderGuard.Classify(user, other)|};
                    return other;
            """));

    [Fact]
    public Task Discard_assignment_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    _ = {|PERSONA004:ReaderGuard.Assess(user, other)|};
                    return other;
            """));

    [Fact]
    public Task TrySubstitute_with_a_discarded_verdict_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    {|PERSONA004:ReaderGuard.TrySubstitute(user, other, out _)|};
                    return other;
            """));

    [Fact]
    public Task Runtime_bands_classify_discarded_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    {|PERSONA004:SimilarityBands.Default.Classify(0.5)|};
                    return null;
            """));

    /// <summary>A check called through <c>?.</c> on a receiver that may be missing: when it runs, its answer goes nowhere
    /// (probe 9b, repro 01). Reported on the whole access.</summary>
    [Fact]
    public Task A_check_called_through_conditional_access_with_a_discarded_result_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    SimilarityBands? bands = SimilarityBands.Default;
                    {|PERSONA004:bands?.Classify(0.5)|};
                    _ = {|PERSONA004:bands?.Classify(0.7)|};
                    var kept = bands?.Classify(0.9);
                    return kept == SimilarityBand.Moderate ? other : null;
            """));

    /// <summary>A member of the verdict read and thrown away is the verdict thrown away.</summary>
    [Fact]
    public Task A_discarded_member_of_the_verdict_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    _ = {|PERSONA004:ReaderGuard.Assess(user, other)|}.IsSafe;
                    var safe = ReaderGuard.Assess(user, other).IsSafe;
                    return safe ? other : null;
            """));

    [Fact]
    public Task Awaited_check_with_a_discarded_result_is_reported() =>
        Verify.VerifyAsync(WithAsyncCheck("""
                public async Task Run(Reader a, Reader b) => {|PERSONA004:await Vetting.IsSafeAsync(a, b)|};
            """));

    [Fact]
    public Task A_check_run_on_the_thread_pool_whose_result_is_discarded_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    {|PERSONA004:await Task.Run(() => ReaderGuard.Assess(user, other))|};
                    {|PERSONA004:await Task.Run(() => ReaderGuard.Assess(user, other).IsSafe)|};
                    _ = {|PERSONA004:await Task.Run(() => ReaderGuard.TrySubstitute(user, other, out _))|};
                    var kept = await Task.Run(() => ReaderGuard.Assess(user, other).IsSafe);
                    await Task.Run(() => Render.Prompt(other));
                    await Task.Run(() => { {|PERSONA004:ReaderGuard.Assess(user, other)|}; }); // a statement of its own
                    return kept ? other : null;
            """, "public async Task<object?> Run(Reader user)"));

    [Fact]
    public Task Used_results_void_checks_and_out_verdicts_are_not_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    ReaderGuard.EnsureSafe(user, other);
                    ReaderGuard.TrySubstitute(user, other, out var verdict);
                    var band = ReaderGuard.Classify(user, other);
                    return band == SimilarityBand.Moderate && verdict.IsSafe ? other : null;
            """));

    [Fact]
    public Task Discarded_non_check_is_not_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    ReaderGuard.Similarity(user, user);
                    return null;
            """));

    [Fact]
    public Task Discarded_await_and_parenthesised_discards_are_reported() =>
        Verify.VerifyAsync(WithAsyncCheck("""
                public async Task Run(Reader a, Reader b)
                {
                    _ = {|PERSONA004:await Vetting.IsSafeAsync(a, b)|};
                    _ = ({|PERSONA004:ReaderGuard.Assess(a, b)|});
                    {|PERSONA004:await Vetting.IsSafeAsync(a, b).ConfigureAwait(false)|};
                }
            """));

    [Fact]
    public Task Check_in_a_void_lambda_body_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    Action vet = () => {|PERSONA004:ReaderGuard.Classify(user, other)|};
                    vet();
                    return other;
            """));

    [Fact]
    public Task Check_whose_result_is_passed_on_or_awaited_void_is_not_reported() =>
        Verify.VerifyAsync("""
            using System;
            using System.Threading.Tasks;
            using PersonaAnalyzers;
            using Shop;
            public static class Vetting { [SimilarityBandCheck] public static Task EnsureSafeAsync(Reader a, Reader b) => Task.CompletedTask; }
            public class C
            {
                public async Task Run(Reader a, Reader b)
                {
                    Console.WriteLine(ReaderGuard.Assess(a, b));
                    Func<SimilarityBand> later = () => ReaderGuard.Classify(a, b);
                    await Vetting.EnsureSafeAsync(a, b);
                    _ = later;
                }
            }
            """);

    /// <summary>A class <c>C</c> with the given members, next to an async check returning <c>Task&lt;bool&gt;</c>.</summary>
    private static string WithAsyncCheck(string members) => $$"""
        using System.Threading.Tasks;
        using PersonaAnalyzers;
        using Shop;
        public static class Vetting { [SimilarityBandCheck] public static Task<bool> IsSafeAsync(Reader a, Reader b) => Task.FromResult(true); }
        public class C
        {
        {{members}}
        }
        """;

    [Fact]
    public Task Discarded_configured_check_is_found_by_its_configured_name() =>
        Verify.VerifyAsync("""
            using Shop;
            namespace Acme
            {
                public static class Vetting { public static bool IsSafeFor(Reader a, Reader b) => a.Id != b.Id; }
                public class C
                {
                    public void Run(Reader user, Reader other) => {|PERSONA004:Vetting.IsSafeFor(user, other)|};
                }
            }
            """, "persona_analyzers.check_methods = Acme.Vetting.IsSafeFor\n");

    [Fact]
    public Task Configured_check_counts_only_in_the_files_whose_section_configures_it() =>
        Verify.VerifyFilesAsync(new[]
        {
            ("/0/Vetting.cs", "namespace Acme { public static class Vetting { public static bool IsSafeFor(Shop.Reader a, Shop.Reader b) => a.Id != b.Id; } }"),
            ("/0/Vetted/Caller.cs", "public class C { public void Run(Shop.Reader a, Shop.Reader b) => {|PERSONA004:Acme.Vetting.IsSafeFor(a, b)|}; }"),
            ("/0/Other/Caller.cs", "public class D { public void Run(Shop.Reader a, Shop.Reader b) => Acme.Vetting.IsSafeFor(a, b); }"),
        }, "[/0/Vetted/*.cs]\npersona_analyzers.check_methods = Acme.Vetting.IsSafeFor\n");

    [Fact]
    public Task Discarded_check_of_a_referenced_library_is_found() =>
        Verify.VerifyWithLibraryAsync("""
            using Shop;
            public class C
            {
                public void Run(Lib.Vetter vetter, Reader user, Reader other) => {|PERSONA004:vetter.Approve(user, other)|};
            }
            """, """
            namespace Lib
            {
                public sealed class Vetter { [PersonaAnalyzers.SimilarityBandCheck] public bool Approve(Shop.Reader a, Shop.Reader b) => a.Id != b.Id; }
            }
            """);

    [Fact]
    public Task Discarded_check_implementing_an_attributed_interface_member_is_found() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public interface IVetter { [SimilarityBandCheck] bool Approve(Reader a, Reader b); }
            public sealed class Vetter : IVetter { public bool Approve(Reader a, Reader b) => a.Id != b.Id; }
            public class C
            {
                public void Run(Vetter vetter, Reader user, Reader other) => {|PERSONA004:vetter.Approve(user, other)|};
            }
            """);

    [Fact]
    public Task Verdict_put_in_an_out_variable_that_nothing_reads_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    {|PERSONA004:ReaderGuard.TrySubstitute(user, other, out var verdict)|};
                    return other;
            """));

    [Fact]
    public Task Verdict_overwritten_before_any_read_is_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    {|PERSONA004:ReaderGuard.TrySubstitute(user, other, out var verdict)|};
                    verdict = default;
                    return other;
            """));

    [Fact]
    public Task Verdict_put_in_an_out_variable_that_is_read_is_not_reported() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    ReaderGuard.TrySubstitute(user, other, out var verdict);
                    Func<bool> safe = () => verdict.IsSafe;
                    return safe() ? other : null;
            """));

    // Checks found wherever they are declared and however they are spelled or attributed.

    [Fact]
    public Task Discarded_check_of_the_runtime_itself_is_found_by_name() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var vetter = new CandidateVetter<Reader>((a, b) => 0.5, (a, b) => a.Id == b.Id);
                    {|PERSONA004:vetter.Vet(user, pool)|};
                    return null;
            """));

    [Fact]
    public Task Discarded_check_declared_in_another_file_is_found() =>
        Verify.VerifyFilesAsync(new[]
        {
            ("/0/Vetting.cs", "public static class Vetting { [PersonaAnalyzers.SimilarityBandCheck] public static bool Approve(Shop.Reader a, Shop.Reader b) => a.Id != b.Id; }"),
            ("/0/Caller.cs", "public class C { public void Run(Shop.Reader a, Shop.Reader b) => {|PERSONA004:Vetting.Approve(a, b)|}; }"),
        });

    [Fact]
    public Task Discarded_check_spelled_with_a_unicode_escape_is_found() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    {|PERSONA004:ReaderGuard.\u0043lassify(user, other)|};
                    return other;
            """));

    [Fact]
    public Task Discarded_check_attributed_through_an_alias_is_found() =>
        Verify.VerifyAsync("""
            using Vetted = PersonaAnalyzers.SimilarityBandCheckAttribute;
            using Shop;
            public static class Vetting { [Vetted] public static bool Approve(Reader a, Reader b) => a.Id != b.Id; }
            public class C
            {
                public void Run(Reader a, Reader b) => {|PERSONA004:Vetting.Approve(a, b)|};
            }
            """);

    [Fact]
    public Task Discarded_check_in_a_field_initializer_lambda_is_found() =>
        Verify.VerifyAsync("""
            using System;
            using Shop;
            public class C
            {
                private readonly Action<Reader, Reader> _vet = (a, b) => { {|PERSONA004:ReaderGuard.Classify(a, b)|}; };
            }
            """);

    [Fact]
    public Task Method_named_like_a_check_but_not_one_is_not_reported() =>
        Verify.VerifyAsync("""
            using Shop;
            public static class Scores { public static double Classify(Reader a, Reader b) => 0; }
            public class C
            {
                public void Run(Reader a, Reader b) => Scores.Classify(a, b);
            }
            """);

    // The name gate: a file must spell a check's name as a name that refers to something, and nothing else counts.

    [Fact]
    public Task Discarded_check_whose_name_holds_another_checks_name_is_found() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public static class Vetting { [SimilarityBandCheck] public static bool ReVet(Reader a, Reader b) => a.Id != b.Id; }
            public class C
            {
                public void Run(Reader a, Reader b) => {|PERSONA004:Vetting.ReVet(a, b)|};
            }
            """);

    [Fact]
    public Task Discarded_check_called_generically_or_by_a_verbatim_name_is_found() =>
        Verify.VerifyAsync("""
            using PersonaAnalyzers;
            using Shop;
            public static class Vetting { [SimilarityBandCheck] public static bool Approve<T>(T a, T b) where T : class => a != b; }
            public class C
            {
                public void Generic(Reader a, Reader b) => {|PERSONA004:Vetting.Approve<Reader>(a, b)|};
                public void Verbatim(Reader a, Reader b) => {|PERSONA004:ReaderGuard.@Classify(a, b)|};
            }
            """);

    [Fact]
    public Task Discarded_check_inside_a_method_of_the_same_name_is_found() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                public void Classify(Reader a, Reader b)
                {
                    {|PERSONA004:ReaderGuard.Classify(a, b)|};
                }
            }
            """);

    [Fact]
    public Task Check_names_in_declarations_comments_and_strings_only_are_not_reported() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                // Classify(a, b) would be a check; Assess too.
                public string Classify(Reader a) => "Classify " + a.Id;
                public void Assess(Reader a, Reader b) { Classify(a); }
                public void ClassifyAll(Reader a) { Classify(a); }
            }
            """);

    [Fact]
    public Task Discarded_check_in_a_for_loop_or_behind_a_cast_is_found() =>
        Verify.VerifyAsync(Verify.InMethod("""
                    var other = index.Lookalike(user);
                    for ({|PERSONA004:ReaderGuard.Classify(user, other)|}; other is null; {|PERSONA004:ReaderGuard.Assess(user, other)|})
                        other = index.Lookalike(user);
                    _ = (object){|PERSONA004:ReaderGuard.Classify(user, other)|};
                    _ = {|PERSONA004:ReaderGuard.Assess(user, other)|} as object;
                    return other;
            """));

    [Fact]
    public Task Check_whose_verdict_a_lambda_or_property_returns_is_not_reported() =>
        Verify.VerifyAsync("""
            using System;
            using PersonaAnalyzers;
            using Shop;
            public class C
            {
                private readonly Reader _a = new(), _b = new();
                public SimilarityBand Band => ReaderGuard.Classify(_a, _b);
                public Func<SimilarityBand> Later => () => ReaderGuard.Classify(_a, _b);
                public void Run() { for (var band = ReaderGuard.Classify(_a, _b); band != SimilarityBand.Moderate; band = ReaderGuard.Classify(_a, _b)) { } }
            }
            """);
}
