#!/bin/bash
# rst.sh LABEL LAUNCHER [MAILBOX]: a restore of the 50k repository in /tmp/thr/run into a new directory; GC log kept
label=$1; L=$2; mb=$3
export MAILSNAP_CATALOG=/tmp/thr/run/cat MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=/tmp/thr/run/repo
rm -rf /tmp/rs/out; sync
args=(restore -s latest -t /tmp/rs/out); [ -n "$mb" ] && args+=(--mailbox "$mb")
MAILSNAP_JAVA_OPTS="-Xlog:gc:file=/tmp/rs/gc-$label.txt" /usr/bin/time -f "$label %e %U %S %M" -a -o /tmp/rs/rst.txt $L "${args[@]}" >/dev/null 2>/tmp/rs/rst.err || cat /tmp/rs/rst.err
f=/tmp/rs/gc-$label.txt
echo "$(tail -1 /tmp/rs/rst.txt) gc $(grep -c 'Pause' $f) $(grep -oE '[0-9.]+ms$' $f | tr -d ms | awk '{s+=$1} END {printf "%.0f", s}')ms"
