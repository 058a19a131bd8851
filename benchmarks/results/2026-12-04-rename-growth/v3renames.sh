#!/usr/bin/env bash
# v3renames.sh LABEL JAR : first backup of a hard-linked copy of the pristine store, then an hour of renames only
set -u
label=$1; jar=$2
cd /tmp/perf
S=/tmp/perf/store-$label; rm -rf $S; cp -al store0 $S
M=/tmp/perf/$label; rm -rf $M; mkdir -p $M
./ms.sh $jar $M/repo $M/cat init >/dev/null 2>&1
/usr/bin/time -f %e_s_wall_%U_user_%S_sys_%M_KB ./ms.sh $jar $M/repo $M/cat backup --lock none $S >$M/out1 2>$M/err1
a=$(du -sb $M/repo | cut -f1); echo "$label initial $(tail -1 $M/err1) repo=$a"
java -cp mailsnap-base.jar org.mailsnap.mailgen.MailgenMain churn --seed 3 --renames-only $S > $M/churn.log 2>&1
echo "churn: $(head -1 $M/churn.log)"
/usr/bin/time -f %e_s_wall_%U_user_%S_sys_%M_KB ./ms.sh $jar $M/repo $M/cat backup --json --lock none $S >$M/out2 2>$M/err2
b=$(du -sb $M/repo | cut -f1); echo "$label renames $(tail -1 $M/err2) repo=$b growth=$((b-a))"
/usr/bin/time -f %e_s_wall_%U_user_%S_sys_%M_KB ./ms.sh $jar $M/repo $M/cat backup --lock none $S >$M/out3 2>$M/err3
c=$(du -sb $M/repo | cut -f1); echo "$label no-change $(tail -1 $M/err3) repo=$c growth=$((c-b))"
