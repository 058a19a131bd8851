#!/bin/bash
# nc-run.sh LABEL LAUNCHER [warm|pages|inodes|all]: a no-change backup of the runner's state in
# /tmp/bench-large/mailsnap; first dropped from the kernel's caches: nothing (warm), the page cache (pages: echo 1 >
# drop_caches), dentries and inodes (inodes: echo 2), or all three (all: echo 3); appends
# "LABEL-MODE wall user sys maxrss_kb major_faults fs_inputs" to /tmp/ch/nc-par.txt
label=$1; launcher=$2; mode=${3:-warm}
d=/tmp/bench-large/mailsnap
export MAILSNAP_CATALOG=$d/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$d/repository
if [ "$mode" = pages ]; then sync; echo 1 > /proc/sys/vm/drop_caches; fi
if [ "$mode" = inodes ]; then sync; echo 2 > /proc/sys/vm/drop_caches; fi
if [ "$mode" = all ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
/usr/bin/time -f "$label-$mode %e %U %S %M %F %I" -a -o /tmp/ch/nc-par.txt $launcher backup --lock none /tmp/bench-large/store >/dev/null 2>/tmp/ch/nc-run.err || { echo failed; cat /tmp/ch/nc-run.err; }
tail -1 /tmp/ch/nc-par.txt
