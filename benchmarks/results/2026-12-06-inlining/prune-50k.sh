#!/bin/bash
# prune.sh LABEL [java opts]: forget --keep-last 1 --prune on a hard-linked copy of the 50k runner's repository and a copy of its catalog
l=$1; shift
d=/tmp/prunep/run; rm -rf $d; mkdir -p $d
cp -al /tmp/churnp/keep/repository $d/repository; cp -a /tmp/churnp/keep/catalog $d/catalog; cp /tmp/churnp/keep/catalog.unlock $d/
export MAILSNAP_CATALOG=$d/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$d/repository
MAILSNAP_JAVA_OPTS="$*" /usr/bin/time -f "$l %e %U %S %M" -a -o /tmp/prunep/times.txt ${MS:-/work/main/bin/mailsnap} forget --keep-last 1 --prune > /tmp/prunep/$l.out 2>&1
tail -1 /tmp/prunep/times.txt
