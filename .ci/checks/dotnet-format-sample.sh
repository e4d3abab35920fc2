#!/usr/bin/env bash
# The same end-to-end code-fix check on a copy of the sample's risky code (samples/ColdStartRecommender): every
# PERSONA001-004 diagnostic where a fix is offered is gone after `dotnet format analyzers`, and the result builds.
# (RiskyRanker's PERSONA001 stays: its method returns a score, and no neutral fallback score exists.)
set -uo pipefail
exec bash "$(dirname "$0")/dotnet-format-fixes.sh" samples/ColdStartRecommender
