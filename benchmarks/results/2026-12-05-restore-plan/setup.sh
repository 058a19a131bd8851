#!/usr/bin/env bash
set -euo pipefail
. /tmp/r14/env.sh
java -cp /tmp/r14/base/cli/target/mailsnap.jar org.mailsnap.mailgen.MailgenMain generate --preset small --seed 1 /tmp/r14/store
/tmp/r14/base/bin/mailsnap init
/tmp/r14/base/bin/mailsnap backup --json --lock none /tmp/r14/store
restic init
restic backup /tmp/r14/store
