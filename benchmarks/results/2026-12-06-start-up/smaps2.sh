#!/usr/bin/env bash
# smaps2.sh LABEL [java opts]: first backup of the 50k store via bin/mailsnap; samples /proc/PID/smaps every 0.3 s, keeps the largest
label=$1; shift
d=/tmp/smaps-$label; rm -rf $d; mkdir -p $d
export MAILSNAP_CATALOG=$d/cat MAILSNAP_PASSWORD=x MAILSNAP_REPOSITORY=$d/repo
/work/main/bin/mailsnap init >/dev/null 2>&1
MAILSNAP_JAVA_OPTS="$*" /usr/bin/time -f "%M KB peak, %e s" -o $d/time /work/main/bin/mailsnap backup --lock none /tmp/bench-small/store >$d/out 2>$d/err &
sleep 0.3; pid=$(pgrep -n -f "mailsnap.jar backup"); best=0
while kill -0 $pid 2>/dev/null; do
  awk '/^[0-9a-f]+-[0-9a-f]+ /{name=$6; range=$1} /^Rss:/{print $2, range, name}' /proc/$pid/smaps 2>/dev/null | sort -rn > $d/now
  tot=$(awk '{s+=$1} END {print s+0}' $d/now)
  if [ "$tot" -gt "$best" ]; then best=$tot; cp $d/now $d/best; fi
  sleep 0.3
done
wait; cat $d/time; echo "largest sample: $best kB"; head -14 $d/best
