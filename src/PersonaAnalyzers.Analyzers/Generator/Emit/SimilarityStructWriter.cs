using System.Collections.Generic;
using System.Linq;
using PersonaAnalyzers.Generator.Model;

namespace PersonaAnalyzers.Generator.Emit;

/// <summary>Writes <c>{T}Similarity</c>, what <c>Explain</c> returns: one <c>double</c> per feature, named after it,
/// plus <c>Overall</c>.</summary>
internal static class SimilarityStructWriter
{
    /// <summary>The constructor's parameter names, one per feature then <c>overall</c>: camelCase, unique, never a keyword.</summary>
    public static IReadOnlyList<string> ParameterNames(PersonaTypeModel type)
    {
        var names = new List<string>(new NameScope(new[] { "overall" }).Declare(type.Features.Select(f => f.PropertyName).ToList()));
        names.Add("overall");
        return names;
    }

    public static void Write(CodeWriter w, PersonaTypeModel type)
    {
        var accessibility = type.IsPublic ? "public" : "internal";
        var names = ParameterNames(type);
        var features = type.Features;

        w.Line($"/// <summary>The per-feature similarities of two <see cref=\"{type.FullyQualifiedName}\"/> profiles, from <c>{type.GuardName}.Explain</c>.");
        w.Line("/// A feature missing in either profile is <see cref=\"double.NaN\"/> and does not enter <see cref=\"Overall\"/>.</summary>");
        w.Line(GuardWriter.GeneratedCodeAttribute);
        using (w.Block($"{accessibility} readonly struct {type.SimilarityName}"))
        {
            var parameters = string.Join(", ", names.Select(n => "double " + n));
            using (w.Block($"internal {type.SimilarityName}({parameters})"))
            {
                // A parameter hides a property of its name (a lower-case feature such as @event, or topics next to
                // Topics, whose parameter is topics2): qualify such a property.
                var parameterNames = new HashSet<string>(names.Select(n => n.TrimStart('@')), System.StringComparer.Ordinal);
                for (var i = 0; i < features.Count; i++)
                {
                    var target = parameterNames.Contains(features[i].PropertyName.TrimStart('@')) ? "this." : "";
                    w.Line($"{target}{features[i].PropertyName} = {names[i]};");
                }
                w.Line($"Overall = {names[names.Count - 1]};");
            }

            foreach (var feature in features)
            {
                w.Line();
                w.Line($"/// <summary>{FeatureWriter.Describe(feature)}; NaN when either profile lacks it.</summary>");
                w.Line($"public double {feature.PropertyName} {{ get; }}");
            }

            w.Line();
            w.Line("/// <summary>The profile similarity: the weighted mean over the features present in both profiles, 0 when none is.</summary>");
            w.Line("public double Overall { get; }");
            w.Line();

            var parts = features.Select((f, i) => $"\"{(i == 0 ? "" : ", ")}{f.PropertyName.TrimStart('@')} \" + FormatScore({f.PropertyName})");
            w.Line("/// <summary>Each feature's similarity (n/a when missing) and the overall one.</summary>");
            w.Line("public override string ToString() =>");
            w.Line($"    {string.Join(" + ", parts)} + \"; Overall \" + FormatScore(Overall);");
            w.Line();
            w.Line("private static string FormatScore(double value) =>");
            w.Line("    double.IsNaN(value) ? \"n/a\" : value.ToString(\"0.###\", global::System.Globalization.CultureInfo.InvariantCulture);");
        }
    }
}
