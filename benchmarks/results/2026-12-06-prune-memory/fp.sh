#!/bin/bash
# fp.sh NAME LAUNCHER [extra java opts]: forget --prune with the year policy on a fresh copy of /tmp/y2's copy
name=$1; launcher=$2; shift 2
d=/tmp/fp/$name; rm -rf $d; mkdir -p $d
cp -a /tmp/y2/copy-repository $d/repository; cp -a /tmp/y2/copy-catalog $d/catalog
sync; load=$(cut -d' ' -f1-3 /proc/loadavg)
MAILSNAP_REPOSITORY=$d/repository MAILSNAP_PASSWORD="$PW" MAILSNAP_CATALOG=$d/catalog MAILSNAP_TZ=UTC MAILSNAP_JAVA_OPTS="$*" \
  /usr/bin/time -v -o $d/time $launcher forget --keep-hourly 48 --keep-daily 30 --keep-weekly 12 --keep-monthly 12 --keep-deleted-within 90d --prune > $d/out 2> $d/err
echo "$name rc=$? load=$load $(grep -E 'User time|System time|Elapsed|Maximum resident' $d/time | awk -F': ' '{printf "%s ", $2}')"
rm -rf $d/repository $d/catalog
