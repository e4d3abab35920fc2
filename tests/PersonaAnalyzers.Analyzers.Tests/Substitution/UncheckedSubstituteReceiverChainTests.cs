using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA001: a substitute passed to an ordinary method whose result is then used as a receiver
/// (<c>_store.ModelOf(neighbour).Logit(pair)</c>) is used, in every construct the result can appear in.</summary>
public class UncheckedSubstituteReceiverChainTests
{
    private static string InStore(string members) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using PersonaAnalyzers;
        using Shop;

        public sealed class Model
        {
            public double Logit(int pair) => pair;
            public double Bias { get; set; }
        }

        public class Ranker
        {
            private readonly Dictionary<string, Model> _models = new();
            public Reader FindMostSimilarPublic(Reader r) => r;
            public Model ModelOf(Reader p) => _models[p.Id];
            public Model ModelUsing(Reader p) => new Model();
            public Task<Model> ModelOfAsync(Reader p) => Task.FromResult(new Model());
            public void Keep(Reader p) { }
            public void Score(double value) { }
        {{members}}
        }
        """;

    [Fact]
    public Task Returned_receiver_chain_is_a_use() =>
        Verify.VerifyAsync(InStore("""
                public double B(Reader reader) { var n = {|PERSONA001:FindMostSimilarPublic(reader)|}; return ModelOf(n).Logit(1); }
                public double B2(Reader reader) { var n = {|PERSONA001:FindMostSimilarPublic(reader)|}; return ModelUsing(n).Logit(1); }
            """));

    [Fact]
    public Task Receiver_chain_through_a_local_is_a_use() =>
        Verify.VerifyAsync(InStore("""
                public double B3(Reader reader) { var n = {|PERSONA001:FindMostSimilarPublic(reader)|}; var m = ModelOf(n); return m.Logit(1); }
            """));

    [Fact]
    public Task Receiver_chain_as_an_argument_is_a_use() =>
        Verify.VerifyAsync(InStore("""
                public void A(Reader reader) { var n = {|PERSONA001:FindMostSimilarPublic(reader)|}; Score(ModelOf(n).Logit(1)); }
            """));

    [Fact]
    public Task Receiver_chain_into_a_local_is_a_use() =>
        Verify.VerifyAsync(InStore("""
                public double L(Reader reader) { var n = {|PERSONA001:FindMostSimilarPublic(reader)|}; var logit = ModelOf(n).Logit(1); return logit; }
            """));

    [Fact]
    public Task Receiver_chain_in_an_expression_body_is_a_use() =>
        Verify.VerifyAsync(InStore("""
                public double E(Reader reader) => ModelOf({|PERSONA001:FindMostSimilarPublic(reader)|}).Logit(1);
                public double P(Reader reader) => ModelOf({|PERSONA001:FindMostSimilarPublic(reader)|}).Bias;
            """));

    [Fact]
    public Task Awaited_receiver_chain_is_a_use() =>
        Verify.VerifyAsync(InStore("""
                public async Task<double> W(Reader reader)
                {
                    var n = {|PERSONA001:FindMostSimilarPublic(reader)|};
                    return (await ModelOfAsync(n)).Logit(1);
                }
            """));

    [Fact]
    public Task Passing_on_is_still_reported() =>
        Verify.VerifyAsync(InStore("""
                public void D(Reader reader) { var n = {|PERSONA001:FindMostSimilarPublic(reader)|}; Keep(n); }
            """));

    [Fact]
    public Task Checked_receiver_chain_is_not_reported() =>
        Verify.VerifyAsync(InStore("""
                public double C(Reader reader)
                {
                    var n = FindMostSimilarPublic(reader);
                    if (ReaderGuard.Classify(reader, n) != SimilarityBand.Moderate)
                        return 0;
                    return ModelOf(n).Logit(1);
                }
            """));

    [Fact]
    public Task Key_reads_and_similarity_in_a_receiver_chain_are_not_uses() =>
        Verify.VerifyAsync(InStore("""
                public int K(Reader reader) { var n = FindMostSimilarPublic(reader); return n.Id.Trim().Length; }
                public double S(Reader reader) { var n = FindMostSimilarPublic(reader); return ReaderGuard.Similarity(reader, n).CompareTo(0.5); }
                public string T(Reader reader) { var n = FindMostSimilarPublic(reader); return ReaderGuard.Explain(reader, n).Overall.ToString(); }
                public bool N(Reader reader) { var n = FindMostSimilarPublic(reader); return (n is null).Equals(false); }
            """));

    [Fact]
    public Task Words_that_begin_with_log_are_not_logging() =>
        Verify.VerifyAsync(InStore("""
                public double Login(Reader p) => 0;
                public double Logistic(Reader p) => 0;
                public double G(Reader reader) => Login({|PERSONA001:FindMostSimilarPublic(reader)|});
                public double H(Reader reader) => Logistic({|PERSONA001:FindMostSimilarPublic(reader)|});
                public double I(Reader reader) => LogitModel.Score({|PERSONA001:FindMostSimilarPublic(reader)|});
                public double J(Reader reader) => ArticleCatalog.For({|PERSONA001:FindMostSimilarPublic(reader)|});
            """) + """

            public static class LogitModel { public static double Score(Reader r) => 0; }
            public static class ArticleCatalog { public static double For(Reader r) => 0; }
            """);

    [Fact]
    public Task Logging_calls_stay_side_channels() =>
        Verify.VerifyAsync(InStore("""
                private readonly AuditLog _audit = new();
                private readonly IRankLogger _logger = null!;
                public void G(Reader reader)
                {
                    var n = FindMostSimilarPublic(reader);
                    _audit.Write(n);
                    _logger.LogInformation(n.Summary);
                    LogChoice(n);
                    TraceEvent(ModelOf(n).Logit(1));
                }
                private void LogChoice(Reader r) { }
                private void TraceEvent(double value) { }
            """) + """

            public sealed class AuditLog { public void Write(Reader r) { } }
            public interface IRankLogger { void LogInformation(string message); }
            """);

    [Fact]
    public Task A_substitute_receiver_of_a_side_channel_named_call_is_used() =>
        Verify.VerifyAsync(InStore("""
                public void G(Reader reader, Dictionary<Reader, Tally> tallies)
                {
                    var n = {|PERSONA001:FindMostSimilarPublic(reader)|};
                    TallyOf(n).Record(1);
                }
                private Tally TallyOf(Reader r) => new();
            """) + """

            public sealed class Tally { public void Record(int click) { } }
            """);
}
