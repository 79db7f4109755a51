#!/usr/bin/env bash
# Smoke test of the real TUI in a real terminal (tmux): ingest the seeds, open the queue, move,
# open a claim, go back, search, quit. Exits non-zero with a clear message on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -x "$ROOT/.venv/bin/claimtrack" ]]; then CT="$ROOT/.venv/bin/claimtrack"; else CT="$(command -v claimtrack || true)"; fi
[[ -n "$CT" ]] || { echo "tmux_smoke: claimtrack not found (.venv/bin/claimtrack or PATH)" >&2; exit 2; }
command -v tmux >/dev/null || { echo "tmux_smoke: tmux is not installed" >&2; exit 2; }

TMP="$(mktemp -d)"
SESSION="ctsmoke$$"
DB="$TMP/smoke.db"
cleanup() { command tmux -L "$SESSION" kill-server 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT

fail() {
    echo "tmux_smoke: FAIL: $1" >&2
    echo "---- screen ----" >&2
    tmux capture-pane -p -t "$SESSION" >&2 2>/dev/null || true
    exit 1
}

# wait_for TEXT [SECONDS]: poll the pane until TEXT shows up
wait_for() {
    local text="$1" limit="${2:-15}" i
    for ((i = 0; i < limit * 10; i++)); do
        if tmux capture-pane -p -t "$SESSION" | grep -qF -- "$text"; then return 0; fi
        sleep 0.1
    done
    fail "expected to see '$text' within ${limit}s"
}

CLAIMTRACK_CONFIG="$TMP/none.toml" "$CT" --db "$DB" --analyst smoke ingest "$ROOT/seeds/" >/dev/null \
    || { echo "tmux_smoke: FAIL: ingest of seeds/ failed" >&2; exit 1; }

# a private tmux server (-L): no dependence on (or disturbance of) the user's tmux sessions
tmux() { command tmux -L "$SESSION" -f /dev/null "$@"; }
tmux new-session -d -s "$SESSION" -x 140 -y 40 \
    "cd '$TMP' && TERM=xterm-256color CLAIMTRACK_CONFIG='$TMP/none.toml' '$CT' --db '$DB' --analyst smoke tui; echo TUI-EXITED; sleep 5"

wait_for "match" 20            # the queue and its count are up
wait_for "State"
tmux send-keys -t "$SESSION" Down Down Up
sleep 0.3
tmux send-keys -t "$SESSION" Enter
wait_for "In context"          # the claim screen
wait_for "Appearances"
tmux send-keys -t "$SESSION" Escape
wait_for "/ Search"            # back on the queue footer
sleep 0.5
tmux send-keys -t "$SESSION" t
wait_for "Change state · claim"   # an action key in the queue opens its dialog, not the claim
wait_for "Allowed next states"
tmux send-keys -t "$SESSION" Escape
wait_for "/ Search"
sleep 0.5
tmux send-keys -t "$SESSION" C-p
sleep 0.5
tmux send-keys -t "$SESSION" -l "verdict"
wait_for "Set verdict and rationale"   # the palette finds the verdict action of the queue
tmux send-keys -t "$SESSION" Escape
wait_for "/ Search"
sleep 0.5
tmux send-keys -t "$SESSION" /
sleep 0.3
tmux send-keys -t "$SESSION" -l "#3"
tmux send-keys -t "$SESSION" Enter
wait_for "Claim 3 "            # #3 opens claim 3
tmux send-keys -t "$SESSION" Escape
wait_for "/ Search"
sleep 0.5
tmux send-keys -t "$SESSION" /
sleep 0.3
tmux send-keys -t "$SESSION" -l "zzzznothing"
tmux send-keys -t "$SESSION" Enter
wait_for "0 match"             # a search with no results
tmux send-keys -t "$SESSION" Escape   # clears the search
wait_for "row 1 "
sleep 0.5                             # so that ESC and q are not read as alt+q
tmux send-keys -t "$SESSION" q
wait_for "TUI-EXITED" 10
echo "tmux_smoke: OK"
