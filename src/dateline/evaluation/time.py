"""`dateline eval time [DIR]`: date resolution on TimeBank (TimeML TIMEX3 values).

TempEval-3's measure (UzZaman et al. 2013): every gold TIMEX3 of type DATE, TIME, DURATION or SET
inside <TEXT> (the document creation time is the anchor, not scored) against every expression
`when.timex.annotate` writes. Extents match when they overlap (relaxed, one-to-one, largest
overlap first); value P = matched with the identical value string / ours, R = / gold, F1 their
harmonic mean. Strict value match: "1998-W02" is not "1998-01-08", PAST_REF is a value like any
other, a gold value with X must be written with the same X. Extent (relaxed and strict) and type
F1 are printed beside it.

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


TYPES = ("DATE", "TIME", "DURATION", "SET")


def _pairs(gold: list[Timex], ours: list) -> list[tuple[Timex, object]]:
    """One-to-one relaxed matching (TempEval-3: extents that overlap), largest overlap first."""
    cands = sorted(((min(g.end, o.end) - max(g.start, o.start), i, j)
                    for i, g in enumerate(gold) for j, o in enumerate(ours)
                    if g.start < o.end and o.start < g.end), reverse=True)
    used_g, used_o, out = set(), set(), []
    for _, i, j in cands:
        if i not in used_g and j not in used_o:
            used_g.add(i)
            used_o.add(j)
            out.append((gold[i], ours[j]))
    return out


def score_file(path: Path, nlp, stats: Counter, wrong: list, missed: list) -> None:
    """TempEval-3 counts for one document: extents (relaxed and strict), type, value."""
    from ..when.timex import annotate

    anchor, text, timexes = read_tml(path)
    gold = [t for t in timexes if t.type in TYPES]
    sdoc = nlp(text)
    t0 = time.perf_counter()
    ours = annotate(text, anchor, sdoc)
    stats["annotate_us"] += int((time.perf_counter() - t0) * 1e6)
    stats["gold"] += len(gold)
    stats["chars"] += len(text)
    stats["ours"] += len(ours)
    pairs = _pairs(gold, ours)
    matched = {id(g) for g, _ in pairs}
    for g, o in pairs:
        stats["relaxed"] += 1
        stats["strict"] += g.start == o.start and g.end == o.end
        stats["type"] += g.type == o.type
        ok = g.value == o.value
        stats["value"] += ok
        stats[f"gold_{g.type}"] += 1
        stats[f"value_{g.type}"] += ok
        if not ok:
            wrong.append((path.name, anchor, o.text, g.text, g.value, o.value))
    for g in gold:
        if id(g) not in matched:
            stats[f"gold_{g.type}"] += 1
            missed.append((path.name, g.text, g.value))
    hit = {id(o) for _, o in pairs}
    for o in ours:
        if id(o) not in hit:
            stats.setdefault("_spurious", []).append((path.name, o.text, o.value))


def f1(correct: int, ours: int, gold: int) -> tuple[float, float, float]:
    p, r = correct / max(ours, 1), correct / max(gold, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


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
    g, o = stats["gold"], stats["ours"]
    print(f"TimeBank {folder} split={args.split}: {len(files)} documents, {g} gold TIMEX3 "
          f"(DATE, TIME, DURATION, SET; document creation times excluded), {o} ours")
    for name in ("relaxed", "strict"):
        p, r, f = f1(stats[name], o, g)
        print(f"  extent {name:7s} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    p, r, f = f1(stats["type"], o, g)
    print(f"  type            P {p:.3f} R {r:.3f} F1 {f:.3f}")
    p, r, f = f1(stats["value"], o, g)
    print(f"  VALUE (TempEval-3 strict value match on relaxed extents) P {p:.3f} R {r:.3f} "
          f"F1 {f:.3f}")
    print("  value recall by gold type: " + ", ".join(
        f"{t} {stats[f'value_{t}']}/{stats[f'gold_{t}']}" for t in TYPES))
    print(f"  annotate speed (parse excluded): {stats['chars'] / max(stats['annotate_us'], 1) * 1e3:.0f}k chars/s; "
          f"time {secs:.1f} s (parse + annotate)")
    for w in wrong[: args.errors]:
        print("  WRONG {} dct={} ours={!r} gold={!r} gold={} ours={}".format(*w))
    for sp in stats.get("_spurious", [])[: args.misses]:
        print("  SPURIOUS {} {!r} {}".format(*sp))
    for mi in missed[: args.misses]:
        print("  MISSED {} {!r} {}".format(*mi))
    return 0
