#!/usr/bin/env bash
# Measures the substitution analyzers' share of a compile: generates a 1,000-file personalization project in a temp
# directory, builds it with -p:ReportAnalyzer=true -bl, and prints the analyzers' time (the compiler's own report)
# against the Csc task's time (MSBuild's performance summary). Usage:
#   tests/perf/analyzer-time.sh [files=1000] [runs=3] [work-dir=mktemp] [persona-every=10] [compiler-server=true]
# compiler-server=true (the SDK's default) compiles in the shared compiler server, started fresh: run 1 loads and
# JIT-compiles the analyzers, later runs find them warm, as a developer's second build does. false runs csc in a new
# process per build (what CI machines that set UseSharedCompilation=false do): every run pays the JIT.
# runs=0 only writes the project (for tests/perf/AnalyzerProfile, the in-process profile of the same sources).
# Every persona-every-th file is personalization code dense with what the rules look at (checked and unchecked
# substitutes, async, iterators, MaxBy, thresholds); the others are ordinary service code with LINQ, lambdas, loops,
# comparisons and async. persona-every=1 gives the worst case: every file dense with substitutes.
# Prints one line per run and a median; the binlog and text log of each run stay in the work dir.
set -euo pipefail
files=${1:-1000}
runs=${2:-3}
work=${3:-$(mktemp -d -t persona-perf.XXXXXX)}
every=${4:-10}
shared=${5:-true}
[[ "$shared" == true || "$shared" == false ]] || { echo "perf: compiler-server must be true or false, not '$shared'" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$root/src/PersonaAnalyzers.Analyzers" -c Release -v:q -nologo >/dev/null
dotnet build "$root/src/PersonaAnalyzers.Runtime" -c Release -v:q -nologo >/dev/null
analyzer="$root/src/PersonaAnalyzers.Analyzers/bin/Release/netstandard2.0/PersonaAnalyzers.Analyzers.dll"
runtime=$(ls "$root"/src/PersonaAnalyzers.Runtime/bin/Release/net8.0/PersonaAnalyzers.Runtime.dll)

mkdir -p "$work/src"
cat >"$work/Perf.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <!-- Only the compiler and the analyzers under test: the ratio is against a plain compile. -->
    <EnableNETAnalyzers>false</EnableNETAnalyzers>
    <EnforceCodeStyleInBuild>false</EnforceCodeStyleInBuild>
    <NoWarn>\$(NoWarn);CS1998;CS0169;CS0414;CS8618</NoWarn>
    <!-- The PERSONA warnings stay on: the compiler skips analyzers whose every rule is suppressed. -->
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="PersonaAnalyzers.Runtime" HintPath="$runtime" />
    <Analyzer Include="$analyzer" />
  </ItemGroup>
</Project>
XML

# ReaderGuard (Similarity, Classify, Assess, SafestSubstitute) comes from the guard generator, which ships in the
# analyzer assembly: its time is reported in the compiler's generator table, not in the analyzers' line read below.
cat >"$work/src/Model.cs" <<'CS'
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using PersonaAnalyzers;

namespace Perf;

[PersonaProfile]
public sealed class Reader
{
    [PersonaKey] public string Id { get; set; } = "";
    [PersonaFeature(SimilarityMetric.Cosine)] public double[] Topics { get; set; } = Array.Empty<double>();
    public string Summary { get; set; } = "";
    public List<string> Purchases { get; } = new();
}

public interface IReaderIndex
{
    [ProfileSubstitute] Reader Lookalike(Reader target);
    Reader? FindNearest(Reader target);
    IReadOnlyList<Reader> NearestNeighbours(Reader target, int k);
    Task<Reader?> FindNearestAsync(Reader target);
}
CS

for i in $(seq 1 "$files"); do
if (( i % every != 0 )); then
cat >"$work/src/Service$i.cs" <<CS
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace Perf.Service$i;

public sealed record Order$i(string Id, string Customer, decimal Total, DateTime Placed, IReadOnlyList<string> Items);

public sealed class OrderService$i
{
    private readonly List<Order$i> _orders = new();
    private readonly Dictionary<string, decimal> _totals = new();

    public void Add(Order$i order)
    {
        if (order is null) throw new ArgumentNullException(nameof(order));
        _orders.Add(order);
        _totals[order.Customer] = _totals.TryGetValue(order.Customer, out var t) ? t + order.Total : order.Total;
    }

    public Order$i? Largest() => _orders.MaxBy(o => o.Total);

    public IEnumerable<Order$i> Recent(DateTime since) =>
        _orders.Where(o => o.Placed >= since).OrderByDescending(o => o.Placed).Take(10);

    public string Report()
    {
        var builder = new StringBuilder();
        foreach (var group in _orders.GroupBy(o => o.Customer).OrderBy(g => g.Key))
        {
            var total = group.Sum(o => o.Total);
            builder.Append(group.Key).Append(": ").Append(total > 100m ? "gold" : "standard").AppendLine();
        }
        return builder.ToString();
    }

    public async Task<decimal> AverageAsync()
    {
        await Task.Yield();
        decimal best = 0;
        foreach (var order in _orders)
        {
            if (order.Total > best)
                best = order.Total;
        }
        return _orders.Count == 0 ? 0 : _orders.Average(o => o.Total) + best * 0m;
    }

    public IEnumerable<string> Items()
    {
        foreach (var order in _orders)
            foreach (var item in order.Items)
                if (item.Length > $i % 5)
                    yield return item;
    }

    public string Classify(Order$i order) => order.Total switch
    {
        > 1000m => "large",
        > 100m => "medium",
        _ => "small",
    };

    public double Ratio(int a, int b)
    {
        var ratio = b == 0 ? 0.0 : (double)a / b;
        if (ratio >= 0.9 && a > $i)
            return ratio;
        Func<double, double> scale = x => x * $i;
        return scale(ratio);
    }
}
CS
continue
fi
cat >"$work/src/Feature$i.cs" <<CS
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using PersonaAnalyzers;

namespace Perf.Feature$i;

public sealed class Service$i
{
    private readonly IReaderIndex _index;
    private readonly List<Reader> _pool = new();
    private readonly Dictionary<string, int> _counts = new();

    public Service$i(IReaderIndex index) => _index = index;

    public string Checked(Reader user)
    {
        var other = _index.FindNearest(user);
        if (other is null || !ReaderGuard.Assess(user, other).IsSafe)
            return user.Summary;
        return other.Summary + " $i";
    }

    public string Unchecked(Reader user) => _index.Lookalike(user).Summary;

    public async Task<string?> Async(Reader user)
    {
        var other = await _index.FindNearestAsync(user);
        return other is not null && ReaderGuard.Classify(user, other) is SimilarityBand.Moderate ? other.Summary : null;
    }

    public Reader? Nearest(Reader user) => _pool.MaxBy(c => ReaderGuard.Similarity(user, c));

    public string? Threshold(Reader user, Reader candidate) =>
        ReaderGuard.Similarity(user, candidate) >= 0.9 ? candidate.Summary : null;

    public IEnumerable<string> Each(Reader user)
    {
        foreach (var other in _index.NearestNeighbours(user, 3))
        {
            switch (ReaderGuard.Classify(user, other))
            {
                case SimilarityBand.Moderate:
                    yield return other.Summary;
                    break;
            }
        }
    }

    public int Count(string key)
    {
        _counts.TryGetValue(key, out var n);
        _counts[key] = n + 1;
        return n + $i;
    }

    public string Format(IEnumerable<int> values)
    {
        var builder = new StringBuilder();
        foreach (var v in values.Where(v => v % 2 == 0).OrderBy(v => v))
            builder.Append(v).Append(',');
        return builder.ToString();
    }

    public double Mean(IReadOnlyList<double> xs)
    {
        double sum = 0;
        for (var k = 0; k < xs.Count; k++)
            sum += xs[k] * ($i % 7 + 1);
        return xs.Count == 0 ? 0 : sum / xs.Count;
    }

    public string Describe(object o) => o switch
    {
        int n when n > $i => "big",
        int => "small",
        string s => s.ToUpperInvariant(),
        _ => "other",
    };
}
CS
done

if (( runs == 0 )); then echo "generated $files files in $work/src"; exit 0; fi
dotnet restore "$work/Perf.csproj" -v:q -nologo >/dev/null
uname -a >"$work/machine.txt"; echo "nproc: $(nproc)" >>"$work/machine.txt"; grep -m1 "model name" /proc/cpuinfo >>"$work/machine.txt"
ratios=()
[ "$shared" == true ] && dotnet build-server shutdown >/dev/null 2>&1
for run in $(seq 1 "$runs"); do
  log="$work/build$run.log"
  UseSharedCompilation=$shared dotnet build "$work/Perf.csproj" -c Release --no-restore --no-incremental -nologo -p:ReportAnalyzer=true \
    -p:UseSharedCompilation="$shared" \
    -bl:"$work/build$run.binlog" -v:d -clp:PerformanceSummary >"$log"
  # The compiler's ReportAnalyzer table: the analyzer assembly's line carries the total for our four analyzers.
  ours=$(grep -E '^\s+[0-9.<]+\s+[0-9<]+\s+PersonaAnalyzers\.Analyzers, Version' "$log" | head -n1 | awk '{print $1}' | tr -d '<')
  csc_ms=$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$log" | head -n1 | awk '{print $1}')
  [ -n "$ours" ] && [ -n "$csc_ms" ] || { echo "perf: could not read the analyzer or Csc time from $log" >&2; exit 1; }
  ratio=$(awk -v a="$ours" -v c="$csc_ms" 'BEGIN { printf "%.3f", 100 * a * 1000 / c }')
  ratios+=("$ratio")
  echo "run $run: PersonaAnalyzers ${ours}s, Csc ${csc_ms} ms, analyzers ${ratio}% of the compile"
  grep -E '^\s+[0-9.<]+\s+[0-9<]+\s+PersonaAnalyzers\.Substitution\.' "$log" | sed 's/^/    /'
done
median_of() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
median=$(median_of "${ratios[@]}")
echo "median: analyzers ${median}% of the compile ($files files, every ${every}th dense with persona code, $runs runs, compiler server $shared; logs in $work)"
# In a fresh server, run 1 runs the analyzers at tier 0 and runs 2-3 while the JIT still promotes the compiler's and
# the analyzers' code; a developer's later builds look like runs 4 on.
if [[ "$shared" == true && "$runs" -ge 4 ]]; then
  echo "median of the warm builds (runs 4-$runs): analyzers $(median_of "${ratios[@]:3}")% of the compile"
fi
