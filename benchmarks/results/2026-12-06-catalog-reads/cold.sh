#!/bin/bash
# cold.sh LABEL LAUNCHER ARGS...: one run with the catalog evicted from the page cache; appends "LABEL wall user sys rss"
label=$1; launcher=$2; shift 2
d=/tmp/ab/1m-NC
export MAILSNAP_CATALOG=$d/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$d/repository
/tmp/ab/evict.sh
/usr/bin/time -f "$label %e %U %S %M" -a -o /tmp/ab/cold.txt $launcher "$@" >/tmp/ab/cold.out 2>&1 || { echo failed; tail -3 /tmp/ab/cold.out; }
tail -1 /tmp/ab/cold.txt
