#!/bin/bash
# hour.sh LABEL LAUNCHER [JAVA_OPTS]: one backup of the churned 1 M store from a fresh copy of the catalog (warm)
label=$1; launcher=$2; opts=$3
t=/tmp/h1m/t; rm -rf $t; mkdir -p $t
cp -a /tmp/h1m/catalog-pristine $t/catalog; cp -a /tmp/h1m/catalog-pristine.unlock $t/catalog.unlock
cp -al /tmp/h1m/repository $t/repository
sync
export MAILSNAP_CATALOG=$t/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$t/repository MAILSNAP_JAVA_OPTS="$opts"
/usr/bin/time -f "$label %e %U %S %M" -a -o /tmp/h1m/hours.txt $launcher backup --lock none /tmp/bench-large/store > $t/out 2>$t/err || { echo backup failed; cat $t/err; }
tail -1 /tmp/h1m/hours.txt
