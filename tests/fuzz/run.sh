#!/usr/bin/env bash
# Fuzzes every Lupa entry point: tests/fuzz/run.sh SECONDS [TARGET...]
#
# Runs each cargo-fuzz target (tokenize extract_es extract_en extract_options
# highlight, or those named) for SECONDS, then replays every corpus through
# every check with tests/fuzz/drive (which also parses highlight output with
# html5ever). Without a nightly toolchain it falls back to drive's seeded
# mutator for the same total time. Installs cargo-fuzz if missing.
#
# Seed corpus, rebuilt on each run and never committed: the seed articles in
# seeds/, the adversarial inputs in tests/testdata/fuzz-regressions/, and a
# few hundred sentences of ../shared/data (CoNLL-2002 Spanish, CoNLL-2003
# English) when that folder is present. Findings go to tests/fuzz/artifacts/.
# Per input: 1 s time limit, 2 GiB memory limit. Exit status non-zero on any
# crash, timeout or out-of-memory.
set -euo pipefail

seconds=${1:-60}
shift || true
fuzz_dir=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$fuzz_dir/../.." && pwd)
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tokenize extract_es extract_en extract_options highlight)

log() { printf '\033[1m[fuzz]\033[0m %s\n' "$*"; }

# ---- the seed corpus --------------------------------------------------------
seeds="$fuzz_dir/corpus/_seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
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
log "seed corpus: $(ls "$seeds" | wc -l) files"

# ---- the replay and fallback driver (stable toolchain) ----------------------
drive="$fuzz_dir/target/drive/release/drive"
cargo build --quiet --release --manifest-path "$fuzz_dir/drive/Cargo.toml" --target-dir "$fuzz_dir/target/drive"

status=0
summary=()

have_nightly() { rustup run nightly rustc --version >/dev/null 2>&1; }
if ! have_nightly; then
  log "no nightly toolchain; trying to install one"
  rustup toolchain install nightly --profile minimal >/dev/null 2>&1 || true
fi

if have_nightly; then
  if ! cargo fuzz --version >/dev/null 2>&1; then
    log "installing cargo-fuzz"
    cargo install cargo-fuzz --locked >/dev/null 2>&1 || cargo install cargo-fuzz
  fi
  # Lupa has no unsafe code: AddressSanitizer would only halve the speed.
  # Debug assertions (overflow checks) stay on.
  fuzz=(cargo +nightly fuzz)
  "${fuzz[@]}" build --fuzz-dir tests/fuzz -s none
  mkdir -p "$fuzz_dir/logs"
  bin_dir="$fuzz_dir/target/x86_64-unknown-linux-gnu/release"
  for t in "${targets[@]}"; do
    corpus="$fuzz_dir/corpus/$t"
    mkdir -p "$corpus" "$fuzz_dir/artifacts/$t"
    log "fuzzing $t for ${seconds}s"
    logf="$fuzz_dir/logs/$t.log"
    : >"$logf"
    total=0 cov="" failed="" flukes=0
    deadline=$((SECONDS + seconds))
    # libFuzzer stops at the first timeout. On a busy machine a one-second
    # limit can trip on an input that takes milliseconds, so a timeout is
    # re-run alone three times: if it never exceeds the limit it is counted as
    # a fluke, dropped, and fuzzing goes on for the time left.
    while [ $SECONDS -lt $deadline ] && [ -z "$failed" ]; do
      left=$((deadline - SECONDS))
      from=$(($(wc -l <"$logf") + 1))
      set +e
      "${fuzz[@]}" run --fuzz-dir tests/fuzz -s none "$t" "$corpus" "$seeds" -- \
        -max_total_time="$left" -timeout="${FUZZ_TIMEOUT:-1}" -rss_limit_mb=2048 -max_len=65536 \
        -dict="$fuzz_dir/lupa.dict" -print_final_stats=1 >>"$logf" 2>&1
      rc=$?
      set -e
      runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logf" | grep -o '[0-9]*$' | tail -1)
      total=$((total + ${runs:-0}))
      sed -i 's/stat::number_of_executed_units:/stat::counted_units:/' "$logf"
      cov=$(grep -oE 'cov: [0-9]+' "$logf" | tail -1)
      [ $rc -eq 0 ] && break
      artifact=$(tail -n +"$from" "$logf" | grep -o "Test unit written to [^ ]*" | tail -1 | sed 's/Test unit written to //')
      if [ -n "$artifact" ] && tail -n +"$from" "$logf" | grep -q "ERROR: libFuzzer: timeout" \
         && "$bin_dir/$t" -timeout="${FUZZ_TIMEOUT:-1}" "$artifact" "$artifact" "$artifact" >/dev/null 2>&1; then
        flukes=$((flukes + 1))
        echo "[run.sh] timeout did not reproduce alone (machine load): $artifact" >>"$logf"
        rm -f "$artifact"
      else
        failed="exit $rc"
      fi
    done
    if [ -n "$failed" ]; then
      status=1
      grep -E 'ERROR|panicked|Test unit written|SUMMARY' "$logf" | tail -20 || true
      summary+=("$t: FAILED after $total executions ($failed), see $logf and tests/fuzz/artifacts/$t/")
    else
      summary+=("$t: $total executions in ${seconds}s, ${cov:-cov ?}, no crash, timeout or OOM ($flukes load-induced timeouts that did not reproduce)")
    fi
  done
  log "replaying every corpus through every check (html5ever included)"
  set +e
  replay=$("$drive" replay "$seeds" "${targets[@]/#/$fuzz_dir/corpus/}" 2>&1)
  rc=$?
  set -e
  echo "$replay" | tail -5
  [ $rc -eq 0 ] || status=1
  summary+=("replay: $(echo "$replay" | tail -1)")
else
  total=$((seconds * ${#targets[@]}))
  log "no nightly toolchain: libFuzzer unavailable; running the seeded mutator (drive) for ${total}s"
  set +e
  out=$("$drive" fuzz "$total" "$seeds" 2>&1)
  rc=$?
  set -e
  echo "$out" | tail -5
  [ $rc -eq 0 ] || status=1
  summary+=("drive fuzz: $(echo "$out" | tail -1)")
fi

log "summary"
printf '  %s\n' "${summary[@]}"
exit $status
