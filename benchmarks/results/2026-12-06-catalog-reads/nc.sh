#!/bin/bash
# nc.sh LABEL LAUNCHER N: N no-change backups of the unchanged 1 M store into /tmp/ab/1m-NC; appends "LABEL wall user sys maxrss_kb"
label=$1; launcher=$2; n=${3:-5}
d=/tmp/ab/1m-NC
export MAILSNAP_CATALOG=$d/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$d/repository
for i in $(seq $n); do
/usr/bin/time -f "$label %e %U %S %M" -a -o /tmp/ab/nc-ab.txt $launcher backup --lock none /tmp/bench-large/store >/dev/null 2>$d/err || { echo backup failed; cat $d/err; }
tail -1 /tmp/ab/nc-ab.txt
done
