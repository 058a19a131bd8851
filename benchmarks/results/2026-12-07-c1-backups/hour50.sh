#!/bin/bash
# hour50.sh LABEL LAUNCHER [ENV=VAL...]: one backup of the churned 50k store from a fresh copy of the catalog of the state
# before the hour (repository hard-linked: a backup only adds files); appends "LABEL wall user sys maxrss_kb" to /tmp/ch/hour50.txt
label=$1; launcher=$2; shift 2
t=/tmp/ch/t50; rm -rf $t; mkdir -p $t
cp -a /tmp/ch/c50-pristine $t/catalog
cp -al /tmp/bench-small/mailsnap/repository $t/repository
export MAILSNAP_CATALOG=$t/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$t/repository
env "$@" /usr/bin/time -f "$label %e %U %S %M" -a -o /tmp/ch/hour50.txt $launcher backup --lock none /tmp/bench-small/store > $t/out 2>$t/err || { echo backup failed; cat $t/err; }
tail -1 /tmp/ch/hour50.txt
