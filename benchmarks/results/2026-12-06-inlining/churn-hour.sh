#!/bin/bash
# run.sh LABEL [java opts]: the same churn hour backed up from a fresh copy of the catalog and repository
l=$1; shift
export MAILSNAP_CATALOG=/tmp/churnp/run/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=/tmp/churnp/run/repository
rm -rf /tmp/churnp/run; mkdir -p /tmp/churnp/run; cp -a /tmp/churnp/keep/catalog /tmp/churnp/run/catalog; cp /tmp/churnp/keep/catalog.unlock /tmp/churnp/run/; cp -al /tmp/churnp/keep/repository /tmp/churnp/run/repository
sync
MAILSNAP_JAVA_OPTS="$*" /usr/bin/time -f "$l %e %U %S %M" -a -o /tmp/churnp/times.txt ${MS:-/work/main/bin/mailsnap} backup --json --lock none /tmp/bench-small/store > /tmp/churnp/$l.json
tail -1 /tmp/churnp/times.txt
