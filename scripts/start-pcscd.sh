#!/usr/bin/env bash
# Starts pcscd (with the vsmartcard vpcd reader) if it is not already running, then waits until
# both the PC/SC socket (/run/pcscd/pcscd.comm) and vpcd's slot 0 port (35963) are up.
#
# Usage: scripts/start-pcscd.sh [timeout-seconds]     (default 10; must run as root)
# Env:   MYNASIM_VPCD_PORT  the vpcd port to wait for (default 35963)
#        PCSCD_ARGS         extra arguments for pcscd (e.g. "-a" to log every APDU)
set -euo pipefail

TIMEOUT="${1:-10}"
PORT="${MYNASIM_VPCD_PORT:-35963}"
COMM=/run/pcscd/pcscd.comm
PIDFILE=/run/pcscd/pcscd.pid
VPCD_CONF=/etc/reader.conf.d/vpcd
INSTALL_HINT="install with: apt-get install -y --no-install-recommends pcscd vsmartcard-vpcd opensc pcsc-tools"

log() { echo "start-pcscd: $*"; }
die() { echo "start-pcscd: ERROR: $*" >&2; exit 1; }

# Checks for a LISTEN socket without connecting: a connection to vpcd would count as a card insertion.
port_open() {
    local hex
    hex="$(printf '%04X' "$PORT")"
    if [[ -r /proc/net/tcp ]]; then
        grep -qE "^ *[0-9]+: [0-9A-F]+:$hex [0-9A-F]+:0000 0A " /proc/net/tcp /proc/net/tcp6 2>/dev/null
    elif command -v ss >/dev/null; then
        ss -Hltn "sport = :$PORT" | grep -q .
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
    fi
}

running_pid() {
    [[ -r "$PIDFILE" ]] || return 1
    local pid
    pid="$(tr -cd "0-9" < "$PIDFILE" 2>/dev/null || true)"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && { echo "$pid"; return 0; }
    return 1
}

PCSCD="$(command -v pcscd || true)"
[[ -z "$PCSCD" && -x /usr/sbin/pcscd ]] && PCSCD=/usr/sbin/pcscd
[[ -n "$PCSCD" ]] || die "pcscd is not installed; $INSTALL_HINT"
[[ -f "$VPCD_CONF" ]] || die "the vpcd reader config $VPCD_CONF is missing (package vsmartcard-vpcd); $INSTALL_HINT"

if pid="$(running_pid)"; then
    log "pcscd already running (pid $pid)"
elif [[ -S "$COMM" ]] && port_open; then
    log "pcscd already running (no pid file, but $COMM and port $PORT answer)"
else
    [[ "$(id -u)" == 0 ]] || die "pcscd is not running and only root can start it; run: sudo $0"
    # A stale socket or pid file from a killed pcscd makes the new one refuse to start.
    rm -f "$COMM" "$PIDFILE"
    # The daemon must keep no descriptor of its caller: a test run under `flock LOCK cmd` would otherwise
    # leave LOCK held by pcscd for as long as it runs, and every later run waiting on LOCK would hang.
    # shellcheck disable=SC2086
    (
        for fd in /proc/$BASHPID/fd/*; do
            fd="${fd##*/}"
            if [[ "$fd" -gt 2 ]]; then eval "exec $fd>&-"; fi
        done 2>/dev/null
        # A session of its own: pcscd (pcsc-lite 1.9) stays in its caller's process group and session when it
        # daemonises, so a tool that ends a job by killing the job's process group (a test runner, a CI step)
        # would take the machine's pcscd with it.
        if command -v setsid >/dev/null; then exec setsid "$PCSCD" ${PCSCD_ARGS:-}; fi
        exec "$PCSCD" ${PCSCD_ARGS:-}
    )
    log "started pcscd ($PCSCD ${PCSCD_ARGS:-})"
fi

deadline=$(( $(date +%s%N) + TIMEOUT * 1000000000 ))
until [[ -S "$COMM" ]] && port_open; do
    if (( $(date +%s%N) > deadline )); then
        [[ -S "$COMM" ]] || die "pcscd did not create $COMM within ${TIMEOUT}s (try 'pcscd --foreground --debug' to see why)"
        die "vpcd is not listening on 127.0.0.1:$PORT within ${TIMEOUT}s; is $VPCD_CONF loaded? ($INSTALL_HINT)"
    fi
    sleep 0.05
done
log "ready: $COMM present, vpcd listening on 127.0.0.1:$PORT"
