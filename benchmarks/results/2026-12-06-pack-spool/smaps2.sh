#!/usr/bin/env bash
# smaps2.sh LABEL [java opts]: first backup of the 50k store via bin/mailsnap; samples /proc/PID/smaps every 0.3 s, keeps the largest
label=$1; shift
d=/tmp/smaps-$label; rm -rf $d; mkdir -p $d
export MAILSNAP_CATALOG=$d/cat MAILSNAP_PASSWORD=x MAILSNAP_REPOSITORY=$d/repo
/work/main/bin/mailsnap init >/dev/null 2>&1
MAILSNAP_JAVA_OPTS="$*" /usr/bin/time -f "%M KB peak, %e s" -o $d/time /work/main/bin/mailsnap backup --lock none /tmp/bench-small/store >$d/out 2>$d/err &
sleep 0.3; pid=$(pgrep -n -f "mailsnap.jar backup")
/work/main/benchmarks/smaps-peak.sh "$pid" $d/best 0.3
wait; cat $d/time; head -14 $d/best
