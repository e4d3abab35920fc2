using System.Linq;
using PersonaAnalyzers.Generator.Tests.Infrastructure;

namespace PersonaAnalyzers.Generator.Tests;

/// <summary>Every kind of declaration gets a guard that compiles warning-free; broken ones get nothing.</summary>
public sealed class TypeShapeTests
{
    [Fact]
    public void Classes_records_structs_nested_internal_and_global_types_all_compile_cleanly()
    {
        var guards = GeneratedGuards.Compile("""
            #nullable disable
            using System.Collections.Generic;
            using PersonaAnalyzers;

            [PersonaProfile] public class GlobalClass { [PersonaFeature(SimilarityMetric.Categorical)] public string Country; }

            namespace A.B.C
            {
                [PersonaProfile] internal record Rec([property: PersonaFeature(SimilarityMetric.Jaccard)] string[] Tags);
                [PersonaProfile] public struct Str { [PersonaKey] public System.Guid Id; [PersonaFeature(SimilarityMetric.Gaussian, Scale = 3)] public float Size; }
                [PersonaProfile] public readonly record struct RecStr([property: PersonaKey] long? Id, [property: PersonaFeature(SimilarityMetric.Cosine)] float[] V);

                public partial class Outer
                {
                    internal static class Middle
                    {
                        [PersonaProfile] public sealed class Deep { [PersonaFeature(SimilarityMetric.Categorical)] public int Level { get; set; } }
                    }
                    [PersonaProfile] protected internal abstract class Base
                    {
                        [PersonaKey] public string Owner { get; set; }
                        [PersonaFeature(SimilarityMetric.Categorical)] public virtual bool Flag { get; set; }
                    }
                }

                internal sealed class Derived : Outer.Base { public override bool Flag { get; set; } }
            }

            namespace Keywords
            {
                #nullable enable
                [PersonaProfile] public class @class
                {
                    [PersonaFeature(SimilarityMetric.Categorical)] public int @event { get; set; }
                    [PersonaFeature(SimilarityMetric.Categorical)] public int Overall { get; set; }
                    [PersonaFeature(SimilarityMetric.Categorical, Weight = 1e-5)] public int ToString2 { get; set; }
                }
            }
            """);
        Assert.True(guards.Type("GlobalClassGuard").IsPublic);
        Assert.False(guards.Type("A.B.C.RecGuard").IsPublic);
        Assert.False(guards.Type("A.B.C.OuterMiddleDeepGuard").IsPublic);
        Assert.False(guards.Type("A.B.C.OuterBaseGuard").IsPublic);
        Assert.NotNull(guards.Type("Keywords.classGuard"));
        Assert.NotNull(guards.Type("Keywords.classSimilarity").GetProperty("OverallFeature"));

        // An override keeps the base member's [PersonaFeature]; the base's guard accepts the derived profile.
        var a = guards.Profile("A.B.C.Derived", ("Owner", "x"), ("Flag", true));
        var b = guards.Profile("A.B.C.Derived", ("Owner", "y"), ("Flag", true));
        Assert.Equal(SimilarityBand.NearMatch, guards.Call<SimilarityBand>("A.B.C.OuterBaseGuard", "Classify", a, b));
    }

    [Fact]
    public void The_generated_code_compiles_as_CSharp_8()
    {
        // Libraries on netstandard2.0 often stay on an old language version; #nullable needs C# 8, nothing needs more.
        const string nestedStruct = """
            using System.Collections.Generic;
            using PersonaAnalyzers;
            namespace Old
            {
                public static class Catalog
                {
                    [PersonaProfile(NearMatch = 0.9, Distant = 0.2)]
                    public struct Buyer
                    {
                        [PersonaKey] public long? Id;
                        [PersonaFeature(SimilarityMetric.Jaccard, Shrinkage = 1)] public IEnumerable<string>? Visits;
                        [PersonaFeature(SimilarityMetric.Gaussian, Scale = 2)] public decimal? Spend;
                    }
                }
            }
            """;
        var csharp8 = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(
            Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8, Microsoft.CodeAnalysis.DocumentationMode.Diagnose);
        foreach (var source in new[] { Samples.ReaderProfile, nestedStruct })
        {
            var run = GeneratorRun.Run(source, parseOptions: csharp8);
            Assert.Single(run.Generated);
            run.AssertCompilesCleanly();
        }
    }

    [Fact]
    public void Features_declared_on_a_base_type_enter_the_derived_type_s_guard()
    {
        var guards = GeneratedGuards.Compile("""
            using PersonaAnalyzers;
            namespace Inherit
            {
                public class Base { [PersonaFeature(SimilarityMetric.Categorical)] public string? Country { get; set; } }
                [PersonaProfile] public sealed class Child : Base { [PersonaFeature(SimilarityMetric.Categorical)] public bool Pro { get; set; } }
            }
            """);
        var explain = guards.Call<object>("Inherit.ChildGuard", "Explain",
            guards.Profile("Inherit.Child", ("Country", "fr"), ("Pro", true)), guards.Profile("Inherit.Child", ("Country", "de"), ("Pro", true)));
        Assert.Equal("Country 0, Pro 1; Overall 0.5", explain.ToString());
    }

    [Theory]
    [InlineData("public class P { public int X { get; set; } }")] // 101
    [InlineData("public class P { [PersonaFeature(SimilarityMetric.Cosine)] public string? X { get; set; } }")] // 102
    [InlineData("public class P { [PersonaFeature(SimilarityMetric.Categorical)] private int X; public int Y => X; }")] // 102, private
    [InlineData("public class P { [PersonaFeature(SimilarityMetric.Categorical, Weight = 0)] public int X { get; set; } }")] // 104
    [InlineData("public class P { [PersonaFeature(SimilarityMetric.Gaussian)] public double X { get; set; } }")] // 105
    [InlineData("public class P { [PersonaFeature(SimilarityMetric.Jaccard, Shrinkage = -1)] public int[]? X { get; set; } }")] // 105
    [InlineData("public class P { [PersonaKey] public int A; [PersonaKey] public int B; [PersonaFeature(SimilarityMetric.Categorical)] public int X; }")] // 106
    [InlineData("public class P<T> { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }")] // 108
    [InlineData("file sealed class P { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }")] // 108, file-local
    [InlineData("file record struct P([property: PersonaFeature(SimilarityMetric.Categorical)] int X);")] // 108, file-local
    public void A_broken_type_gets_no_guard_and_the_project_still_compiles(string declaration)
    {
        var source = "using PersonaAnalyzers;\nnamespace Broken { [PersonaProfile] " + declaration + " }";
        var run = GeneratorRun.Run(source);
        Assert.Empty(run.Generated);
        // Nothing was added: the output has exactly the input's own diagnostics.
        Assert.Equal(run.Input.SyntaxTrees.Count(), run.Output.SyntaxTrees.Count());
        Assert.Equal(run.Input.GetDiagnostics().Select(d => d.ToString()), run.Output.GetDiagnostics().Select(d => d.ToString()));
    }

    [Fact]
    public void File_local_types_and_types_nested_in_them_get_no_guard_and_the_project_still_compiles()
    {
        // Probe 9b, repro 07: a guard lives in a file of its own, so it can never see a 'file' type.
        var run = GeneratorRun.Run("""
            using PersonaAnalyzers;

            namespace Repro;

            [PersonaProfile]
            file sealed class SessionTaste
            {
                [PersonaKey] public string Id { get; init; } = "";
                [PersonaFeature(SimilarityMetric.Categorical)] public string Genre { get; init; } = "";
            }

            file static class Holder
            {
                [PersonaProfile]
                public sealed class Nested
                {
                    [PersonaKey] public string Id { get; init; } = "";
                    [PersonaFeature(SimilarityMetric.Categorical)] public string Genre { get; init; } = "";
                }

                internal static class Deeper
                {
                    [PersonaProfile] internal record Deepest([property: PersonaFeature(SimilarityMetric.Categorical)] int X);
                }
            }

            [PersonaProfile] public sealed class Visible { [PersonaFeature(SimilarityMetric.Categorical)] public int X { get; set; } }
            """).AssertCompilesCleanly();
        Assert.Equal(new[] { "Repro.VisibleGuard.g.cs" }, run.Generated.Keys.ToArray());

        var global = GeneratorRun.Run("""
            using PersonaAnalyzers;
            [PersonaProfile] file class InTheGlobalNamespace { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }
            """);
        Assert.Empty(global.Generated);
        Assert.Equal(global.Input.GetDiagnostics().Select(d => d.ToString()), global.Output.GetDiagnostics().Select(d => d.ToString()));
    }

    [Fact]
    public void Bands_out_of_order_in_the_attribute_generate_no_guard()
    {
        var run = GeneratorRun.Run("""
            using PersonaAnalyzers;
            [PersonaProfile(NearMatch = 0.3, Distant = 0.6)] public class P { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }
            """);
        Assert.Empty(run.Generated);
    }

    [Fact]
    public void One_broken_type_does_not_stop_the_others()
    {
        var run = GeneratorRun.Run("""
            using PersonaAnalyzers;
            [PersonaProfile] public class Good { [PersonaFeature(SimilarityMetric.Categorical)] public int X; }
            [PersonaProfile] public class Bad { }
            """).AssertCompilesCleanly();
        Assert.Equal(new[] { "GoodGuard.g.cs" }, run.Generated.Keys.ToArray());
    }
}
