#!/bin/bash
# fbgc.sh LABEL "OPTS": 50k first backup (fbt.sh, 2 threads, warm) with a GC log, then its pause summary
MAILSNAP_JAVA_OPTS="-Xlog:gc:file=/tmp/thr/gc-$1.log $2" bash /work/main/benchmarks/results/2026-12-07-read-ahead/fbt.sh "$1" 2 /tmp/bench-small/store warm > /dev/null
echo "$(tail -1 /tmp/thr/fbt.txt) | $(python3 /tmp/h1m/gcsum.py /tmp/thr/gc-$1.log)" | tee -a /tmp/thr/fbgc.txt
