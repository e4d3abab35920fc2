using Verify = PersonaAnalyzers.Analyzers.Tests.Substitution.AnalyzerVerifier<PersonaAnalyzers.Substitution.UncheckedSubstituteAnalyzer>;

namespace PersonaAnalyzers.Analyzers.Tests.Substitution;

/// <summary>PERSONA001 in every kind of executable code a member can have: each root gets its own control flow
/// graph (method and constructor bodies, field and property initializers, accessors, operators).</summary>
public class UncheckedSubstituteMemberKindTests
{
    [Fact]
    public Task Field_initializer_is_analyzed() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private static readonly IReaderIndex Index = null!;
                private static readonly string Prompt = Render.Prompt({|PERSONA001:Index.Lookalike(new Reader())|});
            }
            """);

    [Fact]
    public Task Property_initializer_is_analyzed() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private static readonly IReaderIndex Index = null!;
                public static string Prompt { get; } = Render.Prompt({|PERSONA001:Index.Lookalike(new Reader())|});
            }
            """);

    [Fact]
    public Task Constructor_body_and_its_initializer_are_analyzed() =>
        Verify.VerifyAsync("""
            using Shop;
            public class Base { protected Base(string prompt) { } }
            public class C : Base
            {
                private readonly string _summary;
                public C(IReaderIndex index, Reader user) : base(Render.Prompt({|PERSONA001:index.Lookalike(user)|}))
                {
                    _summary = {|PERSONA001:index.Lookalike(user)|}.Summary;
                }
            }
            """);

    [Fact]
    public Task Checked_substitute_in_a_constructor_is_not_reported() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private readonly string _summary = "";
                public C(IReaderIndex index, Reader user)
                {
                    var other = index.Lookalike(user);
                    if (ReaderGuard.Assess(user, other).IsSafe)
                        _summary = other.Summary;
                }
            }
            """);

    [Fact]
    public Task Accessor_and_operator_bodies_are_analyzed() =>
        Verify.VerifyAsync("""
            using Shop;
            public class C
            {
                private readonly IReaderIndex _index = null!;
                private readonly Reader _user = new();
                public string Prompt { get { return Render.Prompt({|PERSONA001:_index.Lookalike(_user)|}); } }
                public static string operator +(C c, Reader user) => Render.Prompt({|PERSONA001:c._index.Lookalike(user)|});
            }
            """);
}
