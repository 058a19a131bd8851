#!/bin/bash
# usage: fb.sh LABEL [java opts]; a first backup of the 50k store into a fresh repository
label=$1; shift
d=/tmp/fbtest; rm -rf $d; mkdir -p $d
export MAILSNAP_CATALOG=$d/catalog MAILSNAP_PASSWORD=x MAILSNAP_REPOSITORY=$d/repo
${MS:-/work/main/bin/mailsnap} init >/dev/null 2>&1
MAILSNAP_JAVA_OPTS="$*" /usr/bin/time -f "$label wall %e s user %U sys %S rss %M KB" ${MS:-/work/main/bin/mailsnap} backup --lock none ${FB_STORE:-/tmp/bench-keep/store} >/dev/null 2>/tmp/fb.err
tail -1 /tmp/fb.err
