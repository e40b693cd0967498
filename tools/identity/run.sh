#!/usr/bin/env bash
# Builds the CLI at REV (default: HEAD) and the working tree's, then checks
# that `lupa extract` gives byte-identical JSON on every input
# (tools/identity/check.py). REV's binary is kept in target/identity/.
#
#   bash tools/identity/run.sh [REV]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
rev="$(git rev-parse "${1:-HEAD}")"
bin="$root/target/identity/lupa-$rev"
if [[ ! -x "$bin" ]]; then
  src="$root/target/identity/src"
  git worktree remove --force "$src" 2>/dev/null || rm -rf "$src"
  git worktree add --detach "$src" "$rev" >/dev/null
  (cd "$src" && CARGO_TARGET_DIR="$root/target/identity/build" cargo build --release --features cli --quiet)
  cp "$root/target/identity/build/release/lupa" "$bin"
  git worktree remove --force "$src"
fi
cargo build --release --features cli --quiet
python3 tools/identity/check.py "$bin" target/release/lupa
