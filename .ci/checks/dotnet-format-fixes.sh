#!/usr/bin/env bash
# End-to-end check of the code fixes with the real command-line client: copies risky personalization code to a temp
# folder, runs `dotnet format analyzers --diagnostics PERSONA001 PERSONA002 PERSONA003 PERSONA004 --severity info`,
# builds the result and checks that
#   1. it builds, with no compiler warning it did not have before;
#   2. no PERSONA001-004 diagnostic is left that a fix is offered for (a second `dotnet format` run changes nothing);
#   3. for the built-in fixture, exactly the diagnostics marked `persona-e2e: no-fix PERSONAnnn` remain;
#   4. for the built-in fixture, the fixed code reads as its markers say: `// persona-e2e: becomes TEXT` must be in it,
#      `// persona-e2e: gone TEXT` must not (outside the marker comments, runs of white space compared as one space).
# Usage: .ci/checks/dotnet-format-fixes.sh [PATH]
#   PATH: other risky code to check instead of tests/fixtures/RiskyRecommender — a .cs file (its folder's other .cs
#   files are copied with it so that it compiles) or a folder of .cs files. It is compiled in the fixture's project.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
fixture="$repo/tests/fixtures/RiskyRecommender"
ids=(PERSONA001 PERSONA002 PERSONA003 PERSONA004)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

fail() { echo "dotnet-format-fixes: FAILED: $*" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/persona-format.XXXXXX")" || fail "cannot create a temp folder"
[ -n "${KEEP_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
project="$work/RiskyRecommender"
mkdir -p "$project"
cp "$fixture/RiskyRecommender.csproj" "$fixture/Directory.Build.props" "$project/"
# The copy points at this repository's runtime, analyzers and code fixes.
sed -i "s#<PersonaRepoRoot Condition=\"'\$(PersonaRepoRoot)' == ''\">[^<]*</PersonaRepoRoot>#<PersonaRepoRoot>$repo/</PersonaRepoRoot>#" "$project/RiskyRecommender.csproj"
grep -q "<PersonaRepoRoot>$repo/</PersonaRepoRoot>" "$project/RiskyRecommender.csproj" || fail "could not point the copied project at $repo"

builtin=1
if [ $# -ge 1 ]; then
  builtin=0
  source_path="$1"
  if [ -f "$source_path" ]; then
    source_path="$(dirname "$source_path")"
  fi
  [ -d "$source_path" ] || fail "'$1' is neither a .cs file nor a folder"
  (cd "$source_path" && find . -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' -exec cp --parents -t "$project" {} +) \
    || fail "cannot copy the .cs files of $source_path"
  # Code from an executable (top-level statements, Main) compiles only as one.
  if grep -qs '<OutputType>\(Win\)\?Exe</OutputType>' "$source_path"/*.csproj; then
    sed -i 's#<TargetFramework>#<OutputType>Exe</OutputType>\n    <TargetFramework>#' "$project/RiskyRecommender.csproj"
  fi
  echo "dotnet-format-fixes: checking the code in $1"
else
  cp "$fixture"/*.cs "$project/"
  echo "dotnet-format-fixes: checking tests/fixtures/RiskyRecommender"
fi
[ -n "$(find "$project" -name '*.cs')" ] || fail "no .cs files to check"

# Diagnostics of a build, one per line: "ID file(line,col)" for PERSONA, "ID" for compiler warnings.
build() {
  # An up-to-date build does not run the compiler, and so reports no diagnostics: drop the last output first.
  rm -rf "$project/bin" "$project/obj/Release"
  dotnet build "$project/RiskyRecommender.csproj" -c Release -nologo -clp:NoSummary -p:TreatWarningsAsErrors=false >"$work/$1.log" 2>&1
}
persona_diagnostics() {
  grep -oE '[^ /]+\.cs\([0-9]+,[0-9]+\): warning (PERSONA00[1-4])' "$work/$1.log" | sort -u | sed -E 's/^(.*): warning (PERSONA[0-9]+)$/\2 \1/'
}
compiler_warnings() {
  grep -oE '\.cs\([0-9]+,[0-9]+\): warning CS[0-9]+' "$work/$1.log" | sort -u | grep -oE 'CS[0-9]+' | sort | uniq -c
}

build before || { tail -n 30 "$work/before.log"; fail "the risky code does not build before formatting"; }
persona_diagnostics before >"$work/before.txt"
echo "dotnet-format-fixes: before: $(wc -l <"$work/before.txt") PERSONA001-004 diagnostics"
[ -s "$work/before.txt" ] || fail "the risky code raises no PERSONA001-004 diagnostic, so nothing is checked"

dotnet format analyzers "$project/RiskyRecommender.csproj" --diagnostics "${ids[@]}" --severity info --no-restore \
  >"$work/format.log" 2>&1 || { cat "$work/format.log"; fail "dotnet format analyzers failed"; }

build after || { tail -n 40 "$work/after.log"; for f in $(cd "$project" && find . -name '*.cs' -not -path './obj/*'); do echo "--- $f"; cat "$project/$f"; done; fail "the fixed code does not build"; }
persona_diagnostics after >"$work/after.txt"
echo "dotnet-format-fixes: after:  $(wc -l <"$work/after.txt") PERSONA001-004 diagnostics"
cat "$work/after.txt" | sed 's/^/  left: /'

status=0
if ! diff <(compiler_warnings before) <(compiler_warnings after) >/dev/null; then
  new_warnings=$(join -1 2 -2 2 -a 2 -e 0 -o 0,1.1,2.1 <(compiler_warnings before | sort -k2) <(compiler_warnings after | sort -k2) | awk '$3 > $2 {print $1}')
  if [ -n "$new_warnings" ]; then
    echo "dotnet-format-fixes: the fixes raised new compiler warnings: $new_warnings" >&2
    grep -E "warning ($(echo $new_warnings | tr ' ' '|'))" "$work/after.log" | sort -u >&2
    status=1
  fi
fi

# A fix still offered for a diagnostic that is left would make a second run change the code again.
snapshot() { (cd "$project" && find . -name '*.cs' -not -path './obj/*' -not -path './bin/*' | sort | xargs cat); }
snapshot >"$work/first.cs"
dotnet format analyzers "$project/RiskyRecommender.csproj" --diagnostics "${ids[@]}" --severity info --no-restore \
  >"$work/second.log" 2>&1 || { cat "$work/second.log"; fail "the second dotnet format analyzers run failed"; }
if ! diff -u "$work/first.cs" <(snapshot) >"$work/second.diff"; then
  echo "dotnet-format-fixes: a second run still changed the code, so a fix was offered for a diagnostic the first run left:" >&2
  cat "$work/second.diff" >&2
  status=1
fi

if [ "$builtin" -eq 1 ]; then
  expected=$(grep -ohE 'persona-e2e: no-fix PERSONA00[1-4]' "$fixture"/*.cs | awk '{print $3}' | sort)
  actual=$(awk '{print $1}' "$work/after.txt" | sort)
  if [ "$expected" != "$actual" ]; then
    echo "dotnet-format-fixes: left diagnostics [$(echo $actual)] differ from the fixture's no-fix markers [$(echo $expected)]" >&2
    status=1
  fi
  # One line of the fixed code per file with white space squeezed, so that a rewrite spanning lines matches too.
  squeeze() { tr -s '[:space:]' ' ' | sed -E 's/^ //; s/ $//'; }
  fixed=$(snapshot | sed -E 's#// persona-e2e: .*$##' | squeeze)
  markers=$(grep -ohE 'persona-e2e: (becomes|gone) .+$' "$fixture"/*.cs | sed -E 's/^persona-e2e: //')
  [ -n "$markers" ] || { echo "dotnet-format-fixes: the fixture has no 'persona-e2e: becomes' marker" >&2; status=1; }
  while IFS= read -r marker; do
    [ -n "$marker" ] || continue
    kind=${marker%% *}
    text=$(printf '%s' "${marker#* }" | squeeze)
    if [ "$kind" = becomes ] && ! grep -qF -- "$text" <<<"$fixed"; then
      echo "dotnet-format-fixes: the fixed code does not contain: $text" >&2
      status=1
    elif [ "$kind" = gone ] && grep -qF -- "$text" <<<"$fixed"; then
      echo "dotnet-format-fixes: the fixed code still contains: $text" >&2
      status=1
    fi
  done <<<"$markers"
  echo "dotnet-format-fixes: $(grep -c . <<<"$markers") rewrite markers checked"
fi

if [ "$status" -ne 0 ]; then
  for f in $(cd "$project" && find . -name '*.cs' -not -path './obj/*' -not -path './bin/*'); do echo "--- $f"; cat "$project/$f"; done >&2
  fail "see above"
fi
echo "dotnet-format-fixes: OK ($(wc -l <"$work/before.txt") diagnostics before, $(wc -l <"$work/after.txt") left where no fix is offered; builds without new warnings)"
