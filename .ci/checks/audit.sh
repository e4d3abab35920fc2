#!/usr/bin/env bash
# `persona audit`: finds an unguarded substitution in a project that has not taken the package (exit 1, SARIF
# written), is quiet on a clean project (exit 0), and rejects a missing or broken project (exit 2, one line).
set -uo pipefail
persona="dotnet src/PersonaAnalyzers.Cli/bin/Release/net10.0/persona.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/risky" "$work/clean"
for p in risky clean; do
  cat > "$work/$p/$p.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
</Project>
XML
done
cat > "$work/risky/Store.cs" <<'CS'
using System.Collections.Generic;
using System.Linq;
namespace Shop;
public sealed class ShopperProfile { public string Id { get; set; } = ""; public float[] Taste { get; set; } = new float[0]; }
public sealed class ProfileStore
{
    private readonly Dictionary<string, ShopperProfile> _profiles = new();
    public ShopperProfile? FindNearestNeighbour(ShopperProfile p) => _profiles.Values.FirstOrDefault(x => x.Id != p.Id);
    public ShopperProfile ProfileFor(ShopperProfile partial) => _profiles.TryGetValue(partial.Id, out var own) ? own : FindNearestNeighbour(partial) ?? partial;
}
CS
cat > "$work/clean/Store.cs" <<'CS'
namespace Shop;
public sealed class ShopperProfile { public string Id { get; set; } = ""; }
public static class Store { public static ShopperProfile Own(string id) => new() { Id = id }; }
CS

fail() { echo "audit check: $*" >&2; exit 1; }

out=$($persona audit "$work/risky/risky.csproj" --sarif "$work/risky.sarif" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "risky project: expected exit 1, got $rc: $out"
grep -q PERSONA001 <<<"$out" || fail "risky project: no PERSONA001 in the table: $out"
grep -q '"ruleId": "PERSONA001"' "$work/risky.sarif" || fail "risky project: no PERSONA001 in the SARIF file"
grep -q '"version": "2.1.0"' "$work/risky.sarif" || fail "SARIF file is not version 2.1.0"

out=$($persona audit "$work/clean" 2>&1); rc=$?
[ $rc -eq 0 ] || fail "clean project: expected exit 0, got $rc: $out"

out=$($persona audit "$work/missing.csproj" 2>&1); rc=$?
[ $rc -eq 2 ] || fail "missing path: expected exit 2, got $rc"
grep -q "missing.csproj" <<<"$out" || fail "missing path: the message does not name the path: $out"

echo "<Project" > "$work/broken.csproj"
out=$($persona audit "$work/broken.csproj" 2>&1); rc=$?
[ $rc -eq 2 ] || fail "broken project: expected exit 2, got $rc"
grep -q "does not load" <<<"$out" || fail "broken project: the loader's message is missing: $out"

echo "audit check: ok"
