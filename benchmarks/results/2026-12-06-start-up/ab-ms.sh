#!/bin/bash
# ab-ms.sh N LAUNCHER_A LAUNCHER_B: alternating no-change backups with two builds, medians
cd /tmp/bench-keep/mailsnap
export MAILSNAP_CATALOG=/tmp/bench-keep/mailsnap/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=/tmp/bench-keep/mailsnap/repository
n=$1; a=$2; b=$3; : > /tmp/ab-ms.txt
for i in $(seq $n); do for l in A B; do
  if [ $l = A ]; then m="$a"; else m="$b"; fi
  /usr/bin/time -f "$l %e %U" -a -o /tmp/ab-ms.txt $m backup --json --lock none /tmp/bench-keep/store >/dev/null
done; done
python3 "$(dirname "$0")"/med.py /tmp/ab-ms.txt 2>/dev/null || python3 /tmp/med.py /tmp/ab-ms.txt
