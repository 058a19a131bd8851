#!/bin/bash
# fb-large.sh LABEL: a first backup of the 1 M benchmark store into a fresh repository, smaps sampled
label=$1; d=/tmp/fbl-$label; rm -rf $d; mkdir -p $d
export MAILSNAP_CATALOG=$d/cat MAILSNAP_PASSWORD=x MAILSNAP_REPOSITORY=$d/repo
${MS:-/work/main/bin/mailsnap} init >/dev/null 2>&1
/usr/bin/time -f "$label %e s %U u %S s %M KB" -o $d/time ${MS:-/work/main/bin/mailsnap} backup --json --lock none /tmp/bench-large/store >$d/out 2>$d/err &
sleep 0.3; pid=$(pgrep -n -f "mailsnap.jar backup")
"$(dirname "$0")"/../../../../benchmarks/smaps-peak.sh "$pid" $d/best 1
wait; cat $d/time; head -8 $d/best
