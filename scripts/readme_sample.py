"""Regenerate README.md's sample output ("What it gives you") from the real current output.

    python scripts/readme_sample.py [--check]

Runs `dateline extract ../shared/examples/putin-north-korea.txt --published 2024-06-18` (table and
JSON, through the real CLI) and rewrites the table block and the two JSON blocks after it: one
event and one quotation that the hand-coded gold (putin-north-korea.gold.json) agrees with (an
event of the gold's type, status and sides, preferring one with a place and a status other than
asserted; a partial quotation with the gold's speaker and text), so the README shows what
dateline gets right.
`--check` only reports whether README.md is current (exit 1 if not). The news text itself is
read at run time from ../shared (DATELINE_SHARED) and never copied into the repository; only
dateline's own output (evidence spans are short excerpts) goes into the README.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
COMMAND = "dateline extract ../shared/examples/putin-north-korea.txt --published 2024-06-18"
_BLOCK = re.compile(r"(    \$ " + re.escape(COMMAND) + r" --format table\n\n```\n)(.*?)(\n```\n)"
                    r"(.*?```json\n)(.*?)(\n```\n\n```json\n)(.*?)(\n```\n)", re.S)


def _shared() -> Path:
    return Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))


def _extract(fmt: str) -> str:
    shared = _shared()
    exe = Path(sys.executable).with_name("dateline")
    args = COMMAND.split()[1:]
    args[1] = str(shared / "examples" / "putin-north-korea.txt")
    out = subprocess.run([str(exe), *args, "--format", fmt, "--workers", "1"],
                         capture_output=True, text=True, check=True)
    return out.stdout.rstrip("\n")


def _sides(items) -> frozenset:
    return frozenset(a["country"] if isinstance(a, dict) else a for a in items)


def _pick(doc: dict, gold: dict) -> tuple[dict, dict]:
    right = {(g["type"], g["status"], _sides(g["source"]), _sides(g["target"]))
             for g in gold["events"]}
    events = [e for e in doc["events"]
              if (e["type"], e["status"], _sides(e["source"]), _sides(e["target"])) in right]
    # the first showing most of the contract: a status other than asserted, a place
    event = max(events, key=lambda e: (e["status"] != "asserted") + (e["location"] is not None))
    said = {(g["speaker"], g["text"]) for g in gold["quotes"]}
    quotes = [q for q in doc["quotes"] if q["speaker"] and q["cue"]
              and (q["speaker"]["name"], q["text"]) in said]
    quote = next((q for q in quotes if q["kind"] == "partial"), quotes[0])
    return event, quote


def updated(readme: str) -> str:
    m = _BLOCK.search(readme)
    if not m:
        raise SystemExit("README.md: the sample block after the extract command was not found")
    gold = json.loads((_shared() / "examples" / "putin-north-korea.gold.json").read_text("utf-8"))
    event, quote = _pick(json.loads(_extract("json")), gold)
    parts = [m.group(1), _extract("table"), m.group(3), m.group(4),
             json.dumps(event, ensure_ascii=False, indent=1), m.group(6),
             json.dumps(quote, ensure_ascii=False, indent=1), m.group(8)]
    return readme[:m.start()] + "".join(parts) + readme[m.end():]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only say whether README.md is current")
    args = ap.parse_args()
    old = README.read_text(encoding="utf-8")
    new = updated(old)
    if args.check:
        print("README.md sample is current" if new == old else "README.md sample is out of date")
        return 0 if new == old else 1
    README.write_text(new, encoding="utf-8")
    print("README.md sample " + ("unchanged" if new == old else "regenerated"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
