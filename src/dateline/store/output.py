"""Writers for stored records: JSON Lines, CSV, a terminal table, and Parquet."""
from __future__ import annotations

import csv
import json
from typing import BinaryIO, Iterable, Optional, TextIO

from .rows import EVENT_FIELDS, LIST_FIELDS, QUOTE_FIELDS, flat_event, flat_quote

# Parquet column types for the flat event rows (list fields are lists of strings, the rest
# strings; CAMEO codes stay strings so "042" keeps its zero).
_FLOAT_FIELDS = {"lat", "lon", "confidence"}
_DATE_FIELDS = {"published", "day", "date", "date_end"}
LIST_SEP = "; "


def _flat_text(row: dict) -> dict:
    """A flat row for CSV/TSV: aligned list fields joined with "; " (empty items kept)."""
    return {k: LIST_SEP.join("" if x is None else str(x) for x in v) if k in LIST_FIELDS
            else v for k, v in row.items()}


def write_jsonl(records: Iterable[dict], out: TextIO) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict], fields: tuple, out: TextIO, delimiter: str = ",") -> int:
    writer = csv.DictWriter(out, fieldnames=list(fields), lineterminator="\n",
                            delimiter=delimiter)
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def _cut(value, width: int) -> str:
    s = "" if value is None else str(value).replace("\n", " ")
    return s if len(s) <= width else s[: width - 1] + "…"


def _side_label(names: list, codes: list) -> str:
    """'Vladimir Putin (RUS); Kim Jong Un (PRK)', '-' for an empty side."""
    parts = [f"{n or '?'} ({c})" if c else (n or "?") for n, c in zip(names, codes)]
    return "; ".join(parts) or "-"


def event_table(records: Iterable[dict], out: TextIO) -> int:
    """Columns: day and where it came from (text, published, none), type, status, source and
    target (names with codes), outlet or title, evidence."""
    out.write(f"{'day':<10} {'from':<9} {'type':<9} {'status':<12} {'source':<28} -> "
              f"{'target':<28} {'outlet':<18} evidence\n")
    n = 0
    for rec in records:
        f = flat_event(rec)
        src = _side_label(f["source"], f["source_countries"])
        tgt = _side_label(f["target"], f["target_countries"])
        out.write(f"{_cut(f['day'] or '-', 10):<10} {_cut(f['date_source'], 9):<9} "
                  f"{_cut(f['type'], 9):<9} {_cut(f['status'], 12):<12} {_cut(src, 28):<28} -> "
                  f"{_cut(tgt, 28):<28} {_cut(f['site'] or f['title'] or '-', 18):<18} "
                  f"{_cut(f['evidence'], 80)}\n")
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


def write_json(records: Iterable[dict], out: TextIO) -> int:
    """One JSON array, streamed (never holds all records in memory)."""
    n = 0
    out.write("[")
    for rec in records:
        out.write(("," if n else "") + "\n" + json.dumps(rec, ensure_ascii=False))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def write_rows(rows: Iterable[dict], fields: tuple, fmt: str, out: TextIO) -> int:
    """Flat dict rows (counts, actors) as table | csv | tsv | json | jsonl."""
    if fmt in ("csv", "tsv"):
        return write_csv(rows, fields, out, "," if fmt == "csv" else "\t")
    if fmt == "json":
        return write_json(rows, out)
    if fmt == "jsonl":
        return write_jsonl(rows, out)
    rows = list(rows)
    widths = {f: min(40, max([len(f)] + [len(_cut(r.get(f), 40)) for r in rows])) for f in fields}
    out.write(" ".join(f"{f:<{widths[f]}}" for f in fields).rstrip() + "\n")
    for r in rows:
        cells = [_cut(r.get(f) if r.get(f) is not None else "-", 40) for f in fields]
        out.write(" ".join(f"{c:<{widths[f]}}" for c, f in zip(cells, fields)).rstrip() + "\n")
    return len(rows)


def write_events(records: Iterable[dict], fmt: str, out: TextIO) -> int:
    if fmt in ("csv", "tsv"):
        return write_csv((_flat_text(flat_event(r)) for r in records), EVENT_FIELDS, out,
                         "," if fmt == "csv" else "\t")
    if fmt == "table":
        return event_table(records, out)
    if fmt == "json":
        return write_json(records, out)
    return write_jsonl(records, out)


def write_quotes(records: Iterable[dict], fmt: str, out: TextIO) -> int:
    if fmt in ("csv", "tsv"):
        return write_csv((flat_quote(r) for r in records), QUOTE_FIELDS, out,
                         "," if fmt == "csv" else "\t")
    if fmt == "table":
        return quote_table(records, out)
    if fmt == "json":
        return write_json(records, out)
    return write_jsonl(records, out)


def _arrow_type(field: str, types: dict):
    import pyarrow as pa

    if types.get(field) == "int":
        return pa.int64()
    if field in _FLOAT_FIELDS:
        return pa.float64()
    if field in _DATE_FIELDS:
        return pa.date32()
    if field in LIST_FIELDS:
        return pa.list_(pa.string())
    return pa.string()


def _typed(row: dict) -> dict:
    from datetime import date

    out = dict(row)
    for k in _DATE_FIELDS & row.keys():
        v = row[k]
        try:
            out[k] = date.fromisoformat(v) if v else None
        except (TypeError, ValueError):  # a partial date such as "2024-06": no day to type
            out[k] = None
    return out


def write_parquet(rows: Iterable[dict], fields: tuple, out: BinaryIO, batch: int = 10000,
                  types: Optional[dict] = None) -> int:
    """Typed Parquet of flat rows: dates as date32, lat/lon/confidence as float64, aligned side
    fields as list<string>, everything else (CAMEO codes too) as string; row groups of `batch`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(f, _arrow_type(f, types or {})) for f in fields])
    n, buf = 0, []
    with pq.ParquetWriter(out, schema) as writer:
        for row in rows:
            buf.append(_typed({f: row.get(f) for f in fields}))
            if len(buf) >= batch:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                n, buf = n + len(buf), []
        if buf or n == 0:
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))
            n += len(buf)
    return n


def write_events_parquet(records: Iterable[dict], out: BinaryIO, batch: int = 10000) -> int:
    """One flat event per row (the CSV's columns, typed), see write_parquet."""
    return write_parquet((flat_event(r) for r in records), EVENT_FIELDS, out, batch)
