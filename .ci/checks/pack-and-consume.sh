#!/usr/bin/env bash
# Pack the PersonaAnalyzers package into a local folder and consume it from a fresh project that references only
# that package: risky code must raise the PERSONA warnings, guarded code must build clean with warnings as errors
# (which also proves the generator ran: the guarded code calls the generated ReaderProfileGuard), and it must run.
set -uo pipefail
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "pack-and-consume: $*" >&2; exit 1; }

# A unique version per run, so the NuGet cache never serves a stale copy of an earlier pack.
version="0.1.0-ci.$(date +%s)"
dotnet pack src/PersonaAnalyzers.Package -c Release -o "$work/feed" -p:Version="$version" >"$work/pack.log" 2>&1 \
  || { tail -20 "$work/pack.log"; fail "dotnet pack failed"; }
[ -f "$work/feed/PersonaAnalyzers.$version.nupkg" ] || fail "no PersonaAnalyzers.$version.nupkg in the feed"

mkdir -p "$work/app"
cd "$work/app"
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$work/feed" />
  </packageSources>
</configuration>
XML
cat > App.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="PersonaAnalyzers" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > Profiles.cs <<'CS'
using PersonaAnalyzers;

namespace App;

[PersonaProfile]
public sealed class ReaderProfile
{
    [PersonaKey] public string Id { get; init; } = "";
    [PersonaFeature(SimilarityMetric.Cosine)] public float[] Topics { get; init; } = Array.Empty<float>();
}

public sealed class ProfileStore
{
    private readonly List<ReaderProfile> _readers = new()
    {
        new() { Id = "a", Topics = new[] { 1f, 0f, 0f } },
        new() { Id = "b", Topics = new[] { 0.9f, 0.1f, 0f } },
        new() { Id = "c", Topics = new[] { 0f, 1f, 0.2f } },
    };

    public IReadOnlyList<ReaderProfile> Readers => _readers;

    [ProfileSubstitute]
    public ReaderProfile FindMostSimilar(ReaderProfile reader) => _readers.First(r => r.Id != reader.Id);
}
CS
cat > Program.cs <<'CS'
using App;

var store = new ProfileStore();
var newcomer = new ReaderProfile { Id = "new", Topics = new[] { 1f, 0.05f, 0f } };
var chosen = Recommender.ProfileFor(store, newcomer);
Console.WriteLine($"profile for {newcomer.Id}: {chosen.Id}");
CS

cat > Recommender.cs <<'CS'
namespace App;

public static class Recommender
{
    public static ReaderProfile ProfileFor(ProfileStore store, ReaderProfile newcomer)
    {
        var neighbour = store.FindMostSimilar(newcomer);
        return neighbour;
    }
}
CS
dotnet build -c Release >"$work/risky.log" 2>&1 || { tail -30 "$work/risky.log"; fail "the risky project does not build"; }
grep -q "warning PERSONA001" "$work/risky.log" || { grep -E "warning|error" "$work/risky.log" | head; fail "risky code: no PERSONA001 warning"; }

cat > Recommender.cs <<'CS'
namespace App;

public static class Recommender
{
    public static ReaderProfile ProfileFor(ProfileStore store, ReaderProfile newcomer)
    {
        var neighbour = store.FindMostSimilar(newcomer);
        if (!ReaderProfileGuard.TrySubstitute(newcomer, neighbour, out var verdict))
            return newcomer;
        Console.WriteLine($"substituting: {verdict}");
        return neighbour;
    }
}
CS
dotnet build -c Release -warnaserror >"$work/guarded.log" 2>&1 || { grep -E "warning|error" "$work/guarded.log" | head; fail "guarded code does not build clean with warnings as errors"; }
grep -q "PERSONA0" "$work/guarded.log" && fail "guarded code still raises a PERSONA diagnostic"
out=$(dotnet run -c Release --no-build 2>&1) || fail "the consumer does not run: $out"
grep -q "profile for new:" <<<"$out" || fail "unexpected output: $out"

# A calibrated persona-bands.json next to the project reaches the generator through the package's buildTransitive
# targets: with a near-match bound above the neighbour's similarity (0.9988), the neighbour becomes a usable substitute.
printf '{ "nearMatch": 0.9995, "distant": 0.1 }\n' > persona-bands.json
dotnet build -c Release -warnaserror >"$work/bands.log" 2>&1 || { grep -E "warning|error" "$work/bands.log" | head; fail "build with persona-bands.json failed"; }
out=$(dotnet run -c Release --no-build 2>&1) || fail "the consumer does not run with persona-bands.json: $out"
grep -q "profile for new: a" <<<"$out" || fail "persona-bands.json did not reach the generated guard: $out"

# The runtime came from the package's lib/ folder, with its dependencies.
[ -f bin/Release/net10.0/PersonaAnalyzers.Runtime.dll ] || fail "PersonaAnalyzers.Runtime.dll is not in the consumer's output"
[ -f bin/Release/net10.0/MathNet.Numerics.dll ] || fail "MathNet.Numerics did not flow as a dependency"
echo "pack-and-consume: ok ($version): risky code warns PERSONA001, guarded code builds clean and runs: $out"
