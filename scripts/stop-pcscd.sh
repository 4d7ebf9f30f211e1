#!/usr/bin/env bash
# Stops the pcscd recorded in /run/pcscd/pcscd.pid and waits (up to ~10 s) until it is gone.
# Usage: scripts/stop-pcscd.sh [timeout-seconds]      (must run as root, like pcscd)
set -euo pipefail

TIMEOUT="${1:-10}"
COMM=/run/pcscd/pcscd.comm
PIDFILE=/run/pcscd/pcscd.pid

log() { echo "stop-pcscd: $*"; }
die() { echo "stop-pcscd: ERROR: $*" >&2; exit 1; }

pid="$(tr -cd "0-9" < "$PIDFILE" 2>/dev/null || true)"
if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
    if [[ -S "$COMM" ]]; then
        die "$COMM exists but $PIDFILE names no live pcscd (started with --foreground?); stop that pcscd yourself"
    fi
    log "pcscd is not running"
    exit 0
fi

kill -TERM "$pid"
deadline=$(( $(date +%s%N) + TIMEOUT * 1000000000 ))
while kill -0 "$pid" 2>/dev/null; do
    if (( $(date +%s%N) > deadline )); then
        log "pcscd (pid $pid) ignored SIGTERM for ${TIMEOUT}s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        break
    fi
    sleep 0.05
done
rm -f "$COMM" "$PIDFILE"
log "stopped pcscd (pid $pid)"
