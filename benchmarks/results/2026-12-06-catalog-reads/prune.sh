#!/bin/bash
# prune.sh LABEL LAUNCHER: forget --keep-last 1 --prune on a copy of the state after the runner's last hour (catalog
# copied, repository hard-linked: prune only adds and deletes files); peak RSS sampled from smaps; appends
# "LABEL wall user sys maxrss_kb" to /tmp/ch/prune.txt
label=$1; launcher=$2
t=/tmp/ch/p; rm -rf $t; mkdir -p $t
cp -a /tmp/ch/catalog-pristine $t/catalog
cp -al /tmp/bench-large/mailsnap/repository $t/repository
sync
export MAILSNAP_CATALOG=$t/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$t/repository
/usr/bin/time -f "$label %e %U %S %M" -a -o /tmp/ch/prune.txt $launcher forget --keep-last 1 --prune > $t/out.txt 2>&1 &
sleep 0.3; pid=$(pgrep -n -f "mailsnap.jar forget")
bash /work/main/benchmarks/smaps-peak.sh "$pid" /tmp/ch/smaps-$label.txt 0.2
wait
tail -1 /tmp/ch/prune.txt; tail -4 $t/out.txt
