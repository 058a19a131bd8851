#!/usr/bin/env bash
# mem.sh LABEL JAR STORE [command...] : init + first backup (or the given command) with $JOPTS (and env);
# prints /usr/bin/time -v figures and the largest smaps_rollup sample (every 0.5 s)
set -u
label=$1; jar=$2; store=$3; shift 3
d=/tmp/perf/mem-$label; rm -rf $d; mkdir -p $d
/tmp/perf/ms.sh $jar $d/repo $d/cat init >/dev/null 2>&1
PIDFILE=$d/pid /usr/bin/time -v /tmp/perf/ms.sh $jar $d/repo $d/cat backup --lock none ${EXTRA:-} $store >$d/out 2>$d/time &
sleep 0.5
pid=$(cat $d/pid)
: > $d/rollup
while kill -0 $pid 2>/dev/null; do
  grep -E "^(Rss|Pss_Anon|Pss_File|Pss_Shmem)" /proc/$pid/smaps_rollup 2>/dev/null | awk '{printf "%s %s ", $1, $2}' >> $d/rollup; echo >> $d/rollup
  sleep 0.5
done
wait
echo "$label $(grep -E 'Maximum resident|Elapsed|User time|System time' $d/time | sed 's/^\s*//' | tr '\n' ';')"
sort -k2 -n $d/rollup | tail -1
