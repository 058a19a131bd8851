#!/bin/bash
# coldhold.sh LABEL [LAUNCHER]: 50k first backup into a new repository with every cache dropped first; prints wall and
# the run's longest (would-be) lock hold
label=$1; launcher=${2:-/work/main/bin/mailsnap}
d=/tmp/thr/ch; rm -rf $d; mkdir -p $d
export MAILSNAP_CATALOG=$d/cat MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$d/repo
$launcher init > /dev/null 2>&1 || exit 1
$launcher --version > /dev/null
sync; echo 3 > /proc/sys/vm/drop_caches
/usr/bin/time -f "%e %U %S %M" -o $d/time $launcher backup --json --lock none /tmp/bench-small/store > $d/out 2>$d/err || cat $d/err
echo "$label $(cat $d/time) $(grep -o '"lockHoldMaxMillis":[^,]*' $d/out)" | tee -a /tmp/thr/coldhold.txt
