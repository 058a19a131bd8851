#!/bin/bash
# fbt.sh LABEL THREADS STORE [cold]: first backup into a new repo; drops the page cache first when "cold"
label=$1; n=$2; store=$3; mode=$4
d=/tmp/thr/run; rm -rf $d; mkdir -p $d
export MAILSNAP_CATALOG=$d/cat MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$d/repo
/work/main/bin/mailsnap init > $d/init.out 2>&1 || exit 1
sync; [ "$mode" = cold ] && echo 3 > /proc/sys/vm/drop_caches
/usr/bin/time -f "$label threads=$n $mode %e %U %S %M" -a -o /tmp/thr/fbt.txt ${LAUNCHER:-/work/main/bin/mailsnap} backup --lock none --threads $n $store > $d/out 2>$d/err || cat $d/err
tail -1 /tmp/thr/fbt.txt
