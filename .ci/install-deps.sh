#!/usr/bin/env bash
# Installs what the Dovecot tests need on a Debian machine, as root, idempotently:
#   - Debian's dovecot-imapd and dovecot-lmtpd (the tests start private instances; the system service is never used,
#     and Debian's policy-rc.d may keep it from starting, which is fine);
#   - the unprivileged user mailsnap-mail that owns the test mail trees (Dovecot refuses uid 0 for mail processes);
#   - btrfs-progs, for the backup tests that snapshot a btrfs filesystem on a loop device (--fs-snapshot btrfs).
# Prints what it did; exits non-zero on the first failure.
set -euo pipefail

readonly PACKAGES=(dovecot-imapd dovecot-lmtpd btrfs-progs)
readonly MAIL_USER=mailsnap-mail

say() { echo "install-deps: $*"; }
die() { echo "install-deps: ERROR: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || die "must run as root (it installs packages and creates the user $MAIL_USER)"
command -v apt-get >/dev/null || die "apt-get not found: this script supports Debian-based machines only"

missing=()
for package in "${PACKAGES[@]}"; do
  if [[ $(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true) == 'install ok installed' ]]; then
    say "$package already installed ($(dpkg-query -W -f='${Version}' "$package"))"
  else
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  export DEBIAN_FRONTEND=noninteractive
  # Update the package lists only when apt cannot see a candidate for a missing package (fresh machine, empty lists).
  for package in "${missing[@]}"; do
    policy=$(apt-cache policy "$package" 2>/dev/null || true) # captured: grep -q on a pipe trips pipefail
    if ! grep -q 'Candidate: [0-9]' <<<"$policy"; then
      say "package lists do not know $package: running apt-get update"
      apt-get update -q || die "apt-get update failed"
      break
    fi
  done
  say "installing ${missing[*]}"
  apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null || die "apt-get install ${missing[*]} failed"
fi

for binary in dovecot doveadm; do
  command -v "$binary" >/dev/null || die "$binary is not on PATH after installing ${PACKAGES[*]}"
done
command -v btrfs >/dev/null || die "btrfs is not on PATH after installing btrfs-progs"
for helper in imap lmtp; do
  [[ -x /usr/lib/dovecot/$helper ]] || die "/usr/lib/dovecot/$helper missing after installing ${PACKAGES[*]}"
done

if getent passwd "$MAIL_USER" >/dev/null; then
  say "user $MAIL_USER already exists ($(id "$MAIL_USER"))"
else
  say "creating system user $MAIL_USER"
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
    --comment "mailsnap Dovecot test mail owner" "$MAIL_USER" || die "useradd $MAIL_USER failed"
  say "created $(id "$MAIL_USER")"
fi

say "done: $(dovecot --version | head -n1) ready; mail user $MAIL_USER"
