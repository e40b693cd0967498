"""Small helpers shared by the generators: deterministic TSV output."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = {
    "common": ROOT / "src" / "lang" / "common" / "data",
    "es": ROOT / "src" / "lang" / "es" / "data",
    "en": ROOT / "src" / "lang" / "en" / "data",
}


def clean(s: str) -> str:
    """NFC, no bidi/zero-width marks, ordinary spaces."""
    s = unicodedata.normalize("NFC", s)
    for ch in ("\u200e", "\u200f", "\u200b", "\u061c"):
        s = s.replace(ch, "")
    for ch in ("\u00a0", "\u202f", "\u2009"):
        s = s.replace(ch, " ")
    return " ".join(s.split())


def fold(s: str) -> str:
    """Lower-case without accents: the key Lupa matches phrases on."""
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def write_tsv(path: Path, header: list[str], rows, *, sort: bool = True, out_dir: Path | None = None) -> Path:
    """Write rows (iterables of str) with a header line; LF, UTF-8, no trailing blanks."""
    rows = [tuple("" if v is None else str(v) for v in r) for r in rows]
    for r in rows:
        if len(r) != len(header):
            raise ValueError(f"{path.name}: row {r!r} has {len(r)} fields, header has {len(header)}")
        for v in r:
            if "\t" in v or "\n" in v:
                raise ValueError(f"{path.name}: tab or newline in {v!r}")
    if sort:
        rows = sorted(set(rows))
    if out_dir is not None:
        path = out_dir / path.relative_to(ROOT)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    os.replace(tmp, path)
    return path


def write_text(path: Path, text: str, out_dir: Path | None = None) -> Path:
    if out_dir is not None:
        path = out_dir / path.relative_to(ROOT)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text if text.endswith("\n") else text + "\n")
    return path
