#!/bin/bash
# restore.sh LABEL [LAUNCHER] [OPTS]: whole-store restore of the 50k runner's latest snapshot into a new directory of /tmp
# (sync and a wait first: 5 s, then 40 s, then 70 s in restore-aged-tmp.txt), deleted afterwards
label=$1; launcher=${2:-/work/main/bin/mailsnap}; opts=$3
export MAILSNAP_CATALOG=/tmp/bench-small/mailsnap/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=/tmp/bench-small/mailsnap/repository MAILSNAP_JAVA_OPTS="$opts"
t=/tmp/prof/target-$RANDOM
sync; sleep 70
/usr/bin/time -f "$label %e %U %S %M" -a -o /tmp/prof/restore.txt $launcher restore --snapshot latest --target $t > /tmp/prof/restore.out 2>&1 || tail -3 /tmp/prof/restore.out
rm -rf $t; sync
tail -1 /tmp/prof/restore.txt
