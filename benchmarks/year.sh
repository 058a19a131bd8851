#!/usr/bin/env bash
# Issue 13's simulated year (org.mailsnap.bench.YearBenchmark): hourly backups of a churning store thinned by the
# retention policy, the final forget --prune measured as a process, every kept snapshot restored and checked.
# Usage: benchmarks/year.sh WORK_DIR OUT_DIR [--hours 8760] [--seed 1] [--restic /usr/bin/restic]
#                          [--stop-at ISO-TIME | --pause-at ISO-TIME]
# --pause-at (or `touch WORK_DIR/pause`) saves the simulation at the next simulated midnight; the same command resumes.
# If the saved state (WORK_DIR/mailsnap/paused-state) is lost, org.mailsnap.bench.year.PausedStateReplay rebuilds it
# by replaying mailsnap's side of the history; it writes it only when the replayed store matches the paused one.
#   benchmarks/year.sh /tmp/year-full benchmarks/results/2026-12-05-year/full
#   benchmarks/year.sh /tmp/year-prefix benchmarks/results/2026-12-05-year/prefix --hours 1344 --restic /usr/bin/restic
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
if [[ $# -lt 2 || "$1" == -* ]]; then
    echo "usage: benchmarks/year.sh WORK_DIR OUT_DIR [--hours N] [--seed N] [--restic PATH] [--stop-at T | --pause-at T]" >&2
    exit 2
fi
work="$1"
out="$2"
shift 2
cli_jar="$root/cli/target/mailsnap.jar"          # shaded: engine, mailgen and their libraries
classes="$root/benchmarks/target/classes"
if [[ ! -f "$cli_jar" || ! -f "$classes/org/mailsnap/bench/YearBenchmark.class" ]] \
        || [[ -n "$(find "$root"/{engine,cli,mailgen,benchmarks}/src/main -newer "$cli_jar" -print -quit)" ]]; then
    echo "year.sh: building (mvn package) ..." >&2
    (cd "$root" && mvn -q -B -o -DskipTests -pl cli,benchmarks -am package) >&2
fi
# lmdbjava needs these opens on Java 17 (architecture.md); the catalog runs in this process
exec java --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens java.base/sun.nio.fs=ALL-UNNAMED -cp "$classes:$cli_jar" org.mailsnap.bench.YearBenchmark \
    --mailsnap "$root/bin/mailsnap" --work "$work" --out "$out" "$@"
