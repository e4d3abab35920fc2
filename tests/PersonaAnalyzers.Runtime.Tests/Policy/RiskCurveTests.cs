using CsCheck;
using MathNet.Numerics.Interpolation;

namespace PersonaAnalyzers.Runtime.Tests.Policy;

public class RiskCurveTests
{
    /// <summary>2..8 strictly increasing knots in [0, 1] with errors in [0, 2].</summary>
    private static readonly Gen<(double[] X, double[] Y)> Knots =
        Gen.Double.Unit.Array[2, 8].Select(xs => xs.Distinct().Order().ToArray()).Where(xs => xs.Length >= 2)
            .SelectMany(xs => Gen.Double[0, 2].Array[xs.Length].Select(ys => (xs, ys)));

    [Fact]
    public void Interpolates_like_MathNet_linear_spline_between_knots_and_is_flat_beyond() =>
        Gen.Select(Knots, Gen.Double.Unit).Sample((knots, s) =>
        {
            var (xs, ys) = knots;
            var curve = new RiskCurve(xs, ys);
            var expected = s <= xs[0] ? ys[0] : s >= xs[^1] ? ys[^1] : LinearSpline.InterpolateSorted(xs, ys).Interpolate(s);
            Assert.Equal(expected, curve.ExpectedRelativeError(s), 1e-12);
        });

    [Fact]
    public void Remap_moves_the_thresholds_and_keeps_the_values_there()
    {
        var from = SimilarityBands.Default;
        var to = new SimilarityBands(0.7, 0.2);
        var remapped = RiskCurve.Default.Remap(from, to);
        Assert.Equal(RiskCurve.Default.ExpectedRelativeError(from.Distant), remapped.ExpectedRelativeError(to.Distant), 12);
        Assert.Equal(RiskCurve.Default.ExpectedRelativeError(from.NearMatch), remapped.ExpectedRelativeError(to.NearMatch), 12);
        // Half-way through the moderate band maps to half-way through the moderate band.
        Assert.Equal(RiskCurve.Default.ExpectedRelativeError((from.Distant + from.NearMatch) / 2), remapped.ExpectedRelativeError((to.Distant + to.NearMatch) / 2), 12);
        Assert.Same(RiskCurve.Default, RiskCurve.Default.Remap(from, from));
    }

    [Fact]
    public void Bad_knots_throw_naming_the_problem()
    {
        Assert.Contains("at least two", Assert.Throws<ArgumentException>(() => new RiskCurve(new[] { 0.5 }, new[] { 1.0 })).Message, StringComparison.Ordinal);
        Assert.Contains("Mismatched", Assert.Throws<ArgumentException>(() => new RiskCurve(new[] { 0.1, 0.5 }, new[] { 1.0 })).Message, StringComparison.Ordinal);
        Assert.Contains("similarities[1]", Assert.Throws<ArgumentException>(() => new RiskCurve(new[] { 0.5, 0.5 }, new[] { 1.0, 1.0 })).Message, StringComparison.Ordinal);
        Assert.Equal("similarities[0]", Assert.Throws<ArgumentException>(() => new RiskCurve(new[] { double.NaN, 0.5 }, new[] { 1.0, 1.0 })).ParamName);
        Assert.Equal("relativeErrors[1]", Assert.Throws<ArgumentException>(() => new RiskCurve(new[] { 0.1, 0.5 }, new[] { 1.0, -1.0 })).ParamName);
        Assert.Equal("relativeErrors[0]", Assert.Throws<ArgumentException>(() => new RiskCurve(new[] { 0.1, 0.5 }, new[] { double.PositiveInfinity, 1.0 })).ParamName);
        Assert.Equal("similarity", Assert.Throws<ArgumentException>(() => RiskCurve.Default.ExpectedRelativeError(double.NaN)).ParamName);
    }
}
