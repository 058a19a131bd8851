#!/bin/bash
# prune-year.sh LABEL [java opts]: the year's daily maintenance with --prune, on a copy of the simulation paused after hour 960
l=$1; shift
d=/tmp/prunep/yrun; rm -rf $d; mkdir -p $d
cp -al /tmp/prunep/y960/repository $d/repository; cp -a /tmp/prunep/y960/catalog /tmp/prunep/y960/catalog.unlock $d/
export MAILSNAP_CATALOG=$d/catalog MAILSNAP_PASSWORD=year-simulation MAILSNAP_REPOSITORY=$d/repository MAILSNAP_TZ=UTC
MAILSNAP_JAVA_OPTS="$*" /usr/bin/time -f "$l %e %U %S %M" -a -o /tmp/prunep/year-times.txt ${MS:-/work/main/bin/mailsnap} forget --keep-hourly 48 --keep-daily 30 --keep-weekly 12 --keep-monthly 12 --keep-deleted-within 90d --prune > /tmp/prunep/$l.out 2>&1
tail -1 /tmp/prunep/year-times.txt
