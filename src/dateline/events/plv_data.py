"""Read PLV-format TSV files (sentence, source, target, gold_root) for training and evaluation."""
from __future__ import annotations

import csv
from dataclasses import dataclass

csv.field_size_limit(10_000_000)


@dataclass
class Row:
    sentence: str
    source: str
    target: str
    label: str
    quad: int | None = None  # PLV's gold_penta: 1 verbal coop .. 4 material conflict


def read_plv(path) -> list[Row]:
    """Rows of a PLV TSV; the label column is `gold_root` (else `label`)."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        rows = []
        for rec in reader:
            label = (rec.get("gold_root") or rec.get("label") or "").strip().upper()
            if rec.get("sentence") and label:
                quad = (rec.get("gold_penta") or "").strip()
                rows.append(Row(rec["sentence"], rec.get("source") or "", rec.get("target") or "",
                                label, int(quad) if quad.isdigit() else None))
    return rows
