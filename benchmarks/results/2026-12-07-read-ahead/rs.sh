#!/bin/bash
# rs.sh LABEL LAUNCHER MODE: restore the whole store (latest snapshot) of the runner's 50k repository into a new
# directory; "cold" drops the page cache first; appends "LABEL MODE wall user sys maxrss_kb" to /tmp/thr/rs.txt
label=$1; launcher=$2; mode=$3
t=/tmp/thr/restored; rm -rf $t; sync
[ "$mode" = cold ] && echo 3 > /proc/sys/vm/drop_caches
export MAILSNAP_CATALOG=/tmp/bench-small/mailsnap/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=/tmp/bench-small/mailsnap/repository
/usr/bin/time -f "$label $mode %e %U %S %M" -a -o /tmp/thr/rs.txt $launcher restore --snapshot latest --target $t > /tmp/thr/rs.out 2>&1 || tail -3 /tmp/thr/rs.out
tail -1 /tmp/thr/rs.txt
