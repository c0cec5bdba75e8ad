#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keytar has a
# Secret Service on a headless machine (CI, containers, SSH). The keyring lives in a throwaway
# HOME, removed afterwards: the user's own keyring is never read or written.
#   scripts/with-keyring.sh npx vitest run --project keychain
set -eu

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-keyring.sh <command> [args...]" >&2
  exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' is missing. Install it with:" >&2
    echo "  apt-get install -y --no-install-recommends gnome-keyring dbus dbus-x11" >&2
    exit 127
  fi
done

keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/image-desk-keyring.XXXXXX")
trap 'rm -rf "$keyring_home"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# npm reads its user config and cache from HOME: keep the real ones for commands run via npm/npx.
export npm_config_userconfig="${npm_config_userconfig:-$HOME/.npmrc}"
export npm_config_cache="${npm_config_cache:-$HOME/.npm}"
export HOME="$keyring_home"
unset XDG_DATA_HOME XDG_RUNTIME_DIR GNOME_KEYRING_CONTROL

# The daemon creates the login keyring with a throwaway password and unlocks it; it claims the
# Secret Service name on the bus a moment after --unlock returns, so the command waits for that
# (else keytar could race it). Afterwards the daemon is stopped by the pid owning that name on
# this private bus: it does not always exit with the bus, and would keep writing into HOME.
# dbus-daemon may print "Failed to set fd limit": harmless without CAP_SYS_RESOURCE.
status=0
dbus-run-session -- sh -c '
  bus() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      "org.freedesktop.DBus.$1" string:org.freedesktop.secrets 2>/dev/null
  }
  owned() { bus NameHasOwner | grep -q "boolean true"; }
  printf %s pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  tries=0
  until owned || [ "$tries" -ge 100 ]; do sleep 0.05; tries=$((tries + 1)); done
  if ! owned; then echo "with-keyring: gnome-keyring did not start its Secret Service" >&2; fi

  status=0
  "$@" || status=$?

  pid=$(bus GetConnectionUnixProcessID | awk "/uint32/ { print \$2 }")
  if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
    tries=0
    while owned && [ "$tries" -lt 100 ]; do sleep 0.05; tries=$((tries + 1)); done
  fi
  exit "$status"
' with-keyring "$@" || status=$?
exit "$status"
