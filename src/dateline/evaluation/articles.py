"""`dateline eval articles`: events and quotes against hand-coded gold articles.

Implements the scoring rules of ../shared/examples/GOLD_FORMAT.md: an event matches when its type
(or an accepted alternative) is equal and the source and target country sets intersect (an empty
or UNK gold side matches anything); pairs are found by maximum matching, required gold first.
Precision counts predictions matched to any gold item, recall counts required gold matched.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..paths import shared_dir

ROLE_WORDS = frozenset("""
the a an of for and mr mrs ms dr sir president prime minister ministry foreign defence defense
spokesman spokeswoman spokesperson official officials secretary general chief head leader
government state department office agency said says minister's deputy vice former senior
""".split())
_WORD = re.compile(r"\w+", re.UNICODE)
_NOTE_DATE = re.compile(r"published\s*=\s*(\d{4}-\d{2}-\d{2})")


def add_arguments(p) -> None:
    p.add_argument("dir", nargs="?", default=None,
                   help="folder of gold JSON files or one file (default: ../shared/examples/dev)")
    p.add_argument("--verbose", "-v", action="store_true", help="list misses and extras")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")


def gold_files(path: Optional[str]) -> list[Path]:
    root = Path(path) if path else shared_dir() / "examples" / "dev"
    if root.is_file():
        return [root]
    return sorted(p for p in root.glob("*.json") if p.is_file())


def gold_published(gold: dict) -> Optional[str]:
    """The gold's own date, or the run date its note prescribes for date checks."""
    if gold.get("published"):
        return gold["published"]
    m = _NOTE_DATE.search(gold.get("published_note") or "")
    return m.group(1) if m else None


def max_matching(golds: list, preds: list, ok: Callable[[dict, dict], bool],
                 order: Iterable[int], prefer: Optional[Callable[[dict, dict], bool]] = None
                 ) -> dict[int, int]:
    """Maximum bipartite matching gold->pred by augmenting paths, golds tried in `order`.

    An augmenting path never unmatches a matched gold item, so trying required gold first keeps
    the number of required matches maximal. Among equal candidates, `prefer`red pairs (same
    status) are tried first, so secondary scores compare like with like.
    """
    edges = {g: [p for p in range(len(preds)) if ok(golds[g], preds[p])] for g in range(len(golds))}
    if prefer:
        for g, ps in edges.items():
            ps.sort(key=lambda p: not prefer(golds[g], preds[p]))
    pred_to_gold: dict[int, int] = {}

    def augment(g: int, seen: set) -> bool:
        for p in edges[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in pred_to_gold or augment(pred_to_gold[p], seen):
                pred_to_gold[p] = g
                return True
        return False

    for g in order:
        augment(g, set())
    return {g: p for p, g in pred_to_gold.items()}


def _side(refs: list[dict]) -> set[str]:
    return {r.get("country") for r in refs if r.get("country")}


def _side_ok(gold_side: list[str], pred_side: set[str]) -> bool:
    gold = {c for c in gold_side if c and c != "UNK"}
    return not gold or bool(gold & pred_side)


def event_ok(gold: dict, pred: dict) -> bool:
    types = {gold["type"], *gold.get("alt_types", [])}
    return (pred["type"] in types and _side_ok(gold.get("source", []), _side(pred["source"]))
            and _side_ok(gold.get("target", []), _side(pred["target"])))


def _words(text: Optional[str]) -> list[str]:
    return [w.lower() for w in _WORD.findall(text or "")]


def _distinctive(name: Optional[str]) -> set[str]:
    return {w for w in _words(name) if w not in ROLE_WORDS and len(w) > 1}


def content_covered(gold_text: str, pred_text: str) -> float:
    """Share of gold words covered by the prediction in runs of two or more words."""
    gold, pred = _words(gold_text), _words(pred_text)
    if not gold:
        return 0.0
    if len(gold) == 1:
        return 1.0 if gold[0] in pred else 0.0
    bigrams = set(zip(pred, pred[1:]))
    covered = sum(
        1 for i in range(len(gold))
        if (i > 0 and (gold[i - 1], gold[i]) in bigrams)
        or (i + 1 < len(gold) and (gold[i], gold[i + 1]) in bigrams)
    )
    return covered / len(gold)


def _acronyms(name: Optional[str]) -> set[str]:
    """Initials of a multi-word name ("International Monetary Fund" -> "imf"), so that an
    organisation's acronym and its full name count as the same distinctive name."""
    words = [w for w in _WORD.findall(name or "") if w[0].isupper() and w.lower() not in
             ("the", "of", "and", "for")]
    return {"".join(w[0] for w in words).lower()} if len(words) >= 2 else set()


def _names(name: Optional[str]) -> set[str]:
    return _distinctive(name) | _acronyms(name)


def quote_ok(gold: dict, pred: dict) -> bool:
    speaker = pred.get("speaker") or {}
    pred_names = _names(speaker.get("name")) | _names(speaker.get("text"))
    gold_names = _names(gold.get("speaker"))
    return bool(gold_names & pred_names) and content_covered(gold["text"], pred["text"]) >= 0.5


class Tally:
    """Counts for precision (predictions matched) and recall (required gold matched)."""

    def __init__(self):
        self.pred = self.pred_matched = self.required = self.required_matched = 0

    def add(self, n_pred: int, n_pred_matched: int, n_required: int, n_required_matched: int):
        self.pred += n_pred
        self.pred_matched += n_pred_matched
        self.required += n_required
        self.required_matched += n_required_matched

    def scores(self) -> dict:
        p = self.pred_matched / self.pred if self.pred else 0.0
        r = self.required_matched / self.required if self.required else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                "predicted": self.pred, "required": self.required}


def _date_value(pred: dict) -> Optional[str]:
    d = pred.get("date")
    if not d:
        return None
    return f"{d['value']}/{d['end']}" if d.get("end") else d["value"]


def _same_status(gold: dict, pred: dict) -> bool:
    return gold.get("status") == pred.get("status")


def _pair(golds, preds, ok, prefer=None):
    order = [i for i, g in enumerate(golds) if g.get("required", True)]
    order += [i for i, g in enumerate(golds) if not g.get("required", True)]
    return max_matching(golds, preds, ok, order, prefer)


class ArticleScorer:
    def __init__(self):
        self.events, self.quotes = Tally(), Tally()
        self.by_type: dict[str, Tally] = defaultdict(Tally)
        self.agree = Counter()
        self.misses: list[str] = []
        self.extras: list[str] = []
        self.errors: dict[str, Counter] = defaultdict(Counter)  # type -> error kind -> count

    def score(self, name: str, gold: dict, out: dict) -> None:
        self._score_events(name, gold.get("events", []), out["events"])
        self._score_quotes(name, gold.get("quotes", []), out["quotes"])

    def _score_events(self, name, golds, preds):
        pairs = _pair(golds, preds, event_ok, _same_status)
        matched_preds = set(pairs.values())
        req = [i for i, g in enumerate(golds) if g.get("required", True)]
        self.events.add(len(preds), len(matched_preds), len(req), sum(1 for i in req if i in pairs))
        for t in {g["type"] for g in golds} | {p["type"] for p in preds}:
            t_req = [i for i in req if golds[i]["type"] == t]
            t_pred = [j for j, p in enumerate(preds) if p["type"] == t]
            self.by_type[t].add(len(t_pred), sum(1 for j in t_pred if j in matched_preds),
                                len(t_req), sum(1 for i in t_req if i in pairs))
        for g, p in pairs.items():
            self._agreement(golds[g], preds[p])
        self._classify_errors(golds, preds, pairs, req)
        for i in req:
            if i not in pairs:
                g = golds[i]
                self.misses.append(f"{name}: missed {g['type']} {g.get('source')}->{g.get('target')} "
                                   f"[{g.get('status')}] {g.get('evidence', '')[:90]!r}")
        for j, p in enumerate(preds):
            if j not in matched_preds:
                self.extras.append(f"{name}: extra {p['type']} {sorted(_side(p['source']))}->"
                                   f"{sorted(_side(p['target']))} [{p['status']}] "
                                   f"{p['evidence']['text'][:90]!r}")

    def _classify_errors(self, golds, preds, pairs, req) -> None:
        """Error kinds per PLOVER type: a required gold event no prediction of its type exists
        for ("missed type") or only with other sides ("missed sides"); a prediction of a type
        no unmatched gold event has ("spurious") or whose sides differ ("wrong sides")."""
        matched_preds = set(pairs.values())
        free_gold = [golds[i] for i in range(len(golds)) if i not in pairs]
        free_pred = [preds[j] for j in range(len(preds)) if j not in matched_preds]
        for i in req:
            if i in pairs:
                continue
            types = {golds[i]["type"], *golds[i].get("alt_types", [])}
            kind = "missed sides" if any(p["type"] in types for p in free_pred) else "missed type"
            self.errors[golds[i]["type"]][kind] += 1
        for p in free_pred:
            same = any(p["type"] in {g["type"], *g.get("alt_types", [])} for g in free_gold)
            self.errors[p["type"]]["wrong sides" if same else "spurious"] += 1

    def breakdown(self) -> list[str]:
        kinds = ("spurious", "wrong sides", "missed type", "missed sides")
        total = Counter()
        lines = ["error kinds per type: " + " / ".join(kinds)]
        for t, c in sorted(self.errors.items()):
            total.update(c)
            lines.append(f"  {t:<10} " + "  ".join(f"{c[k]:3d}" for k in kinds))
        lines.append(f"  {'ALL':<10} " + "  ".join(f"{total[k]:3d}" for k in kinds))
        return lines

    def _agreement(self, gold: dict, pred: dict) -> None:
        self.agree["status_n"] += 1
        self.agree["status_ok"] += gold.get("status") == pred.get("status")
        if gold.get("date"):
            self.agree["date_n"] += 1
            self.agree["date_ok"] += gold["date"] == _date_value(pred)
        if gold.get("location"):
            self.agree["location_n"] += 1
            self.agree["location_ok"] += gold["location"] == (pred.get("location") or {}).get("country")

    def _score_quotes(self, name, golds, preds):
        pairs = _pair(golds, preds, quote_ok)
        req = [i for i, g in enumerate(golds) if g.get("required", True)]
        self.quotes.add(len(preds), len(set(pairs.values())), len(req),
                        sum(1 for i in req if i in pairs))
        for i in req:
            if i not in pairs:
                g = golds[i]
                self.misses.append(f"{name}: missed quote {g.get('speaker')!r}: {g['text'][:80]!r}")

    def report(self) -> dict:
        def rate(key):
            n = self.agree[f"{key}_n"]
            return {"accuracy": round(self.agree[f"{key}_ok"] / n, 3) if n else None, "n": n}

        return {
            "events": self.events.scores(),
            "quotes": self.quotes.scores(),
            "status": rate("status"), "date": rate("date"), "location": rate("location"),
            "per_type": {t: s.scores() for t, s in sorted(self.by_type.items())},
        }


def evaluate(files: list[Path], extract: Callable[..., dict]) -> ArticleScorer:
    scorer = ArticleScorer()
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        out = extract(gold["text"], published=gold_published(gold), url=gold.get("url"))
        scorer.score(path.stem, gold, out)
    return scorer


def _print(report: dict) -> None:
    e, q = report["events"], report["quotes"]
    print(f"events  P {e['precision']:.3f}  R {e['recall']:.3f}  F1 {e['f1']:.3f}  "
          f"(predicted {e['predicted']}, required gold {e['required']})")
    for key in ("status", "date", "location"):
        r = report[key]
        acc = "n/a" if r["accuracy"] is None else f"{r['accuracy']:.3f}"
        print(f"  {key} agreement on matched events: {acc} (n={r['n']})")
    print(f"quotes  P {q['precision']:.3f}  R {q['recall']:.3f}  F1 {q['f1']:.3f}  "
          f"(predicted {q['predicted']}, required gold {q['required']})")
    print("per type:")
    for t, s in report["per_type"].items():
        print(f"  {t:<10} P {s['precision']:.2f} R {s['recall']:.2f} F1 {s['f1']:.2f} "
              f"(pred {s['predicted']}, req {s['required']})")


def run(args) -> int:
    from ..pipeline import extract

    files = gold_files(args.dir)
    if not files:
        print(f"dateline: {args.dir or 'examples/dev'}: no gold JSON files found", file=sys.stderr)
        return 2
    scorer = evaluate(files, extract)
    report = scorer.report()
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report)
    if args.verbose:
        print("\n".join([""] + scorer.breakdown()))
        print("\n".join(["", "misses:"] + scorer.misses + ["", "extras:"] + scorer.extras))
    return 0
