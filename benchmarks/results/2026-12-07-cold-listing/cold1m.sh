#!/bin/bash
# cold1m.sh LABEL LAUNCHER: 1 M first backup into a new repository with every cache dropped first; wall, CPU, peak RSS
# and the run's longest (would-be) lock hold; the repository is deleted afterwards
label=$1; launcher=$2
d=/tmp/ab/run; rm -rf $d; mkdir -p $d
export MAILSNAP_CATALOG=$d/cat MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$d/repo
$launcher init > /dev/null 2>&1 || exit 1
sync; echo 3 > /proc/sys/vm/drop_caches
/usr/bin/time -f "%e %U %S %M" -o $d/time $launcher backup --json --lock none /tmp/bench-large/store > $d/out 2>$d/err || tail -3 $d/err
echo "$label $(cat $d/time) $(grep -o '"lockHoldMaxMillis":[^,]*' $d/out)" | tee -a /tmp/ab/cold1m.txt
rm -rf $d; sync
