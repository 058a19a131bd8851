#!/bin/bash
# hour.sh LABEL LAUNCHER [JAVA_OPTS]: one backup of the churned 50k store from a fresh copy of the catalog (warm)
label=$1; launcher=$2; opts=$3
t=/tmp/h50/t; rm -rf $t; mkdir -p $t
cp -a /tmp/h50/catalog-pristine $t/catalog; cp -a /tmp/h50/catalog-pristine.unlock $t/catalog.unlock
cp -al /tmp/h50/repository $t/repository
sync
export MAILSNAP_CATALOG=$t/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$t/repository MAILSNAP_JAVA_OPTS="$opts"
/usr/bin/time -f "$label %e %U %S %M" -a -o /tmp/h50/hours.txt $launcher backup --lock none /tmp/h50/store > $t/out 2>$t/err || { echo backup failed; cat $t/err; }
tail -1 /tmp/h50/hours.txt
