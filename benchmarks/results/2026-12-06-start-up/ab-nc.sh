#!/bin/bash
# usage: ab-nc.sh N "optsA" "optsB": alternates no-change runs, prints medians of wall and user
cd /tmp/bench-keep/mailsnap
export MAILSNAP_CATALOG=/tmp/bench-keep/mailsnap/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=/tmp/bench-keep/mailsnap/repository
n=$1; a=$2; b=$3; : > /tmp/ab-nc.txt
for i in $(seq $n); do
  for l in A B; do
    if [ $l = A ]; then o="$a"; else o="$b"; fi
    MAILSNAP_JAVA_OPTS="$o" /usr/bin/time -f "$l %e %U" -a -o /tmp/ab-nc.txt /work/main/bin/mailsnap backup --json --lock none /tmp/bench-keep/store >/dev/null
  done
done
python3 /tmp/med.py /tmp/ab-nc.txt
