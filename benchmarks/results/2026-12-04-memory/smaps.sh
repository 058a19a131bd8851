#!/usr/bin/env bash
# smaps.sh LABEL JAR STORE: first backup; every 2 s the 12 largest mappings by Rss; keeps the sample with the largest total
set -u
label=$1; jar=$2; store=$3
d=/tmp/perf/smaps-$label; rm -rf $d; mkdir -p $d
/tmp/perf/ms.sh $jar $d/repo $d/cat init >/dev/null 2>&1
PIDFILE=$d/pid /tmp/perf/ms.sh $jar $d/repo $d/cat backup --lock none $store >$d/out 2>$d/err &
sleep 0.5; pid=$(cat $d/pid); best=0
while kill -0 $pid 2>/dev/null; do
  awk '/^[0-9a-f]+-[0-9a-f]+ /{name=$6; range=$1} /^Rss:/{print $2, range, name}' /proc/$pid/smaps 2>/dev/null | sort -rn > $d/now
  tot=$(awk '{s+=$1} END {print s+0}' $d/now)
  if [ "$tot" -gt "$best" ]; then best=$tot; cp $d/now $d/best; fi
  sleep 2
done
wait; echo "largest sample: $best kB"; head -25 $d/best
