#!/usr/bin/env bash
# first-backup.sh LABEL LAUNCHER STORE TIMES INTERVAL: a first backup of STORE into a new repository and catalog,
# timed by /usr/bin/time (the line appended to TIMES), /proc/PID/smaps sampled every INTERVAL seconds (the largest
# sample kept in ./fb-LABEL/best). Run as `/tmp/bench-large/store fb1m.txt 0.5` and `/tmp/bench-small/store fb50.txt 0.1`.
label=$1; launcher=$2; store=$3; times=$4; interval=$5; d=./fb-$label; rm -rf $d; mkdir -p $d
export MAILSNAP_CATALOG=$d/cat MAILSNAP_PASSWORD=x MAILSNAP_REPOSITORY=$d/repo
$launcher init >/dev/null 2>&1
/usr/bin/time -f "$label %e s %U user %S sys %M KB" -o $d/time $launcher backup --lock none "$store" >$d/out 2>$d/err &
sleep 0.3; pid=$(pgrep -n -f "mailsnap.jar backup")
/work/main/benchmarks/smaps-peak.sh "$pid" $d/best "$interval" >/dev/null
wait; tee -a "$times" < $d/time; rm -rf $d/repo $d/cat
