#!/bin/bash
# gcvar.sh LABEL "OPTS": hour50.sh (50k churn hour from the pristine catalog) with a GC log, then its pause summary
bash /work/main/benchmarks/results/2026-12-07-kept-packs/hour50.sh "$1" /work/main/bin/mailsnap "-Xlog:gc:file=/tmp/h50/gc-$1.log $2" > /dev/null
echo "$(tail -1 /tmp/h50/hours.txt) | $(python3 /tmp/h1m/gcsum.py /tmp/h50/gc-$1.log)" | tee -a /tmp/h50/gcvar.txt
