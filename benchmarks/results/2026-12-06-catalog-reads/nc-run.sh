#!/bin/bash
# nc-run.sh LABEL LAUNCHER [inodes]: a no-change backup of the runner's state in /tmp/bench-large/mailsnap; with
# "inodes", the kernel's dentry and inode caches are dropped first (echo 2 > drop_caches); appends to /tmp/ch/nc-par.txt
label=$1; launcher=$2; mode=${3:-warm}
d=/tmp/bench-large/mailsnap
export MAILSNAP_CATALOG=$d/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$d/repository
if [ "$mode" = inodes ]; then sync; echo 2 > /proc/sys/vm/drop_caches; fi
if [ "$mode" = all ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
/usr/bin/time -f "$label-$mode %e %U %S %M %F %I" -a -o /tmp/ch/nc-par.txt $launcher backup --lock none /tmp/bench-large/store >/dev/null 2>/tmp/ch/nc-run.err || { echo failed; cat /tmp/ch/nc-run.err; }
tail -1 /tmp/ch/nc-par.txt
