#!/bin/bash
# nc.sh LABEL LAUNCHER [JAVA_OPTS]: a no-change backup on the catalog hour.sh left in /tmp/h50/t
label=$1; launcher=$2; opts=$3; t=/tmp/h50/t
export MAILSNAP_CATALOG=$t/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$t/repository MAILSNAP_JAVA_OPTS="$opts"
/usr/bin/time -f "$label %e %U %S %M" -a -o /tmp/h50/nc.txt $launcher backup --lock none /tmp/h50/store > $t/ncout 2>$t/ncerr || { echo backup failed; cat $t/ncerr; }
tail -1 /tmp/h50/nc.txt
