"""Writers for stored records: JSON Lines, CSV, a terminal table, and Parquet."""
from __future__ import annotations

import csv
import json
from typing import BinaryIO, Iterable, TextIO

from .rows import EVENT_FIELDS, QUOTE_FIELDS, flat_event, flat_quote

# Parquet column types for the flat event rows (everything else is a string).
_FLOAT_FIELDS = {"lat", "lon", "confidence"}


def write_jsonl(records: Iterable[dict], out: TextIO) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict], fields: tuple, out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def _cut(value, width: int) -> str:
    s = "" if value is None else str(value).replace("\n", " ")
    return s if len(s) <= width else s[: width - 1] + "…"


def event_table(records: Iterable[dict], out: TextIO) -> int:
    out.write(f"{'date':<10} {'type':<10} {'status':<12} {'source':>12} -> {'target':<12} "
              f"evidence\n")
    n = 0
    for rec in records:
        f = flat_event(rec)
        out.write(f"{_cut(f['date'] or f['published'], 10):<10} {f['type']:<10} "
                  f"{_cut(f['status'], 12):<12} {_cut(f['source_countries'] or '-', 12):>12} -> "
                  f"{_cut(f['target_countries'] or '-', 12):<12} {_cut(f['evidence'], 80)}\n")
        n += 1
    return n


def quote_table(records: Iterable[dict], out: TextIO) -> int:
    out.write(f"{'published':<10} {'kind':<8} {'speaker':<24} {'cty':<4} text\n")
    n = 0
    for rec in records:
        f = flat_quote(rec)
        out.write(f"{_cut(f['published'], 10):<10} {_cut(f['kind'], 8):<8} "
                  f"{_cut(f['speaker'] or '?', 24):<24} {_cut(f['speaker_country'], 4):<4} "
                  f"{_cut(f['text'], 90)}\n")
        n += 1
    return n


def write_events(records: Iterable[dict], fmt: str, out: TextIO) -> int:
    if fmt == "csv":
        return write_csv((flat_event(r) for r in records), EVENT_FIELDS, out)
    if fmt == "table":
        return event_table(records, out)
    return write_jsonl(records, out)


def write_quotes(records: Iterable[dict], fmt: str, out: TextIO) -> int:
    if fmt == "csv":
        return write_csv((flat_quote(r) for r in records), QUOTE_FIELDS, out)
    if fmt == "table":
        return quote_table(records, out)
    return write_jsonl(records, out)


def write_events_parquet(records: Iterable[dict], out: BinaryIO, batch: int = 10000) -> int:
    """One flat event per row (same columns as the CSV), written in row groups of `batch`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(f, pa.float64() if f in _FLOAT_FIELDS else pa.string())
                        for f in EVENT_FIELDS])
    n, buf = 0, []
    with pq.ParquetWriter(out, schema) as writer:
        for rec in records:
            buf.append(flat_event(rec))
            if len(buf) >= batch:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                n, buf = n + len(buf), []
        if buf or n == 0:
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))
            n += len(buf)
    return n
