#!/usr/bin/env bash
# ../2026-12-05-restore/restores.sh with this run's directory (/tmp/r14 instead of /tmp/rp); same usage:
# [REPS="1 2"] [STEPS="whole mailbox"] [SETTLE=35] restores.sh LAUNCHER...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sed 's|/tmp/rp|/tmp/r14|g' "$here/../2026-12-05-restore/restores.sh" | bash -s -- "$@"
