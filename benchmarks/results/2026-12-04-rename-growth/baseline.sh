#!/usr/bin/env bash
# baseline: mailsnap (main's jar) and restic, first backup then an hour of renames only, on /tmp/perf/store
set -u
cd /tmp/perf
M=/tmp/perf/base; R=/tmp/perf/restic; rm -rf $M $R; mkdir -p $M $R
T="/usr/bin/time -f %e_s_wall_%U_user_%S_sys_%M_KB"
./ms.sh mailsnap-base.jar $M/repo $M/cat init >/dev/null 2>&1
echo "mailsnap-initial $( { $T ./ms.sh mailsnap-base.jar $M/repo $M/cat backup --lock none store >/dev/null 2>$M/err1; } 2>&1 | tail -1) repo=$(du -sb $M/repo | cut -f1)"
export RESTIC_PASSWORD=bench RESTIC_CACHE_DIR=$R/cache
restic init --repo $R/repo >/dev/null 2>&1
echo "restic-initial $( { $T restic backup --repo $R/repo /tmp/perf/store >/dev/null 2>$R/err1; } 2>&1 | tail -1) repo=$(du -sb $R/repo | cut -f1)"
java -cp mailsnap-base.jar org.mailsnap.mailgen.MailgenMain churn --seed 3 --renames-only store > churn.log 2>&1
echo "churn: $(head -3 churn.log)"
echo "mailsnap-renames $( { $T ./ms.sh mailsnap-base.jar $M/repo $M/cat backup --lock none store >/dev/null 2>$M/err2; } 2>&1 | tail -1) repo=$(du -sb $M/repo | cut -f1)"
echo "restic-renames $( { $T restic backup --repo $R/repo /tmp/perf/store >/dev/null 2>$R/err2; } 2>&1 | tail -1) repo=$(du -sb $R/repo | cut -f1)"
