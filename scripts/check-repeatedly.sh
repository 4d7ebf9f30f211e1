#!/usr/bin/env bash
# Runs `./mynasim check` N times in a row (default 20) on the given reader (default sim) and stops at
# the first run that fails, keeping its report. Proves a suite stays green run after run: a flaky
# scenario is a product bug (docs/on-card-keys.md tells how one was found and fixed).
#   scripts/check-repeatedly.sh [N] [extra ./mynasim check arguments...]
set -euo pipefail
MYNASIM_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
shift || true
case "$runs" in
  ''|*[!0-9]*) echo "usage: $0 [N] [check arguments...]  (N: a number of runs, got '$runs')" >&2; exit 2 ;;
esac
reports="$(mktemp -d "${TMPDIR:-/tmp}/mynasim-check-runs.XXXXXX")"
started=$(date +%s)
for i in $(seq 1 "$runs"); do
  run_started=$(date +%s)
  if "$MYNASIM_HOME/mynasim" check --report-dir "$reports/run-$i" "$@" >"$reports/run-$i.log" 2>&1; then
    summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$reports/run-$i.log" | tail -1)"
    echo "run $i/$runs: $summary ($(( $(date +%s) - run_started )) s)"
    rm -rf "$reports/run-$i" "$reports/run-$i.log"
  else
    echo "run $i/$runs FAILED after $(( i - 1 )) consecutive passing runs; its output: $reports/run-$i.log" >&2
    grep -E ' failed ' "$reports/run-$i.log" >&2 || true
    exit 1
  fi
done
rmdir "$reports" 2>/dev/null || true
echo "$runs of $runs consecutive ./mynasim check runs passed ($(( $(date +%s) - started )) s)"
