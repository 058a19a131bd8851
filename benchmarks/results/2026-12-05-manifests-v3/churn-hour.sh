#!/usr/bin/env bash
# churn-hour.sh WORK BEFORE AFTER: after rename-hour.sh, on the same store and repositories, one hour of the
# runner's default churn (ChurnSpec.defaults(), seed 2), then each tool's backup, timed; then a no-change run.
set -euo pipefail
work=$1; before=$2; after=$3
cd "$work"
T=(/usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB peak RSS")
java -cp "$after/cli/target/mailsnap.jar" org.mailsnap.mailgen.MailgenMain churn --seed 2 store | head -1
export RESTIC_PASSWORD=bench RESTIC_CACHE_DIR="$work/restic/cache"
for step in churn no-change; do
    for label in before after; do
        tree=$before; [[ $label == after ]] && tree=$after
        a=$(du -sb "$label/repo" | cut -f1)
        "${T[@]}" env MAILSNAP_PASSWORD=bench MAILSNAP_REPOSITORY="$work/$label/repo" \
            MAILSNAP_CATALOG="$work/$label/catalog" "$tree/bin/mailsnap" backup --lock none --json "$work/store" \
            >"$label/$step.json" 2>"$label/$step.err"
        echo "$label $step: $(tail -1 "$label/$step.err"); growth $(( $(du -sb "$label/repo" | cut -f1) - a )) B"
    done
    a=$(du -sb restic/repo | cut -f1)
    "${T[@]}" restic backup --repo "$work/restic/repo" --json "$work/store" >"restic/$step.json" 2>"restic/$step.err"
    echo "restic $step: $(tail -1 restic/$step.err); growth $(( $(du -sb restic/repo | cut -f1) - a )) B"
done
