#!/bin/bash
# fb.sh LABEL LAUNCHER [ENV=VAL...]: a first backup of $STORE (default the 50k store) into a fresh repository; appends
# "LABEL wall user sys maxrss_kb" to $OUT (default /tmp/mem/fb.txt)
label=$1; launcher=$2; shift 2
store=${STORE:-/tmp/bench-small/store}; out=${OUT:-/tmp/mem/fb.txt}
d=/tmp/mem/run-$label; rm -rf $d; mkdir -p $d
export MAILSNAP_CATALOG=$d/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$d/repository
$launcher init >/dev/null 2>&1 || { echo init failed; exit 1; }
env "$@" /usr/bin/time -f "$label %e %U %S %M" -a -o $out $launcher backup --lock none $store >/dev/null 2>$d/err || { echo backup failed; cat $d/err; }
rm -rf $d
tail -1 $out
