#!/bin/bash
# Issue 16's cuts of 2026-12-06: main at the session's start (dc1bc6f, built in /tmp/wt-start) against main after
# them (82c77cd, built by .ci/run in /tmp/ciclone), two rounds.
exec "$(dirname "$(readlink -f "$0")")/../ab.sh" /tmp/wt-start/bin/mailsnap /tmp/ciclone/bin/mailsnap 2 /tmp/ab2-results
