using PersonaAnalyzers.Generator.Model;

namespace PersonaAnalyzers.Generator.Emit;

/// <summary>Writes one feature's similarity method: read the member from both profiles, return null when either
/// lacks it (null or empty), else call the metric's runtime kernel. One template per <see cref="ShapeKind"/>.</summary>
internal static class FeatureWriter
{
    private const string Kernels = "global::PersonaAnalyzers.SimilarityKernels";

    /// <summary>The private method's name: <c>{Member}Similarity</c>.</summary>
    public static string MethodName(FeatureModel feature) => feature.MemberName.TrimStart('@') + "Similarity";

    /// <summary>How the feature is described in comments: <c>Cosine similarity of Embedding (float[], weight 2)</c>.</summary>
    public static string Describe(FeatureModel feature)
    {
        var extras = feature.Metric == MetricKind.Gaussian ? $", scale {Literals.Number(feature.Scale)}" : "";
        if (feature.Shrinkage > 0) extras += $", shrinkage {Literals.Number(feature.Shrinkage)}";
        return $"{feature.Metric} similarity of <c>{feature.MemberName.TrimStart('@')}</c> ({Literals.Xml(feature.MemberType)}, weight {Literals.Number(feature.Weight)}{extras})";
    }

    public static void Write(CodeWriter w, FeatureModel feature, string profileType)
    {
        w.Line($"/// <summary>{Describe(feature)}, or null when either profile lacks it.</summary>");
        w.Line(GuardWriter.AggressiveInlining);
        using (w.Block($"private static double? {MethodName(feature)}({profileType} a, {profileType} b)"))
        {
            var shape = feature.Shape;
            var member = feature.MemberName;
            switch (shape.Kind)
            {
                case ShapeKind.Span:
                    var unwrap = shape.IsNullableValue ? ".GetValueOrDefault()" : "";
                    w.Line($"global::System.ReadOnlySpan<{shape.ElementType}> x = a.{member}{unwrap}{shape.SpanAccess};");
                    w.Line($"global::System.ReadOnlySpan<{shape.ElementType}> y = b.{member}{unwrap}{shape.SpanAccess};");
                    w.Line("if (x.IsEmpty || y.IsEmpty) return null;");
                    Return(w, feature, KernelCall(feature, "x", "y"));
                    break;

                case ShapeKind.Collection:
                    w.Line($"var x = a.{member};");
                    w.Line($"var y = b.{member};");
                    w.Line($"if ({Missing(shape, "x")} || {Missing(shape, "y")}) return null;");
                    Return(w, feature, KernelCall(feature, Value(shape, "x"), Value(shape, "y")));
                    break;

                case ShapeKind.String:
                    w.Line($"var x = a.{member};");
                    w.Line($"var y = b.{member};");
                    w.Line("if (string.IsNullOrEmpty(x) || string.IsNullOrEmpty(y)) return null;");
                    w.Line($"return {Kernels}.Categorical(x, y);"); // ordinal equality cannot fail
                    break;

                case ShapeKind.Scalar when shape.IsNullableValue:
                    w.Line($"var x = a.{member};");
                    w.Line($"var y = b.{member};");
                    w.Line("if (x is null || y is null) return null;");
                    Return(w, feature, KernelCall(feature, "x.GetValueOrDefault()", "y.GetValueOrDefault()"));
                    break;

                default:
                    Return(w, feature, KernelCall(feature, $"a.{member}", $"b.{member}"));
                    break;
            }
        }
    }

    /// <summary>Returns the kernel's result; a bad value (NaN, ∞, mismatched lengths) is rethrown naming the feature,
    /// since the kernel can only name its own parameters.</summary>
    private static void Return(CodeWriter w, FeatureModel feature, string call)
    {
        using (w.Block("try"))
            w.Line($"return {call};");
        using (w.Block("catch (global::System.ArgumentException e)"))
            w.Line($"throw BadFeature(\"{feature.MemberName.TrimStart('@')}\", e);");
    }

    private static string Value(FeatureShape shape, string local) => shape.IsNullableValue ? local + ".GetValueOrDefault()" : local;

    private static string Missing(FeatureShape shape, string local)
    {
        var value = Value(shape, local);
        var empty = shape.CountExpression.Length == 0
            ? $"!global::System.Linq.Enumerable.Any({value})"
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, shape.CountExpression, value) + " == 0";
        return shape.CanBeNull || shape.IsNullableValue ? $"{local} is null || {empty}" : empty;
    }

    private static string KernelCall(FeatureModel feature, string x, string y)
    {
        var shape = feature.Shape;
        var shrinkage = feature.Shrinkage == 0 ? "" : ", " + Literals.Double(feature.Shrinkage);
        switch (feature.Metric)
        {
            case MetricKind.Cosine:
                return shape.KernelArgumentType.Length == 0
                    ? $"{Kernels}.Cosine({x}, {y})"
                    : $"{Kernels}.Cosine(({shape.KernelArgumentType}){x}, ({shape.KernelArgumentType}){y})";
            case MetricKind.Pearson:
                return $"{Kernels}.Pearson<{shape.ElementType}>({x}, {y}{shrinkage})";
            case MetricKind.Jaccard:
                return $"{Kernels}.Jaccard<{shape.ElementType}>({x}, {y}{shrinkage})";
            case MetricKind.JensenShannon:
                return shape.Kind == ShapeKind.Span
                    ? $"{Kernels}.JensenShannon({x}, {y})"
                    : $"{Kernels}.JensenShannon<{shape.ElementType}>({x}, {y})";
            case MetricKind.Gaussian:
                var cast = shape.NeedsDoubleCast ? "(double)" : "";
                return $"{Kernels}.Gaussian({cast}{x}, {cast}{y}, {Literals.Double(feature.Scale)})";
            default:
                return $"{Kernels}.Categorical<{shape.ElementType}>({x}, {y})";
        }
    }
}
