using System.Collections.Generic;
using System.Collections.Immutable;
using PersonaAnalyzers.Generator.Tests.Infrastructure;

namespace PersonaAnalyzers.Generator.Tests;

/// <summary>Compile-and-run: for every metric and every member type the contract lists, the generated
/// <c>Similarity</c> equals the runtime kernel called directly, and hand-computed values.</summary>
public sealed class MetricAgreementTests
{
    // One single-feature persona type per (metric, member type); the feature is always called V.
    private static readonly (string Name, string Metric, string Type)[] Types =
    {
        ("CosFloatArray", "Cosine", "float[]?"),
        ("CosDoubleArray", "Cosine", "double[]?"),
        ("CosMemory", "Cosine", "System.ReadOnlyMemory<float>"),
        ("CosNullableMemory", "Cosine", "System.ReadOnlyMemory<float>?"),
        ("CosReadOnlyListFloat", "Cosine", "IReadOnlyList<float>?"),
        ("CosListDouble", "Cosine", "List<double>?"),
        ("CosImmutable", "Cosine", "ImmutableArray<double>"),
        ("PearsonDictionary", "Pearson", "Dictionary<string, double>?"),
        ("PearsonReadOnly", "Pearson", "IReadOnlyDictionary<int, double>?"),
        ("JaccardHashSet", "Jaccard", "HashSet<string>?"),
        ("JaccardISet", "Jaccard", "ISet<string>?"),
        ("JaccardReadOnlySet", "Jaccard", "IReadOnlySet<string>?"),
        ("JaccardArray", "Jaccard", "int[]?"),
        ("JaccardList", "Jaccard", "IReadOnlyList<string>?"),
        ("JaccardSequence", "Jaccard", "IEnumerable<string>?"),
        ("JaccardImmutable", "Jaccard", "ImmutableArray<int>"),
        ("CatString", "Categorical", "string?"),
        ("CatEnum", "Categorical", "System.DayOfWeek"),
        ("CatNullableEnum", "Categorical", "System.DayOfWeek?"),
        ("CatBool", "Categorical", "bool"),
        ("CatLong", "Categorical", "long?"),
        ("GaussInt", "Gaussian", "int"),
        ("GaussDouble", "Gaussian", "double?"),
        ("GaussDecimal", "Gaussian", "decimal"),
        ("JsArray", "JensenShannon", "double[]?"),
        ("JsFloatArray", "JensenShannon", "float[]?"),
        ("JsDictionary", "JensenShannon", "IReadOnlyDictionary<string, double>?"),
    };

    private static readonly System.Lazy<GeneratedGuards> Guards = new(() =>
    {
        var source = new System.Text.StringBuilder("""
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using PersonaAnalyzers;
            namespace Matrix
            {

            """);
        foreach (var (name, metric, type) in Types)
        {
            var scale = metric == "Gaussian" ? ", Scale = 2" : "";
            source.AppendLine($"    [PersonaProfile] public class {name} {{ [PersonaFeature(SimilarityMetric.{metric}{scale})] public {type} V {{ get; set; }} }}");
        }
        source.AppendLine("}");
        return GeneratedGuards.Compile(source.ToString());
    });

    private static double Generated(string type, object? a, object? b)
    {
        var guards = Guards.Value;
        return guards.Similarity($"Matrix.{type}Guard", guards.Profile($"Matrix.{type}", ("V", a)), guards.Profile($"Matrix.{type}", ("V", b)));
    }

    [Fact]
    public void Cosine_agrees_with_the_kernel_for_every_vector_type()
    {
        float[] fa = { 1, 2, 3, -1 }, fb = { 2, 1, 0, 1 };
        double[] da = { 1, 2, 3, -1 }, db = { 2, 1, 0, 1 };
        var expected = SimilarityKernels.Cosine(fa, fb);
        Assert.Equal(expected, Generated("CosFloatArray", fa, fb), 12);
        Assert.Equal(SimilarityKernels.Cosine(da, db), Generated("CosDoubleArray", da, db), 12);
        Assert.Equal(expected, Generated("CosMemory", new System.ReadOnlyMemory<float>(fa), new System.ReadOnlyMemory<float>(fb)), 12);
        Assert.Equal(expected, Generated("CosNullableMemory", (System.ReadOnlyMemory<float>?)fa, (System.ReadOnlyMemory<float>?)fb), 12);
        Assert.Equal(expected, Generated("CosReadOnlyListFloat", new List<float>(fa), new List<float>(fb)), 6);
        Assert.Equal(SimilarityKernels.Cosine(da, db), Generated("CosListDouble", new List<double>(da), new List<double>(db)), 12);
        Assert.Equal(SimilarityKernels.Cosine(da, db), Generated("CosImmutable", ImmutableArray.Create(da), ImmutableArray.Create(db)), 12);
        // Hand-computed: cos 45° = √2/2; opposite vectors clamp at 0.
        Assert.Equal(System.Math.Sqrt(0.5), Generated("CosDoubleArray", new double[] { 1, 0 }, new double[] { 1, 1 }), 12);
        Assert.Equal(0, Generated("CosDoubleArray", new double[] { 1, 0 }, new double[] { -1, 0 }));
    }

    [Fact]
    public void Pearson_agrees_with_the_kernel_over_co_rated_keys()
    {
        var a = new Dictionary<string, double> { ["x"] = 1, ["y"] = 2, ["z"] = 3, ["only-a"] = 5 };
        var b = new Dictionary<string, double> { ["x"] = 2, ["y"] = 4, ["z"] = 5, ["only-b"] = 1 };
        Assert.Equal(SimilarityKernels.Pearson<string>(a, b), Generated("PearsonDictionary", a, b), 12);
        // Hand-computed: (1,2,3) vs (2,4,6) correlate perfectly.
        IReadOnlyDictionary<int, double> p = new Dictionary<int, double> { [1] = 1, [2] = 2, [3] = 3 };
        IReadOnlyDictionary<int, double> q = new Dictionary<int, double> { [1] = 2, [2] = 4, [3] = 6 };
        Assert.Equal(1, Generated("PearsonReadOnly", p, q), 12);
    }

    [Fact]
    public void Jaccard_agrees_with_the_kernel_for_sets_and_sequences()
    {
        string[] a = { "a", "b", "c" }, b = { "b", "c", "d", "d" };
        var expected = 0.5; // {b, c} of {a, b, c, d}
        Assert.Equal(expected, SimilarityKernels.Jaccard<string>(a, b), 12);
        Assert.Equal(expected, Generated("JaccardHashSet", new HashSet<string>(a), new HashSet<string>(b)), 12);
        Assert.Equal(expected, Generated("JaccardISet", new SortedSet<string>(a), new SortedSet<string>(b)), 12);
        Assert.Equal(expected, Generated("JaccardReadOnlySet", new HashSet<string>(a), new HashSet<string>(b)), 12);
        Assert.Equal(expected, Generated("JaccardList", new List<string>(a), new List<string>(b)), 12);
        Assert.Equal(expected, Generated("JaccardSequence", new Queue<string>(a), new Queue<string>(b)), 12);
        Assert.Equal(1.0 / 3, Generated("JaccardArray", new[] { 1, 2 }, new[] { 2, 3 }), 12);
        Assert.Equal(1.0 / 3, Generated("JaccardImmutable", ImmutableArray.Create(1, 2), ImmutableArray.Create(2, 3)), 12);
    }

    [Fact]
    public void Categorical_is_equality_for_strings_enums_bools_and_integers()
    {
        Assert.Equal(1, Generated("CatString", "fr", "fr"));
        Assert.Equal(0, Generated("CatString", "fr", "FR")); // ordinal
        Assert.Equal(1, Generated("CatEnum", System.DayOfWeek.Monday, System.DayOfWeek.Monday));
        Assert.Equal(0, Generated("CatEnum", System.DayOfWeek.Monday, System.DayOfWeek.Friday));
        Assert.Equal(1, Generated("CatNullableEnum", (System.DayOfWeek?)System.DayOfWeek.Monday, (System.DayOfWeek?)System.DayOfWeek.Monday));
        Assert.Equal(0, Generated("CatBool", true, false));
        Assert.Equal(1, Generated("CatLong", (long?)42, (long?)42));
    }

    [Fact]
    public void Gaussian_is_exp_of_minus_squared_scaled_distance()
    {
        // |3 − 5| / 2 = 1 → e^−1.
        Assert.Equal(System.Math.Exp(-1), Generated("GaussInt", 3, 5), 12);
        Assert.Equal(SimilarityKernels.Gaussian(1.5, 4.25, 2), Generated("GaussDouble", (double?)1.5, (double?)4.25), 12);
        Assert.Equal(System.Math.Exp(-1), Generated("GaussDecimal", 3m, 5m), 12);
    }

    [Fact]
    public void JensenShannon_agrees_with_the_kernel_for_arrays_and_maps()
    {
        double[] p = { 0.5, 0.5, 0 }, q = { 0, 0.5, 0.5 };
        Assert.Equal(SimilarityKernels.JensenShannon(p, q), Generated("JsArray", p, q), 12);
        Assert.Equal(SimilarityKernels.JensenShannon(p, q), Generated("JsFloatArray", new float[] { 0.5f, 0.5f, 0 }, new float[] { 0, 0.5f, 0.5f }), 6);
        // Disjoint distributions are 1 bit apart: similarity 0. Identical ones: 1.
        IReadOnlyDictionary<string, double> x = new Dictionary<string, double> { ["a"] = 1 };
        IReadOnlyDictionary<string, double> y = new Dictionary<string, double> { ["b"] = 1 };
        Assert.Equal(0, Generated("JsDictionary", x, y), 12);
        Assert.Equal(1, Generated("JsDictionary", x, x), 12);
    }

    [Theory]
    [InlineData("CosFloatArray")]
    [InlineData("CosListDouble")]
    [InlineData("PearsonDictionary")]
    [InlineData("JaccardHashSet")]
    [InlineData("JaccardSequence")]
    [InlineData("CatString")]
    [InlineData("CatNullableEnum")]
    [InlineData("GaussDouble")]
    [InlineData("JsArray")]
    public void A_feature_missing_on_either_side_drops_out_and_leaves_similarity_zero(string type)
    {
        // Null on one side (the other side has a value or is null too): no feature present, similarity 0 — not an exception.
        Assert.Equal(0, Generated(type, null, null));
    }

    [Fact]
    public void Empty_collections_count_as_missing()
    {
        Assert.Equal(0, Generated("CosFloatArray", System.Array.Empty<float>(), new float[] { 1 }));
        Assert.Equal(0, Generated("JaccardHashSet", new HashSet<string>(), new HashSet<string>()));
        Assert.Equal(0, Generated("JaccardImmutable", default(ImmutableArray<int>), ImmutableArray.Create(1)));
        Assert.Equal(0, Generated("CosMemory", System.ReadOnlyMemory<float>.Empty, new System.ReadOnlyMemory<float>(new float[] { 1 })));
        Assert.Equal(0, Generated("CatString", "", "fr"));
    }

    [Fact]
    public void Bad_values_throw_the_kernels_argument_exception()
    {
        var e = Assert.Throws<System.ArgumentException>(() => Generated("CosFloatArray", new float[] { 1, 2 }, new float[] { 1 }));
        Assert.StartsWith("The feature 'V' of CosFloatArray holds a bad value: Mismatched dimensions", e.Message);
        Assert.IsType<System.ArgumentException>(e.InnerException);
        var nan = Assert.Throws<System.ArgumentException>(() => Generated("GaussDouble", (double?)double.NaN, (double?)1));
        Assert.Contains("'V'", nan.Message);
        Assert.Contains("NaN", nan.Message);
    }
}
