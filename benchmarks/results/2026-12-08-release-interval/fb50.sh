#!/usr/bin/env bash
# fb50.sh LABEL LAUNCHER: first backup of the 50k store into a fresh repo, smaps sampled
label=$1; launcher=$2; d=./fb50-$label; rm -rf $d; mkdir -p $d
export MAILSNAP_CATALOG=$d/cat MAILSNAP_PASSWORD=x MAILSNAP_REPOSITORY=$d/repo
$launcher init >/dev/null 2>&1
/usr/bin/time -f "$label %e s %U user %S sys %M KB" -o $d/time $launcher backup --lock none /tmp/bench-small/store >$d/out 2>$d/err &
sleep 0.3; pid=$(pgrep -n -f "mailsnap.jar backup")
/work/main/benchmarks/smaps-peak.sh "$pid" $d/best 0.1 >/dev/null
wait; cat $d/time | tee -a ./fb50.txt; rm -rf $d/repo $d/cat
