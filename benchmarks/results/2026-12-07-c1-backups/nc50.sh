#!/bin/bash
# nc50.sh LABEL LAUNCHER: one no-change backup of the 50k runner state in /tmp/bench-small/mailsnap (warm)
label=$1; launcher=$2
d=/tmp/bench-small/mailsnap
export MAILSNAP_CATALOG=$d/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=$d/repository
/usr/bin/time -f "$label %e %U %S %M %F %I" -a -o /tmp/ch/nc50.txt $launcher backup --lock none /tmp/bench-small/store >/dev/null 2>/tmp/ch/nc50.err || { echo failed; cat /tmp/ch/nc50.err; }
