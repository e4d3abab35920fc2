using static PersonaAnalyzers.Analyzers.Tests.Substitution.RawThresholdPatternTests;
using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.RawThresholdAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA003: an element of a field read by its index (<c>_pool[i]</c>, <c>this._pool[i]</c>, <c>_byId[id]</c>)
/// is a candidate as an element of a local is: used where it is read again by the same index.</summary>
public class RawThresholdFieldElementTests
{
    private const string Fields = """
            private readonly Reader[] _pool = Array.Empty<Reader>();
            private readonly List<Reader> _accounts = new();
            private readonly Dictionary<string, Reader> _byId = new();
            private static readonly Reader[] Shared = Array.Empty<Reader>();

        """;

    [Fact]
    public Task A_bar_on_an_element_of_a_field_is_reported() =>
        Verify.VerifyAsync(InClass(Fields + """
                public string Loop(Reader user)
                {
                    for (int i = 0; i < _pool.Length; i++)
                        if ({|PERSONA003:ReaderGuard.Similarity(user, _pool[i]) > 0.8|}) return _pool[i].Summary;
                    return user.Summary;
                }

                // this._pool[i] and _pool[i] are the same element.
                public string This(Reader user, int i) =>
                    {|PERSONA003:ReaderGuard.Similarity(user, this._pool[i]) >= 0.9|} ? _pool[i].Summary : user.Summary;

                public string ById(Reader user, string id)
                {
                    if ({|PERSONA003:ReaderGuard.Similarity(user, _byId[id]) < 0.8|})
                        return user.Summary;
                    return _byId[id].Summary;
                }

                public string Static(Reader user) =>
                    {|PERSONA003:ReaderGuard.Similarity(user, Shared[0]) > 0.8|} ? Shared[0].Summary : user.Summary;
            """));

    [Theory]
    [InlineData("ReaderGuard.Similarity(user, _pool[0]) > 0.8 ? _pool[0].Summary : user.Summary", "ReaderGuard.Similarity(user, _pool[0]) > 0.8", AdmitsNearTwins)]
    [InlineData("ReaderGuard.Similarity(user, _pool[0]) > 0.8 ? user.Summary : _pool[0].Summary", "ReaderGuard.Similarity(user, _pool[0]) > 0.8", CannotTell)]
    public Task The_message_of_a_bar_on_a_field_element_says_what_it_lets_through(string expression, string comparison, string why) =>
        Expect(InClass(Fields + $$"""
                public string Run(Reader user) => {{expression}};
            """), comparison, why);

    [Fact]
    public Task A_bar_on_an_element_of_a_field_that_decides_no_use_of_it_is_not_reported() =>
        Verify.VerifyAsync(InClass(Fields + """
                // Another element, and the collection whole, are not the element compared.
                public string Other(Reader user, int j)
                {
                    for (int i = 0; i < _pool.Length; i++)
                        if (ReaderGuard.Similarity(user, _pool[i]) > 0.8) return _pool[j].Summary + _pool.Length;
                    return user.Summary;
                }

                // Past the bar only the user's own profile is used.
                public void Register(Reader user)
                {
                    for (int i = 0; i < _accounts.Count; i++)
                        if (ReaderGuard.Similarity(user, _accounts[i]) > 0.98)
                            throw new InvalidOperationException("duplicate of " + _accounts[i].Id);
                    _accounts.Add(user);
                }

                // Joined to a band check of the same element: it only narrows.
                public string Narrowed(Reader user)
                {
                    for (int i = 0; i < _pool.Length; i++)
                        if (ReaderGuard.Classify(user, _pool[i]) == SimilarityBand.Moderate && ReaderGuard.Similarity(user, _pool[i]) > 0.5)
                            return _pool[i].Summary;
                    return user.Summary;
                }

                // Only logged.
                public void Logged(Reader user)
                {
                    if (ReaderGuard.Similarity(user, _byId["a"]) > 0.9)
                        Console.WriteLine("close: " + _byId["a"].Id);
                }
            """));
}
