"""`dateline eval time [DIR]`: date resolution on TimeBank (TimeML TIMEX3 values).

Each document's creation time (the TIMEX3 with functionInDocument="CREATION_TIME") is the anchor.
For every gold TIMEX3 of type DATE, the tagger's expression that overlaps it most is resolved
(tense from the spaCy parse, as the pipeline does) and written at the gold value's granularity
(day, week, month, quarter, half, season, year, decade; PRESENT_REF = the anchor day).
Value accuracy = correct / resolved; recall = correct-or-not resolved / all gold DATEs.
Gold values PAST_REF / FUTURE_REF count as wrong when we resolve them (a date there is a guess);
gold values with X ("1989-WXX": the annotator left the week open) cannot verify ours, so they
are left out of value accuracy and reported apart (the strict figure counts them wrong).

--articles DIR: instead, date agreement on gold article files (GOLD_FORMAT.md): each gold
event is rebuilt from its evidence and status, `resolve_dates` runs on the real parse, and its
date is compared with gold (a range as start/end; null must stay null).

--split: files are split by position (every third file, sorted by name, is held out) so that
rules tuned while reading dev errors can be checked on documents not read.
"""
from __future__ import annotations

import html
import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..paths import shared_data

GRANULARITY = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"^\d{4}-W\d{2}"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-H\d$"), "half"),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
    (re.compile(r"^PRESENT_REF$"), "present"),
)


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


def add_arguments(p) -> None:
    p.add_argument("dir", nargs="?", default=None,
                   help="folder of .tml files (default: shared time/timebank)")
    p.add_argument("--split", choices=["all", "dev", "heldout"], default="all",
                   help="dev = 2 of every 3 files by name; heldout = the third")
    p.add_argument("--articles", nargs="?", const="", default=None, metavar="DIR",
                   help="score event dates on gold article files (default: shared examples/dev)")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="print N wrong values")
    p.add_argument("--misses", type=int, default=0, metavar="N",
                   help="print N gold DATEs the tagger did not find")


def _attrs(tag: str) -> dict:
    return dict(re.findall(r'(\w+)="([^"]*)"', tag))


def read_tml(path: Path) -> tuple[str | None, str, list[Timex]]:
    """(anchor YYYY-MM-DD, plain text of <TEXT>, TIMEX3s with offsets into that text)."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    anchor = None
    for m in re.finditer(r"<TIMEX3 ([^>]*)>", raw):
        a = _attrs(m.group(1))
        if a.get("functionInDocument") == "CREATION_TIME":
            anchor = a.get("value", "")[:10] or None
            break
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    body = body.group(1) if body else ""
    out, timexes, open_ = [], [], None
    pos = 0
    for m in re.finditer(r"<(/?)(\w+)([^>]*)>|([^<]+)", body):
        if m.group(4) is not None:
            chunk = html.unescape(m.group(4))
            out.append(chunk)
            pos += len(chunk)
        elif m.group(2) == "TIMEX3" and not m.group(1):
            open_ = (pos, _attrs(m.group(3)))
        elif m.group(2) == "TIMEX3" and open_:
            start, a = open_
            text = "".join(out)[start:pos]
            timexes.append(Timex(start, pos, a.get("type", ""), a.get("value", ""), text))
            open_ = None
    return anchor, "".join(out), timexes


def granularity(value: str) -> str | None:
    for rx, name in GRANULARITY:
        if rx.match(value):
            return name
    return None


def correct(period, gold_value: str, anchor: str) -> bool:
    from ..when import calendar as cal

    g = granularity(gold_value)
    if g is None:
        return False
    if g == "present":
        return period.start.isoformat() == anchor
    if g == "day":
        return period.start.isoformat() == gold_value[:10]
    if g == "week":
        return cal.timex(period, "week") == gold_value[:8]
    return cal.timex(period, g) == gold_value


def _files(folder: Path, split: str) -> list[Path]:
    files = sorted(folder.glob("*.tml"))
    if split == "dev":
        return [f for i, f in enumerate(files) if i % 3 != 2]
    if split == "heldout":
        return [f for i, f in enumerate(files) if i % 3 == 2]
    return files


def score_file(path: Path, nlp, stats: Counter, wrong: list, missed: list) -> None:
    from ..when.attach import tense_at
    from ..when.resolve import parse_anchor, resolve_match
    from ..when.tagger import tag

    anchor, text, timexes = read_tml(path)
    a = parse_anchor(anchor)
    sdoc = nlp(text)
    t0 = time.perf_counter()
    matches = tag(text)
    stats["tag_us"] += int((time.perf_counter() - t0) * 1e6)
    stats["chars"] += len(text)
    for m in matches:
        stats["tagged"] += 1
        if not any(m.start < t.end and m.end > t.start for t in timexes):
            stats["spurious"] += 1
            stats.setdefault("_spurious", []).append((path.name, m.text))
    for t in timexes:
        if t.type != "DATE":
            continue
        stats["gold"] += 1
        calendar_value = granularity(t.value) is not None
        stats["gold_calendar"] += calendar_value
        overlap = [(min(t.end, m.end) - max(t.start, m.start), m) for m in matches
                   if m.start < t.end and m.end > t.start]
        if not overlap:
            missed.append((path.name, t.text, t.value))
            continue
        stats["found"] += 1
        m = max(overlap, key=lambda x: x[0])[1]
        p = resolve_match(m, a, tense_at(sdoc, m.start, m.end))
        if p is None:
            continue
        stats["resolved"] += 1
        if "X" in t.value:
            stats["unverifiable"] += 1
            continue
        stats[f"rule:{m.rule}"] += 1
        if correct(p, t.value, anchor):
            stats["correct"] += 1
            stats[f"rule_ok:{m.rule}"] += 1
        else:
            from ..when import calendar as cal

            wrong.append((path.name, anchor, m.text, t.text, t.value, cal.timex(p)))


def _gold_date(ev: dict):
    d = ev.get("date")
    if not d:
        return None
    start, _, end = d.partition("/")
    return (start, end or None)


def score_articles(folder: Path, nlp, show: int) -> dict:
    """Agreement of resolve_dates with gold event dates, on gold evidence and status."""
    import json

    from ..model import Article, Event, Span
    from ..pipeline import Doc
    from ..when import resolve_dates

    st = Counter()
    for path in sorted(folder.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        text = g["text"]
        events, golds = [], []
        for k, ev in enumerate(g.get("events", [])):
            i = text.find(ev.get("evidence") or "\0")
            if i < 0:
                st["evidence_not_found"] += 1
                continue
            span = Span(ev["evidence"], i, i + len(ev["evidence"]))
            events.append(Event(id=f"e{k}", type=ev["type"], evidence=span,
                                status=ev.get("status") or "asserted"))
            golds.append(_gold_date(ev))
        article = Article(id=g.get("id", path.stem), input=str(path), text=text,
                          published=g.get("published"), events=events)
        resolve_dates(Doc(article=article, spacy=nlp(text)))
        for e, gold in zip(events, golds):
            ours = (e.date.value, e.date.end) if e.date else None
            st["events"] += 1
            st["gold_dated"] += gold is not None
            st["ours_dated"] += ours is not None
            st["agree"] += ours == gold
            st["both_equal"] += ours is not None and ours == gold
            if ours != gold and st["shown"] < show:
                st["shown"] += 1
                print(f"  DIFF {path.name} ours={ours} gold={gold} "
                      f"[{e.date.text if e.date else ''}] {e.evidence.text[:80]!r}")
    return st


def run_articles(args, nlp) -> int:
    from ..paths import shared_dir

    folder = Path(args.articles) if args.articles else shared_dir() / "examples" / "dev"
    st = score_articles(folder, nlp, args.errors)
    print(f"gold articles {folder}: {st['events']} events with evidence found "
          f"({st['evidence_not_found']} evidence strings not in text)")
    print(f"  date agreement (null = null counts): {st['agree'] / max(st['events'], 1):.3f}")
    print(f"  precision of dates given: {st['both_equal']}/{st['ours_dated']}  "
          f"recall of gold dates: {st['both_equal']}/{st['gold_dated']}")
    return 0


def run(args) -> int:
    from .. import nlp as nlp_mod

    if getattr(args, "articles", None) is not None:
        return run_articles(args, nlp_mod.load())

    folder = Path(args.dir) if args.dir else shared_data("time", "timebank")
    files = _files(folder, args.split)
    if not files:
        print(f"no .tml files in {folder}")
        return 2
    nlp = nlp_mod.load()
    stats, wrong, missed = Counter(), [], []
    t0 = time.perf_counter()
    for f in files:
        score_file(f, nlp, stats, wrong, missed)
    secs = time.perf_counter() - t0
    judged = stats["resolved"] - stats["unverifiable"]
    acc = stats["correct"] / max(judged, 1)
    print(f"TimeBank {folder} split={args.split}: {len(files)} documents, "
          f"{stats['gold']} gold DATE TIMEX3s ({stats['gold_calendar']} with a calendar value)")
    print(f"  found (overlapping span): {stats['found']}  resolved: {stats['resolved']}  "
          f"correct: {stats['correct']}")
    print(f"  value accuracy on resolved: {acc:.3f} ({stats['correct']}/{judged}; "
          f"{stats['unverifiable']} resolved against gold values with X left out; strict "
          f"{stats['correct'] / max(stats['resolved'], 1):.3f})")
    print(f"  recall (resolved / gold DATE): {stats['resolved'] / max(stats['gold'], 1):.3f}; "
          f"correct / gold DATE: {stats['correct'] / max(stats['gold'], 1):.3f}; "
          f"correct / calendar-valued gold: "
          f"{stats['correct'] / max(stats['gold_calendar'], 1):.3f}")
    rules = sorted((k[5:] for k in stats if k.startswith("rule:")), key=lambda r: -stats[f"rule:{r}"])
    print("  by rule (correct/judged): " + ", ".join(
        f"{r} {stats[f'rule_ok:{r}']}/{stats[f'rule:{r}']}" for r in rules))
    print(f"  tagger: {stats['tagged']} expressions, {stats['spurious']} overlap no gold TIMEX3 "
          f"of any type")
    tag_s = max(stats["tag_us"], 1) / 1e6
    print(f"  tagger speed: {stats['chars'] / tag_s / 1000:.0f}k characters/s (tag() alone)")
    print(f"  time: {secs:.1f} s (parse + tag + resolve)")
    for w in wrong[: args.errors]:
        print("  WRONG {} dct={} ours={!r} gold={!r} gold={} ours={}".format(*w))
    for sp in stats.get("_spurious", [])[: args.misses]:
        print("  SPURIOUS {} {!r}".format(*sp))
    for mi in missed[: args.misses]:
        print("  MISSED {} {!r} {}".format(*mi))
    return 0
