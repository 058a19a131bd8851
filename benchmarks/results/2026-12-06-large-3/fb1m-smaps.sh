#!/usr/bin/env bash
# fb1m-smaps.sh LAUNCHER: a first backup of the 1 M store (/tmp/bench-large/store) into a fresh repository, sampling
# /proc/PID/smaps every 0.5 s (benchmarks/smaps-peak.sh); keeps the largest sample in /tmp/fb1m/best.
launcher=$1; d=/tmp/fb1m; rm -rf $d; mkdir -p $d
export MAILSNAP_CATALOG=$d/cat MAILSNAP_PASSWORD=x MAILSNAP_REPOSITORY=$d/repo
$launcher init >/dev/null 2>&1
/usr/bin/time -f "%M KB peak, %e s, %U user, %S sys" -o $d/time $launcher backup --lock none /tmp/bench-large/store >$d/out 2>$d/err &
sleep 1; pid=$(pgrep -n -f "mailsnap.jar backup")
"$(dirname "$(readlink -f "$0")")"/../../smaps-peak.sh "$pid" $d/best 0.5
wait; cat $d/time
