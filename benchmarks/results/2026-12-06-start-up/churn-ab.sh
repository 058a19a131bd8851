#!/bin/bash
# churn-ab.sh N "optsA" "optsB": the same churn hour backed up from the same catalog and repository, alternately
n=$1; a=$2; b=$3; out=/tmp/churn-ab.txt; : > $out
export MAILSNAP_CATALOG=/tmp/churnrun/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=/tmp/churnrun/repository
for i in $(seq $n); do for l in A B; do
  if [ $l = A ]; then o="$a"; else o="$b"; fi
  rm -rf /tmp/churnrun; mkdir -p /tmp/churnrun; cp -a /tmp/bench-keep/mailsnap/catalog /tmp/churnrun/catalog; cp /tmp/bench-keep/mailsnap/catalog.unlock /tmp/churnrun/; cp -al /tmp/bench-keep/mailsnap/repository /tmp/churnrun/repository
  sync
  MAILSNAP_JAVA_OPTS="$o" /usr/bin/time -f "$l %e %U" -a -o $out /work/main/bin/mailsnap backup --json --lock none /tmp/bench-small/store >/dev/null
done; done
python3 /tmp/med.py $out
