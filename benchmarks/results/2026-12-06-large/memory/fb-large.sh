#!/bin/bash
# fb-large.sh LABEL: a first backup of the 1 M benchmark store into a fresh repository, smaps sampled
label=$1; d=/tmp/fbl-$label; rm -rf $d; mkdir -p $d
export MAILSNAP_CATALOG=$d/cat MAILSNAP_PASSWORD=x MAILSNAP_REPOSITORY=$d/repo
${MS:-/work/main/bin/mailsnap} init >/dev/null 2>&1
/usr/bin/time -f "$label %e s %U u %S s %M KB" -o $d/time ${MS:-/work/main/bin/mailsnap} backup --json --lock none /tmp/bench-large/store >$d/out 2>$d/err &
sleep 1; pid=$(pgrep -n -f "mailsnap.jar backup"); best=0
while kill -0 $pid 2>/dev/null; do
  awk '/^[0-9a-f]+-[0-9a-f]+ /{name=$6; range=$1} /^Rss:/{print $2, range, name}' /proc/$pid/smaps 2>/dev/null | sort -rn > $d/now
  tot=$(awk '{s+=$1} END {print s+0}' $d/now)
  if [ "$tot" -gt "$best" ]; then best=$tot; cp $d/now $d/best; fi
  sleep 1
done
wait; cat $d/time; head -8 $d/best
