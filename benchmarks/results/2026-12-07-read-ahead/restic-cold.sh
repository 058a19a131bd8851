#!/bin/bash
# restic-cold.sh LABEL STORE [cold]: restic's first backup into a new repository (its cache in the run dir);
# drops the page cache first when "cold"; appends "LABEL mode wall user sys maxrss_kb" to /tmp/thr/fbt.txt
label=$1; store=$2; mode=$3
d=/tmp/thr/run; rm -rf $d; mkdir -p $d
export RESTIC_PASSWORD=mailsnap-benchmark RESTIC_REPOSITORY=$d/restic RESTIC_CACHE_DIR=$d/restic-cache
restic init > $d/init.out 2>&1 || { cat $d/init.out; exit 1; }
sync; [ "$mode" = cold ] && echo 3 > /proc/sys/vm/drop_caches
/usr/bin/time -f "$label $mode %e %U %S %M" -a -o /tmp/thr/fbt.txt restic backup --host bench $store > $d/out 2>$d/err || cat $d/err
tail -1 /tmp/thr/fbt.txt
