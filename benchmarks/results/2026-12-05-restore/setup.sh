#!/usr/bin/env bash
# The store and the two repositories the restore runs read (run once; ~3 minutes on a quiet machine).
# BASE is a copy of bin/mailsnap and cli/target/mailsnap.jar built at the commit measured as "before".
set -euo pipefail
export MAILSNAP_REPOSITORY=/tmp/rp/ms-repo MAILSNAP_PASSWORD=mailsnap-benchmark MAILSNAP_CATALOG=/tmp/rp/ms-catalog
export RESTIC_PASSWORD=mailsnap-benchmark RESTIC_CACHE_DIR=/tmp/rp/restic-cache RESTIC_REPOSITORY=/tmp/rp/restic-repo
java -cp cli/target/mailsnap.jar org.mailsnap.mailgen.MailgenMain generate --preset small --seed 1 /tmp/rp/store
"$BASE"/bin/mailsnap init
"$BASE"/bin/mailsnap backup --json --lock none /tmp/rp/store
restic init
restic backup /tmp/rp/store
