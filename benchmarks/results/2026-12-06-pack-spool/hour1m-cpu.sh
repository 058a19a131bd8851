#!/bin/bash
# hour1m-cpu.sh LABEL SEED [JAVA_OPTS]: churn the 1M store one hour, back it up; appends "LABEL wall user sys maxrss_kb" to hour1m-cpu.txt
label=$1; seed=$2; shift 2
export MAILSNAP_CATALOG=/tmp/bench-large/mailsnap/catalog MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_REPOSITORY=/tmp/bench-large/mailsnap/repository
java -cp /work/main/cli/target/mailsnap.jar org.mailsnap.mailgen.MailgenMain churn --seed $seed /tmp/bench-large/store > /dev/null
MAILSNAP_JAVA_OPTS="$*" /usr/bin/time -f "$label %e %U %S %M" -a -o /tmp/mem/hour1m-cpu.txt /work/main/bin/mailsnap backup --lock none /tmp/bench-large/store > /tmp/mem/hour-$label.out 2>&1
tail -1 /tmp/mem/hour1m-cpu.txt
