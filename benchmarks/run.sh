#!/usr/bin/env bash
# Runs the scenario runner (mailsnap vs restic vs borg on one generated store) and writes
# benchmarks/results/<date>-<preset>/. Usage: benchmarks/run.sh PRESET [runner options], e.g.
#   benchmarks/run.sh small --hours 3
#   benchmarks/run.sh tiny --tools restic,borg --work /tmp/bench-tiny --clean
# Options given here override the defaults below (the runner takes the last value of an option).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
if [[ $# -lt 1 || "$1" == -* ]]; then
    echo "usage: benchmarks/run.sh tiny|small|large [runner options; --help lists them]" >&2
    exit 2
fi
preset="$1"
shift

cli_jar="$root/cli/target/mailsnap.jar"          # shaded: engine, mailgen and their libraries
classes="$root/benchmarks/target/classes"
runner_class="$classes/org/mailsnap/bench/ScenarioRunner.class"

needs_build() {
    [[ ! -f "$cli_jar" || ! -f "$runner_class" ]] && return 0
    [[ -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/{engine,cli,mailgen}/src/main -newer "$cli_jar" \
        -print -quit 2>/dev/null)" ]] && return 0
    [[ -n "$(find "$root/benchmarks/src/main" -newer "$runner_class" -print -quit 2>/dev/null)" ]]
}

if needs_build; then
    echo "run.sh: building (mvn package) ..." >&2
    (cd "$root" && mvn -q -B -DskipTests package) >&2
fi

exec java -cp "$classes:$cli_jar" org.mailsnap.bench.ScenarioRunner \
    --preset "$preset" --mailsnap "$root/bin/mailsnap" --results "$root/benchmarks/results" "$@"
