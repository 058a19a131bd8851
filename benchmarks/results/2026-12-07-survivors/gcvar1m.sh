#!/bin/bash
# gcvar.sh LABEL LAUNCHER "OPTS": hour.sh with a GC log, then its pause summary and the run's longest lock hold
/tmp/h1m/hour.sh "$1" "$2" "-Xlog:gc:file=/tmp/h1m/gc-$1.log $3" > /dev/null
hold=$(grep -o "longest hold [0-9.]* ms" /tmp/h1m/t/out)
echo "$(tail -1 /tmp/h1m/hours.txt) | $(python3 /tmp/h1m/gcsum.py /tmp/h1m/gc-$1.log) | $hold" | tee -a /tmp/h1m/gcvar.txt
