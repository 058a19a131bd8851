#!/usr/bin/env bash
# rename-hour.sh WORK BEFORE AFTER
#   BEFORE, AFTER: worktrees whose bin/mailsnap is run (main before manifests version 3, and the v3port branch).
# One generated 50k-message store (the runner's "small" preset, seed 1), three tools in lock step on it, as the
# scenario runner does: each tool's first backup, then one hour of renames only (the runner's renames-hour spec,
# ChurnSpec.defaults().renamesOnly(), seed 3), then each tool's second backup. Growth = du -sb of the repository
# after the second backup minus after the first. Time and memory are printed but depend on the machine's load.
set -euo pipefail
work=$1; before=$2; after=$3
mkdir -p "$work"; cd "$work"
rm -rf store before after restic
T=(/usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB peak RSS")
mailgen=(java -cp "$after/cli/target/mailsnap.jar" org.mailsnap.mailgen.MailgenMain)
"${mailgen[@]}" generate --preset small --seed 1 store | tail -1

ms() { # ms LABEL: sets cmd to that tool's bin/mailsnap on its own repository and catalog
    local tree=$before
    [[ $1 == after ]] && tree=$after
    cmd=(env MAILSNAP_PASSWORD=bench MAILSNAP_REPOSITORY="$work/$1/repo" MAILSNAP_CATALOG="$work/$1/catalog"
        "$tree/bin/mailsnap")
}
export RESTIC_PASSWORD=bench RESTIC_CACHE_DIR="$work/restic/cache"
mkdir -p before after restic
ms before; "${cmd[@]}" init >/dev/null
ms after; "${cmd[@]}" init >/dev/null
restic init --repo "$work/restic/repo" >/dev/null

backup_all() { # backup_all STEP
    for label in before after; do
        ms "$label"
        { "${T[@]}" "${cmd[@]}" backup --lock none --json "$work/store" >"$label/$1.json" 2>"$label/$1.err"; } \
            || { echo "$label $1 failed"; tail -3 "$label/$1.err"; exit 1; }
        echo "$label $1: $(tail -1 "$label/$1.err"); repository $(du -sb "$label/repo" | cut -f1) B"
    done
    { "${T[@]}" restic backup --repo "$work/restic/repo" --json "$work/store" >"restic/$1.json" 2>"restic/$1.err"; } \
        || { echo "restic $1 failed"; tail -3 "restic/$1.err"; exit 1; }
    echo "restic $1: $(tail -1 restic/$1.err); repository $(du -sb restic/repo | cut -f1) B"
}

backup_all first
for t in before after restic; do du -sb "$t/repo" | cut -f1 >"$t/first.bytes"; done
"${mailgen[@]}" churn --seed 3 --renames-only store | head -3
backup_all renames
for t in before after restic; do
    a=$(cat "$t/first.bytes"); b=$(du -sb "$t/repo" | cut -f1)
    echo "growth $t: $((b - a)) B"
done
