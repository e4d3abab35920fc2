using System.Text;

namespace PersonaAnalyzers.Analyzers.Tests.Robustness;

/// <summary>A generated file with every construct the substitution rules look at — sources, uses, checks,
/// selections, thresholds — in many combinations: lambdas, local functions, async, iterators, switch expressions,
/// patterns, try/finally, nested loops; and after them a verdict kept in a property, a manual enumerator loop and a
/// stream of search hits.</summary>
internal static class StressSource
{
    private static readonly string[] Sources =
    {
        "index.FindNearest(user)", "index.Lookalike(user)", "index.FallbackPersona", "(await index.FindNearestAsync(user))",
        "index.NearestNeighbours(user, 3).First()", "index.NearestNeighbours(user, 3)[0]", "index.NearestNeighbours(user, 3).ElementAtOrDefault(1)",
        "((Func<Reader, Reader?>)index.FindNearest)(user)", "(index.FindNearest(user) is { } found ? found : null)",
        "(await Task.WhenAll(pool.Select(c => index.FindNearestAsync(c))))[0]", "(from n in index.NearestNeighbours(user, 3) select n).First()",
        "(await Task.Run(() => index.FindNearest(user)))", "new Queue<Reader>(index.NearestNeighbours(user, 3)).Peek()",
        "index.FindNearestAsync(user).Result", "index.NearestNeighbours(user, 3).Select(n => n).Where(n => n.Id != user.Id).First()",
        "pool.Select(c => (User: c, Twin: index.FindNearest(c))).First().Twin",
        "pool.MaxBy(c => ReaderGuard.Similarity(user, c))", "pool.OrderByDescending(c => ReaderGuard.Similarity(user, c)).FirstOrDefault()",
    };

    private static readonly string[] Uses =
    {
        "return {0};", "cached = {0};", "pool.Add({0}!);", "sink = Render.Prompt({0}!);", "sink = {0}?.Summary;",
        "Func<string?> f = () => {0}?.Summary; sink = f();", "sink = $\"{{{0}?.Summary}}\";", "var arr = new[] {{ {0} }}; sink = arr;",
    };

    private static readonly string[] Guards =
    {
        "", "if ({0} is null || ReaderGuard.Classify(user, {0}) != SimilarityBand.Moderate) return null;",
        "if (!ReaderGuard.TrySubstitute(user, {0}!, out var v)) return null;", "ReaderGuard.EnsureSafe(user, {0}!);",
        "switch (ReaderGuard.Classify(user, {0}!)) {{ case SimilarityBand.Moderate: break; default: return null; }}",
        "if (ReaderGuard.Similarity(user, {0}!) > 0.9) return null;", "ReaderGuard.Classify(user, {0}!);",
        "var verdict = ReaderGuard.Assess(user, {0}!); if (!verdict.IsSafe) return null;",
        "if ((ReaderGuard.Classify(user, {0}!) switch {{ SimilarityBand.Moderate => true, _ => false }}) is false) return null;",
        "if ({0} is null || ReaderGuard.Classify(user, {0}) == SimilarityBand.NearMatch || ReaderGuard.Classify(user, {0}) == SimilarityBand.Distant) return null;",
        "if ({0} is null || ReaderGuard.Classify(user, {0}) == SimilarityBand.Distant) return null;",
        "if ({0} is null || !await Task.Run(() => ReaderGuard.Assess(user, {0}).IsSafe)) return null;",
    };

    /// <summary>Every combination when <paramref name="stride"/> is 1; every stride-th one otherwise.</summary>
    /// <summary>Guards that count as a band check (the others: none, a raw threshold, a discarded check, a band test that
    /// lets near-twins through).</summary>
    public static bool IsCheckingGuard(int guard) => guard is 1 or 2 or 3 or 4 or 7 or 8 or 9 or 11;

    /// <summary>Sources that PERSONA001 tracks (the last two are PERSONA002's selections).</summary>
    public static bool IsTrackedSource(int source) => source < Sources.Length - 2;

    /// <summary>Method <c>M{n}</c>'s source, use and guard indexes.</summary>
    public static IEnumerable<(int N, int Source, int Use, int Guard)> Cases()
    {
        var n = 0;
        for (var source = 0; source < Sources.Length; source++)
        {
            for (var use = 0; use < Uses.Length; use++)
            {
                for (var guard = 0; guard < Guards.Length; guard++)
                    yield return (++n, source, use, guard);
            }
        }
    }

    public static string Generate(int stride = 1)
    {
        var text = new StringBuilder();
        text.AppendLine("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using PersonaAnalyzers;
            using Shop;

            public partial class Stress
            {
                private readonly IReaderIndex index = null!;
                private readonly List<Reader> pool = new();
                private Reader? cached;
                private object? sink;
            """);
        var n = 0;
        foreach (var source in Sources)
        {
            foreach (var use in Uses)
            {
                foreach (var guard in Guards)
                {
                    n++;
                    if (n % stride != 0)
                        continue;
                    var body = new StringBuilder();
                    body.AppendLine($"        var s{n} = {source};");
                    body.AppendLine("        " + string.Format(guard, $"s{n}"));
                    body.AppendLine("        " + string.Format(use, $"s{n}"));
                    if (!use.StartsWith("return", StringComparison.Ordinal))
                        body.AppendLine("        return sink;");
                    var shape = n % 4;
                    text.AppendLine(shape switch
                    {
                        0 => $"    public async Task<object?> M{n}(Reader user)\n    {{\n{body}    }}",
                        1 => $"    public async Task<object?> M{n}(Reader user)\n    {{\n        return await Local(user);\n        async Task<object?> Local(Reader user)\n        {{\n{body}        }}\n    }}",
                        2 => $"    public Func<Reader, Task<object?>> M{n}() => async user =>\n    {{\n{body}    }};",
                        _ => $"    public async Task<object?> M{n}(Reader user)\n    {{\n        try\n        {{\n            for (var i = 0; i < 2; i++)\n            {{\n{body}            }}\n        }}\n        finally {{ sink = null; }}\n        return null;\n    }}",
                    });
                }
            }
        }
        text.AppendLine("""
                public IEnumerable<Reader> Iterate(Reader user)
                {
                    foreach (var other in index.NearestNeighbours(user, 5))
                    {
                        if (ReaderGuard.Classify(user, other) is SimilarityBand.Moderate)
                            yield return other;
                    }
                }

                public Reader? Loop(Reader user)
                {
                    Reader? chosen = null;
                    var best = -1.0;
                    foreach (var c in pool)
                    {
                        var s = ReaderGuard.Similarity(user, c);
                        if (s > best) { best = s; chosen = c; }
                    }
                    var max = pool.Max(c => ReaderGuard.Similarity(user, c));
                    return pool.Where(c => ReaderGuard.Similarity(user, c) == max).FirstOrDefault() ?? chosen;
                }

                public bool Approved { get; private set; }

                public Reader? VerdictInAProperty(Reader user)
                {
                    var other = index.FindNearest(user);
                    if (other is null)
                        return null;
                    Approved = ReaderGuard.Assess(user, other).IsSafe;
                    return Approved ? other : null;
                }

                public List<string> ManualEnumerator(Reader user)
                {
                    var names = new List<string>();
                    using var e = index.NearestNeighbours(user, 5).GetEnumerator();
                    while (e.MoveNext())
                    {
                        if (ReaderGuard.Classify(user, e.Current) != SimilarityBand.Moderate)
                            continue;
                        names.Add(e.Current.Summary);
                    }
                    return names;
                }

                public async Task<string?> SearchHits(Reader user)
                {
                    await foreach (var hit in FindNearestHitsAsync(user))
                    {
                        if (hit.Score > 0.9)
                            return hit.Record.Summary;
                        if (ReaderGuard.TrySubstitute(user, hit.Record, out _))
                            return hit.Record.Summary;
                    }
                    return null;
                }

                private static async IAsyncEnumerable<StressHit> FindNearestHitsAsync(Reader user)
                {
                    await Task.Yield();
                    yield break;
                }
            }

            public sealed record StressHit(Reader Record, double Score);
            """);
        return text.ToString();
    }
}
