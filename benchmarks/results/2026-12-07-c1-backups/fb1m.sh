#!/bin/bash
# fb1m.sh LABEL LAUNCHER [ENV=VAL...]: a first backup of the 1 M store into a fresh repository; appends "LABEL wall user sys maxrss_kb" to /tmp/mem/fb1m.txt
label=$1; launcher=$2; shift 2
d=/tmp/mem/run1m-$label; rm -rf $d; mkdir -p $d
export MAILSNAP_CATALOG=$d/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$d/repository
$launcher init >/dev/null 2>&1 || { echo init failed; exit 1; }
env "$@" /usr/bin/time -f "$label %e %U %S %M" -a -o /tmp/mem/fb1m.txt $launcher backup --lock none /tmp/bench-large/store >/dev/null 2>$d/err || { echo backup failed; cat $d/err; }
rm -rf $d
tail -1 /tmp/mem/fb1m.txt
