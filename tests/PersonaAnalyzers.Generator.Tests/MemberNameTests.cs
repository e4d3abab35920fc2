using System;
using System.Collections.Generic;
using System.Linq;
using PersonaAnalyzers.Generator.Tests.Infrastructure;

namespace PersonaAnalyzers.Generator.Tests;

/// <summary>Whatever a persona type's members are called, the generated code compiles and each feature's similarity
/// reaches its own <c>{T}Similarity</c> property: member names never clash with the generated code's parameters,
/// locals, helpers or type names (probe 9b, repro 08: features <c>A</c>, <c>B</c>, <c>Accumulator</c>).</summary>
public sealed class MemberNameTests
{
    /// <summary>Names the <c>{T}Similarity</c> struct already uses: the feature's property there gets the suffix <c>Feature</c>.</summary>
    private static readonly HashSet<string> StructNames = new()
    {
        "Overall", "ToString", "FormatScore", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "PSimilarity",
    };

    /// <summary>Members of <c>object</c>: the persona type hides them with <c>new</c>.</summary>
    private static readonly HashSet<string> ObjectMembers = new() { "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals" };

    [Theory]
    // Explain's parameters and locals, alone (the one-feature path) and with others.
    [InlineData("A")]
    [InlineData("A B")]
    [InlineData("a b")]
    [InlineData("Accumulator")]
    [InlineData("Accumulator accumulator Include")]
    [InlineData("A a2 A2 a3")]
    // The declarations' var and the null checks' nameof.
    [InlineData("Var Nameof")]
    [InlineData("var nameof")]
    // A local named like a method Explain calls (no case to lower: _a's method is _aSimilarity).
    [InlineData("_a _aSimilarity")]
    // Names differing only in case: two constructor parameters, and a property the other's parameter would hide.
    [InlineData("Topics topics")]
    [InlineData("topics Topics")]
    [InlineData("overall Overall OverallFeature")]
    // Keywords and contextual keywords.
    [InlineData("@event @class Event Class")]
    [InlineData("value Value result Result score total weight Weight")]
    [InlineData("i span x y e X Y E similarity Similarity")]
    [InlineData("target candidate candidates best bestError verdict")]
    // The guard's own members and helpers, the struct's members and what it inherits, the generated types' names.
    [InlineData("IsSelf Bands Policy Classify Assess TrySubstitute SafestSubstitute Explain BadFeature")]
    [InlineData("ToString Equals GetHashCode GetType FormatScore")]
    [InlineData("MemberwiseClone ReferenceEquals Finalize")]
    [InlineData("PSimilarity PGuard")]
    public void Generated_code_compiles_whatever_the_features_are_called(string names)
    {
        var members = names.Split(' ');
        var declarations = string.Join("\n", members.Select(name =>
            $"        [PersonaFeature(SimilarityMetric.Gaussian, Scale = 1)] public {(ObjectMembers.Contains(name) ? "new " : "")}double {name} {{ get; set; }}"));
        var guards = GeneratedGuards.Compile($$"""
            using PersonaAnalyzers;
            namespace Names
            {
                [PersonaProfile] public sealed class P
                {
            {{declarations}}
                }
            }
            """);

        // Feature i differs by (i + 1) / 10 between the profiles, so each has its own similarity exp(-Δ²).
        var a = guards.Profile("Names.P", members.Select(m => (m.TrimStart('@'), (object?)0.0)).ToArray());
        var b = guards.Profile("Names.P", members.Select((m, i) => (m.TrimStart('@'), (object?)((i + 1) / 10.0))).ToArray());
        var explained = guards.Call<object>("Names.PGuard", "Explain", a, b);
        var similarityType = guards.Type("Names.PSimilarity");
        var taken = new HashSet<string>(members.Select(m => m.TrimStart('@')));
        for (var i = 0; i < members.Length; i++)
        {
            var name = members[i].TrimStart('@');
            var property = name;
            if (StructNames.Contains(name))
            {
                property = name + "Feature";
                for (var n = 2; taken.Contains(property); n++)
                    property = name + "Feature" + n;
                taken.Add(property);
            }
            var expected = Math.Exp(-Math.Pow((i + 1) / 10.0, 2));
            var actual = (double)similarityType.GetProperty(property)!.GetValue(explained)!;
            Assert.True(Math.Abs(expected - actual) < 1e-12, $"{property}: expected {expected}, got {actual}");
        }
        // Overall agrees with Similarity to the last bit.
        Assert.Equal(guards.Similarity("Names.PGuard", a, b), (double)similarityType.GetProperty("Overall")!.GetValue(explained)!);
    }

    [Fact]
    public void A_clashing_feature_gets_a_numbered_local_and_keeps_its_own_name_elsewhere()
    {
        var run = GeneratorRun.Run("""
            using PersonaAnalyzers;
            namespace Repro;
            [PersonaProfile] public sealed class LabPanel
            {
                [PersonaKey] public string PatientId { get; init; } = "";
                [PersonaFeature(SimilarityMetric.Gaussian, Scale = 1)] public double A { get; init; }
                [PersonaFeature(SimilarityMetric.Gaussian, Scale = 1)] public double B { get; init; }
                [PersonaFeature(SimilarityMetric.Gaussian, Scale = 1)] public double Accumulator { get; init; }
            }
            """).AssertCompilesCleanly();
        var code = run.Generated["Repro.LabPanelGuard.g.cs"];
        // Explain: a and b are the profiles, accumulator the running mean.
        Assert.Contains("var a2 = Include(ref accumulator, ASimilarity(a, b), 1.0);", code);
        Assert.Contains("var b2 = Include(ref accumulator, BSimilarity(a, b), 1.0);", code);
        Assert.Contains("var accumulator2 = Include(ref accumulator, AccumulatorSimilarity(a, b), 1.0);", code);
        Assert.Contains("return new global::Repro.LabPanelSimilarity(a2, b2, accumulator2, accumulator.Result);", code);
        // The struct's constructor has nothing to clash with: its parameters keep the plain names.
        Assert.Contains("internal LabPanelSimilarity(double a, double b, double accumulator, double overall)", code);
        Assert.Contains("public double Accumulator { get; }", code);
    }

    [Fact]
    public void Names_differing_only_in_case_assign_each_property_its_own_value()
    {
        var run = GeneratorRun.Run("""
            using PersonaAnalyzers;
            namespace Casing;
            [PersonaProfile] public sealed class P
            {
                [PersonaFeature(SimilarityMetric.Gaussian, Scale = 1)] public double Topics { get; set; }
                [PersonaFeature(SimilarityMetric.Gaussian, Scale = 1)] public double topics { get; set; }
            }
            """).AssertCompilesCleanly();
        var code = run.Generated["Casing.PGuard.g.cs"];
        Assert.Contains("internal PSimilarity(double topics, double topics2, double overall)", code);
        // topics is also a parameter here: the property is qualified.
        Assert.Contains("Topics = topics;", code);
        Assert.Contains("this.topics = topics2;", code);
    }
}
