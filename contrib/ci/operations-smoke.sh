#!/usr/bin/env bash
# The README's operations section, followed on this machine inside a scratch directory (so it never touches
# /etc/mailsnap or a real store): the contrib configuration file with its paths moved into the sandbox,
# `config check`, `init`, one run of the command the systemd unit runs (started through systemd when systemd is the
# init system, else run directly), and the metrics file read by Prometheus' own Python parser (Debian's
# python3-prometheus-client, installed when missing). Run as root, like CI. Exits non-zero on the first failure.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
say() { echo "operations-smoke: $*"; }
die() { echo "operations-smoke: ERROR: $*" >&2; exit 1; }

# Debian's own python3: the one python3-prometheus-client installs for (another may come first on PATH).
if ! /usr/bin/python3 -c 'import prometheus_client' 2>/dev/null; then
  say "installing python3-prometheus-client (the Prometheus text-format parser)"
  export DEBIAN_FRONTEND=noninteractive
  policy=$(apt-cache policy python3-prometheus-client 2>/dev/null || true)
  grep -q 'Candidate: [0-9]' <<<"$policy" || apt-get update -q
  apt-get install -y -q --no-install-recommends python3-prometheus-client </dev/null
fi

sandbox=$(mktemp -d /tmp/mailsnap-ops.XXXXXX)
trap 'rm -rf "$sandbox"' EXIT
mailsnap="$root/bin/mailsnap"
"$mailsnap" --version >/dev/null   # builds the jar once, as the README's install step does

# A small store: two mailboxes, INBOX and .Sent.
for user in anne bob; do
  for dir in cur new tmp .Sent/cur .Sent/new .Sent/tmp; do mkdir -p "$sandbox/vmail/example.org/$user/$dir"; done
  printf 'From: a@example.net\r\nSubject: hello %s\r\n\r\nbody\r\n' "$user" \
    >"$sandbox/vmail/example.org/$user/new/1764800000.M1P1.mx1"
done
mkdir -p "$sandbox/etc" "$sandbox/cache" "$sandbox/textfile"
printf 'operations smoke password\n' >"$sandbox/etc/password" && chmod 0600 "$sandbox/etc/password"
sed -e "s#/srv/backup/mail#$sandbox/repo#; s#/etc/mailsnap/password#$sandbox/etc/password#" \
    -e "s#/var/cache/mailsnap#$sandbox/cache#; s#/var/vmail#$sandbox/vmail#" \
    "$root/contrib/mailsnap.conf" >"$sandbox/etc/mailsnap.conf"
export MAILSNAP_CONFIG="$sandbox/etc/mailsnap.conf"

"$mailsnap" config check | tee "$sandbox/check.txt"
grep -q "store .*= $sandbox/vmail .*(file $MAILSNAP_CONFIG:" "$sandbox/check.txt" || die "config check did not take the store from the file"
"$mailsnap" init

# The unit's own command line, with the metrics directory moved into the sandbox.
unit="$root/contrib/systemd/mailsnap-backup.service"
command=$(sed -n 's/^ExecStart=//p' "$unit" | sed "s#/opt/mailsnap/bin/mailsnap#$mailsnap#; s#/var/lib/prometheus/node-exporter#$sandbox/textfile#")
metrics="$sandbox/textfile/mailsnap-backup.prom"
if [[ "$(ps -p 1 -o comm= 2>/dev/null)" == systemd ]] && command -v systemd-run >/dev/null; then
  say "systemd is the init system: running the unit's command as a transient service"
  systemd-run --wait --collect --quiet -p Type=oneshot -p Nice=10 -p IOSchedulingClass=best-effort \
    -p IOSchedulingPriority=7 -p PrivateTmp=true -p NoNewPrivileges=true \
    --setenv=MAILSNAP_CONFIG="$MAILSNAP_CONFIG" $command
else
  say "systemd is not the init system here: running the unit's command directly"
  $command
fi

[[ -f "$metrics" ]] || die "no metrics file at $metrics"
/usr/bin/python3 - "$metrics" <<'PY'
import sys
from prometheus_client.parser import text_string_to_metric_families
values = {}
for family in text_string_to_metric_families(open(sys.argv[1]).read()):
    for sample in family.samples:
        values[sample.name] = sample.value
assert values["mailsnap_backup_exit_code"] == 0, values
assert values["mailsnap_backup_success"] == 1, values
assert values["mailsnap_backup_messages_new"] == 2, values
assert values["mailsnap_backup_last_success_timestamp_seconds"] > 1.7e9, values
print("operations-smoke: metrics parsed by prometheus_client: %d samples, exit code 0, 2 new messages" % len(values))
PY
"$mailsnap" snapshots

# The launcher loads its native libraries (LMDB, AWS-LC) from copies next to the jar, so a run works where the JVM's
# temporary directory cannot hold one (a hardened server mounts /tmp noexec); here it is below a file.
MAILSNAP_JAVA_OPTS="-Djava.io.tmpdir=$sandbox/check.txt/tmp" "$mailsnap" snapshots >/dev/null \
  || die "with java.io.tmpdir unusable, the launcher did not load the native libraries from next to the jar"
say "ok"
