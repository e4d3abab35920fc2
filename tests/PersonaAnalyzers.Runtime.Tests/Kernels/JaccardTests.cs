using System.Collections.Immutable;
using CsCheck;

namespace PersonaAnalyzers.Runtime.Tests.Kernels;

public class JaccardTests
{
    [Fact]
    public void Spans_match_the_set_definition_on_both_sides_of_the_in_place_limit() =>
        Gen.Select(Generators.SetPair(maxLength: 300), Generators.Shrinkage).Sample(t =>
        {
            var ((a, b), lambda) = t;
            Assert.Equal(Reference.Jaccard(a, b, lambda), SimilarityKernels.Jaccard<int>(a.AsSpan(), b.AsSpan(), lambda), 1e-12);
        });

    [Fact]
    public void Sets_and_sequences_match_the_set_definition() =>
        Gen.Select(Generators.SetPair(), Generators.Shrinkage).Sample(t =>
        {
            var ((a, b), lambda) = t;
            var expected = Reference.Jaccard(a, b, lambda);
            Assert.Equal(expected, SimilarityKernels.Jaccard(new HashSet<int>(a), new HashSet<int>(b), lambda), 1e-12);
            Assert.Equal(expected, SimilarityKernels.Jaccard(new SortedSet<int>(a), ImmutableHashSet.CreateRange(b), lambda), 1e-12);
            Assert.Equal(expected, SimilarityKernels.Jaccard(a.ToList(), b.Where(_ => true), lambda), 1e-12);
            Assert.Equal(expected, SimilarityKernels.Jaccard((IEnumerable<int>)a, (IEnumerable<int>)b, lambda), 1e-12);
            Assert.Equal(expected, SimilarityKernels.Jaccard(new HashSet<int>(a), b.ToList(), lambda), 1e-12);
        });

    [Fact]
    public void Is_symmetric_and_within_unit_interval() =>
        Gen.Select(Generators.SetPair(maxLength: 300), Generators.Shrinkage).Sample(t =>
        {
            var ((a, b), lambda) = t;
            var ab = SimilarityKernels.Jaccard<int>(a.AsSpan(), b.AsSpan(), lambda);
            Assert.InRange(ab, 0, 1);
            Assert.Equal(ab, SimilarityKernels.Jaccard<int>(b.AsSpan(), a.AsSpan(), lambda));
        });

    [Fact]
    public void Duplicates_do_not_change_the_index() =>
        Gen.Select(Generators.SetPair(), Gen.Int[1, 4]).Sample(t =>
        {
            var ((a, b), copies) = t;
            var repeated = Enumerable.Repeat(a, copies).SelectMany(x => x).Reverse().ToArray();
            Assert.Equal(SimilarityKernels.Jaccard<int>(a.AsSpan(), b.AsSpan()), SimilarityKernels.Jaccard<int>(repeated.AsSpan(), b.AsSpan()), 1e-15);
        });

    [Fact]
    public void A_non_empty_set_is_identical_to_itself_and_to_any_reordering() =>
        Gen.Int[0, 1000].Array[1, 200].Sample(a =>
        {
            Assert.Equal(1, SimilarityKernels.Jaccard<int>(a.AsSpan(), a.AsSpan()));
            Assert.Equal(1, SimilarityKernels.Jaccard<int>(a.AsSpan(), a.OrderBy(x => -x).ToArray().AsSpan()));
        });

    [Fact]
    public void Strings_and_nulls_work_as_elements()
    {
        string?[] a = { "rock", "jazz", null, "jazz" };
        string?[] b = { "jazz", null, "folk" };
        Assert.Equal(2.0 / 4, SimilarityKernels.Jaccard<string?>(a.AsSpan(), b.AsSpan()), 15);
    }

    [Fact]
    public void One_empty_side_scores_zero() =>
        Assert.Equal(0, SimilarityKernels.Jaccard(new HashSet<int> { 1 }, new HashSet<int>()));

    [Fact]
    public void Two_empty_sides_throw_because_the_index_is_undefined()
    {
        Assert.Contains("both empty", Assert.Throws<ArgumentException>(() => SimilarityKernels.Jaccard<int>(ReadOnlySpan<int>.Empty, ReadOnlySpan<int>.Empty)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SimilarityKernels.Jaccard(new HashSet<string>(), new HashSet<string>()));
        Assert.Throws<ArgumentException>(() => SimilarityKernels.Jaccard(new List<string>(), new List<string>()));
    }

    [Fact]
    public void Shrinkage_uses_the_shared_element_count()
    {
        int[] a = { 1, 2, 3 }, b = { 2, 3, 4, 5 };
        Assert.Equal(2.0 / 5 * 2 / (2 + 3), SimilarityKernels.Jaccard<int>(a.AsSpan(), b.AsSpan(), shrinkage: 3), 15);
        Assert.Equal(0, SimilarityKernels.Jaccard<int>(new[] { 1 }.AsSpan(), new[] { 2 }.AsSpan(), shrinkage: 3));
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Bad_shrinkage_throws_naming_it(double lambda)
    {
        Assert.Equal("shrinkage", Assert.Throws<ArgumentException>(() => SimilarityKernels.Jaccard<int>(new[] { 1 }.AsSpan(), new[] { 1 }.AsSpan(), lambda)).ParamName);
        Assert.Equal("shrinkage", Assert.Throws<ArgumentException>(() => SimilarityKernels.Jaccard(new HashSet<int> { 1 }, new HashSet<int> { 1 }, lambda)).ParamName);
    }

    [Fact]
    public void Null_collections_throw_ArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => SimilarityKernels.Jaccard(null!, new HashSet<int>()));
}
