#!/usr/bin/env bash
# Retrains both NER models with the commands of models/README.md into a
# temporary folder and checks that their sha256 equals the shipped files'.
#
#   bash tools/identity/models.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
data=../shared/data
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo build --release --features cli --quiet
target/release/lupa train --lang es \
  --train $data/conll2002-es/esp.train --dev $data/conll2002-es/esp.testa \
  --gazetteers $data/gazetteers-es --first-names 15000 --train-gazetteer --epochs 8 \
  --lists src/lang/es/data --clusters $data/clusters/es.tsv --cluster-words 20000 \
  --max-rows 45000 --augment 10 --out "$out/es.bin" >/dev/null
target/release/lupa train --lang en \
  --train $data/conll2003-en/eng.train --dev $data/conll2003-en/eng.testa \
  --train-gazetteer --epochs 8 --lists src/lang/en/data --clusters $data/clusters/en.tsv \
  --cluster-words 20000 --max-rows 45000 --out "$out/en.bin" >/dev/null
status=0
for l in es en; do
  a=$(sha256sum < "models/$l.bin" | cut -d' ' -f1)
  b=$(sha256sum < "$out/$l.bin" | cut -d' ' -f1)
  if [[ "$a" == "$b" ]]; then echo "models/$l.bin: rebuilt identical ($a)"; else echo "models/$l.bin: DIFFERS ($a shipped, $b rebuilt)"; status=1; fi
done
exit $status
