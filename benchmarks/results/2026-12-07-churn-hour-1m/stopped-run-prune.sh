#!/usr/bin/env bash
# stopped-run-prune.sh LAUNCHER: a backup stopped after a checkpoint (MAILSNAP_CRASH_AT at its snapshot put, then
# SIGKILL), a prune, a backup, a check. Before 2f8f415 the check found the third run's snapshot naming blobs the
# prune had deleted; since, that run reads the store again and says why, and the check is clean.
set -u
M=$1; W=$(mktemp -d); cd "$W"
J="java -cp $(dirname "$(readlink -f "$M")")/../cli/target/mailsnap.jar org.mailsnap.mailgen.MailgenMain"
export MAILSNAP_REPOSITORY=$W/repo MAILSNAP_PASSWORD=x MAILSNAP_CATALOG=$W/cat
$J generate --preset tiny store > /dev/null 2>&1
$M init > /dev/null && $M backup --lock none store | tail -1
$J churn --seed 3 store > /dev/null 2>&1
MAILSNAP_CRASH_AT=11 $M backup --lock none --checkpoint 1 store > k.out 2> k.err &
until grep -q "reached" k.err; do sleep 0.1; done   # the point is reached: the run waits there for its kill
grep reached k.err; kill -9 %1; wait
rm -f repo/locks/*     # the killed run's lock, stale after 30 minutes anyway
$M prune | tail -1
$M backup --lock none store 2>&1 | grep -E "changes|warning"
$M check --read-data | tail -2
rm -rf "$W"
