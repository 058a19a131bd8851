#!/bin/bash
# fp3.sh NAME LAUNCHER [JVM options]: forget --prune with the year policy, on /tmp/y3's copy itself (used once)
name=$1; launcher=$2; shift 2
d=/tmp/fp3/$name; mkdir -p $d
load=$(cut -d' ' -f1-3 /proc/loadavg)
MAILSNAP_REPOSITORY=/tmp/y3/copy-repository MAILSNAP_PASSWORD=year-simulation MAILSNAP_CATALOG=/tmp/y3/copy-catalog MAILSNAP_TZ=UTC MAILSNAP_JAVA_OPTS="$*" \
  /usr/bin/time -v -o $d/time $launcher forget --keep-hourly 48 --keep-daily 30 --keep-weekly 12 --keep-monthly 12 --keep-deleted-within 90d --prune > $d/out 2> $d/err
echo "$name rc=$? load=$load $(grep -E 'User time|System time|Elapsed|Maximum resident' $d/time | awk -F': ' '{printf "%s ", $2}')"
