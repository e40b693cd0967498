#!/usr/bin/env bash
# Fuzzes every Lupa entry point.
#
#   tests/fuzz/run.sh SECONDS [TARGET...]     each target for SECONDS
#   tests/fuzz/run.sh --runs N [TARGET...]    each target for N executions
#
# Targets: tokenize extract_es extract_en extract_options highlight patterns (default:
# all, one after the other). Then every corpus is replayed through every check
# by tests/fuzz/drive (which also parses highlight output with html5ever).
#
# Engine: libFuzzer through cargo-fuzz when a nightly toolchain is installed
# (cargo-fuzz itself is installed from crates.io if missing); otherwise, as on
# a fresh CI machine with only stable Rust, drive's seeded mutator runs each
# target for the same budget. FUZZ_ENGINE=drive forces the fallback.
#
# Limits per input, the same for both engines: FUZZ_TIMEOUT seconds (1),
# FUZZ_RSS_MB of memory (2048), FUZZ_MAX_LEN bytes (4096: a news paragraph
# or several; the seed articles are cut there. Longer inputs only slow the
# search down: super-linear costs are caught at 100,000+ units by
# tests/limits.rs, where a one-second limit on a 64 kB input would not see them).
# FUZZ_MAX_TIME caps each target's seconds in --runs mode; FUZZ_FLUKES how
# many load-induced timeouts (see below) a target may have. FUZZ_TRACE_COMPARES=0
# builds without cargo-fuzz's comparison tracing: more executions per second
# (the tokenizer is all character comparisons, and the tracing hooks took 73%
# of the tokenize target's time in perf), for a search that solves
# comparisons less well; lupa.dict gives it the words they compare with.
#
# No clock is read here: libFuzzer keeps its own budgets; drive is bounded by
# `timeout`, or by its execution count.
#
# Seed corpus, rebuilt on each run and never committed: the seed articles in
# seeds/, the inputs in tests/testdata/fuzz-regressions/, and a few hundred
# sentences of ../shared/data (CoNLL-2002 Spanish, CoNLL-2003 English) when
# that folder is present. Findings go to tests/fuzz/artifacts/, logs to
# tests/fuzz/logs/. Exit status non-zero on any crash, reproducible timeout
# or out-of-memory.
set -euo pipefail

usage() { echo "usage: $0 SECONDS [TARGET...] | $0 --runs N [TARGET...]" >&2; exit 2; }
seconds="" runs=""
case "${1:-}" in
  --runs) runs=${2:-}; shift 2 || usage ;;
  "") seconds=60 ;;
  *) seconds=$1; shift ;;
esac
[[ "${seconds}${runs}" =~ ^[0-9]+$ ]] || usage
fuzz_dir=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$fuzz_dir/../.." && pwd)
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tokenize extract_es extract_en extract_options highlight patterns)
max_flukes=${FUZZ_FLUKES:-3}
timeout_s=${FUZZ_TIMEOUT:-1} rss_mb=${FUZZ_RSS_MB:-2048} max_len=${FUZZ_MAX_LEN:-4096} max_time=${FUZZ_MAX_TIME:-}
budget=$([ -n "$runs" ] && echo "$runs executions${max_time:+ (at most ${max_time}s)}" || echo "${seconds}s")

log() { printf '\033[1m[fuzz]\033[0m %s\n' "$*"; }

# ---- the seed corpus --------------------------------------------------------
seeds="$fuzz_dir/corpus/_seeds"
rm -rf "$seeds"
mkdir -p "$seeds" "$fuzz_dir/logs"
cp seeds/*.txt "$seeds/" 2>/dev/null || true
for f in tests/testdata/fuzz-regressions/*; do
  case "$f" in *.md) ;; *) cp "$f" "$seeds/" ;; esac
done
data="$root/../shared/data"
conll_sentences() { # FILE PREFIX COUNT: one sentence per file, and ten-sentence "articles"
  awk -v dir="$seeds" -v prefix="$2" -v max="$3" '
    /^-DOCSTART-/ { next }
    NF == 0 { if (s != "") { n++; if (n <= max) { f = sprintf("%s/%s-%04d.txt", dir, prefix, n); printf "%s", s > f; close(f) }
                             a = a (a == "" ? "" : (n % 3 ? " " : "\n\n")) s
                             if (n % 10 == 0 && n <= max * 3) { f = sprintf("%s/%s-article-%04d.txt", dir, prefix, n / 10); printf "%s", a > f; close(f); a = "" }
                             s = "" } next }
    { s = s (s == "" ? "" : " ") $1 }' "$1"
}
if [ -f "$data/conll2002-es/esp.testa" ]; then
  conll_sentences "$data/conll2002-es/esp.testa" es 300
fi
if [ -f "$data/conll2003-en/eng.testa" ]; then
  conll_sentences "$data/conll2003-en/eng.testa" en 100
fi
log "seed corpus: $(find "$seeds" -type f | wc -l) files"

# ---- the replay and fallback driver (stable toolchain) ----------------------
drive="$fuzz_dir/target/drive/release/drive"
cargo build --quiet --release --manifest-path "$fuzz_dir/drive/Cargo.toml" --target-dir "$fuzz_dir/target/drive"
limits=(--timeout "$timeout_s" --rss-limit-mb "$rss_mb" --max-len "$max_len")

# ---- the engine -------------------------------------------------------------
# rustup cannot fetch a nightly on a machine that reaches only package
# registries, so none is installed here: it is used when present.
engine=${FUZZ_ENGINE:-}
if [ -z "$engine" ]; then
  engine=drive
  if rustup run nightly rustc --version >/dev/null 2>&1; then
    if cargo fuzz --version >/dev/null 2>&1 || { log "installing cargo-fuzz"; cargo install cargo-fuzz --locked >/dev/null 2>&1; }; then
      engine=libfuzzer
    fi
  fi
fi
case "$engine" in
  libfuzzer)
    # No AddressSanitizer: the one unsafe block these native targets reach
    # reads back bytes copied from a &str (tests/fuzz/README.md); ASan would
    # halve the speed for it.
    # cargo-fuzz keeps debug assertions and overflow checks on.
    build_flags=(--fuzz-dir tests/fuzz -s none)
    [ "${FUZZ_TRACE_COMPARES:-1}" = 0 ] && build_flags+=(--no-trace-compares)
    cargo +nightly fuzz build "${build_flags[@]}"
    bin_dir="$fuzz_dir/target/x86_64-unknown-linux-gnu/release" ;;
  drive) log "no nightly toolchain (or FUZZ_ENGINE=drive): fuzzing with drive's seeded mutator" ;;
  *) echo "FUZZ_ENGINE must be libfuzzer or drive" >&2; exit 2 ;;
esac

# One engine run of target $1 for the budget left, appending to $logf.
# Sets rc and artifact (the finding's path, when there is one).
run_once() {
  local t=$1 left_runs=$2 attempt=$3 from
  from=$(($(wc -l <"$logf") + 1))
  set +e
  if [ "$engine" = libfuzzer ]; then
    local budget_flags=()
    [ -n "$runs" ] && budget_flags+=(-runs="$left_runs")
    [ -n "$seconds" ] && budget_flags+=(-max_total_time="$seconds")
    [ -n "$runs" ] && [ -n "$max_time" ] && budget_flags+=(-max_total_time="$max_time")
    cargo +nightly fuzz run "${build_flags[@]}" "$t" "$fuzz_dir/corpus/$t" "$seeds" -- \
      "${budget_flags[@]}" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" -max_len="$max_len" \
      -dict="$fuzz_dir/lupa.dict" -print_final_stats=1 >>"$logf" 2>&1
    rc=$?
    artifact=$(tail -n +"$from" "$logf" | grep -o "Test unit written to [^ ]*" | tail -1 | sed 's/Test unit written to //')
    kind=$(tail -n +"$from" "$logf" | grep -oE "ERROR: libFuzzer: [a-z-]+" | tail -1 | sed 's/.*: //')
  else
    local cmd=("$drive" fuzz --target "$t" --seed "$attempt" "${limits[@]}")
    [ -n "$runs" ] && cmd+=(--runs "$left_runs")
    cmd+=("$seeds")
    local cap=${seconds:-$max_time}
    if [ -n "$cap" ]; then
      timeout --signal=TERM --kill-after=10 "$cap" "${cmd[@]}" >>"$logf" 2>&1
      rc=$?
      [ $rc -eq 124 ] && rc=0 # the time budget ran out, as it should
    else
      "${cmd[@]}" >>"$logf" 2>&1
      rc=$?
    fi
    artifact=$(tail -n +"$from" "$logf" | grep -o "saved as [^ ]*" | tail -1 | sed 's/saved as //')
    kind=$(tail -n +"$from" "$logf" | grep -oE "^drive: [a-z]+ in target" | tail -1 | awk '{print $2}')
  fi
  set -e
}

# Executions so far in $logf: the sum over its engine runs.
executions() {
  if [ "$engine" = libfuzzer ]; then
    { grep -o 'stat::number_of_executed_units: *[0-9]*' "$logf" || true; } | awk '{n += $2} END {print n + 0}'
  else
    # drive prints its count every thousand inputs and when done; a run cut
    # by `timeout` counts to its last report.
    awk '/^drive fuzz: [0-9]+ inputs/ {last = $3} /^== run ==/ {n += last; last = 0} END {print n + last}' "$logf"
  fi
}

status=0
summary=()
for t in "${targets[@]}"; do
  mkdir -p "$fuzz_dir/corpus/$t" "$fuzz_dir/artifacts/$t"
  log "fuzzing $t for $budget ($engine)"
  logf="$fuzz_dir/logs/$t.log"
  : >"$logf"
  failed="" flukes=0 attempt=0
  # The first timeout ends a run. On a busy machine a one-second limit can
  # trip on an input that takes milliseconds, so a timeout is re-run alone
  # three times: if it never exceeds the limit it is counted as load, dropped,
  # and fuzzing starts again (at most FUZZ_FLUKES times, 3 by default: long
  # --runs jobs beside other work need more; a restart in SECONDS mode gets
  # the whole budget again, as nothing here reads a clock).
  while :; do
    attempt=$((attempt + 1))
    echo "== run == $attempt" >>"$logf"
    done_runs=$(executions)
    run_once "$t" "$((${runs:-0} - done_runs))" "$attempt"
    [ $rc -eq 0 ] && break
    if [ "$kind" = timeout ] && [ -n "$artifact" ] && [ $flukes -lt "$max_flukes" ]; then
      if [ "$engine" = libfuzzer ]; then
        "$bin_dir/$t" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" "$artifact" "$artifact" "$artifact" >/dev/null 2>&1
      else
        "$drive" replay --target "$t" "${limits[@]}" "$artifact" "$artifact" "$artifact" >/dev/null 2>&1
      fi
      if [ $? -eq 0 ]; then
        flukes=$((flukes + 1))
        echo "[run.sh] timeout did not reproduce alone (machine load): $artifact" >>"$logf"
        rm -f "$artifact"
        [ -n "$runs" ] && [ "$(executions)" -ge "$runs" ] && break
        continue
      fi
    fi
    failed="${kind:-exit $rc}${artifact:+: $artifact}"
    break
  done
  total=$(executions)
  if [ "$engine" = libfuzzer ]; then
    speed="$({ grep -o 'stat::average_exec_per_sec: *[0-9]*' "$logf" || true; } | tail -1 | awk '{print $2}') exec/s, $({ grep -oE 'cov: [0-9]+' "$logf" || true; } | tail -1)"
  else
    speed=$([ -n "$seconds" ] && echo "$((total / (seconds > 0 ? seconds : 1))) exec/s" || echo "no clock here: time it outside")
  fi
  if [ -n "$failed" ]; then
    status=1
    grep -E 'ERROR|panicked|Test unit written|saved as|SUMMARY' "$logf" | tail -20 || true
    summary+=("$t: FAILED after $total executions ($failed); see $logf")
  else
    summary+=("$t: $total executions ($speed), no crash, timeout or OOM ($flukes load-induced timeouts that did not reproduce)")
  fi
done

log "replaying every corpus through every check (html5ever included)"
corpora=("$seeds")
for t in "${targets[@]}"; do
  [ -d "$fuzz_dir/corpus/$t" ] && corpora+=("$fuzz_dir/corpus/$t")
done
set +e
replay=$("$drive" replay "${limits[@]}" "${corpora[@]}" 2>&1)
rc=$?
set -e
echo "$replay" | tail -5
[ $rc -eq 0 ] || status=1
summary+=("replay: $(echo "$replay" | tail -1)")

log "summary"
printf '  %s\n' "${summary[@]}"
exit $status
