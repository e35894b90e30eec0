"""`dateline eval quotes [DIR]`: quote attribution on PolNeAR (BRAT standoff) or gold articles.

On PolNeAR both scopes of the quote stage are scored from one parse: "quotations" (what the
pipeline outputs) and "attributions" (plus every attribution the learned tagger finds).

PolNeAR: each gold attribution has Source, Cue and Content spans (content may be discontinuous).
Predicted quotes sharing one cue (an interrupted or multi-paragraph quote) form one predicted
attribution whose content is the union of their characters; a partial quote counts with its
`content` (the cue's argument holding the marked words, as PolNeAR marks content), when it has one.
  * content match: |pred ∩ gold| / |gold| >= 0.5, characters counted over the gold content
    (overlap is relative to the gold span), one-to-one (greedy by overlap);
  * content+source match: content matches and the predicted speaker's words in the article
    (the mention the quote stage used) share at least one character with the gold Source span.
Precision = matched predictions / predictions; recall = matched gold / gold.

DIR holding *.json gold articles (GOLD_FORMAT.md) is scored the GOLD_FORMAT way instead:
speaker name tokens meet and the prediction covers >= 50% of the gold words in runs of >= 2.
"""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from ..paths import shared_data
from .articles import content_covered, quote_ok


def add_arguments(p) -> None:
    p.add_argument("dir", nargs="?", default=None,
                   help="PolNeAR split folder (with text/ and attributions/) or a folder of gold "
                        "article *.json; default: shared polnear/dev")
    p.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    p.add_argument("--verbose", action="store_true", help="print misses and false alarms")


# ---------------------------------------------------------------- running the quote stage

def make_doc(text: str, published=None):
    """A pipeline Doc for `text` with actors (when that stage exists) resolved."""
    from ..model import Article
    from ..pipeline import annotate

    article = Article(id="eval", input="eval", text=text, published=published)
    return annotate(article, stages=["actors"])


def quotes_for_text(text: str, published=None):
    from ..pipeline import run_stages

    doc = run_stages(make_doc(text, published), stages=["quotes"])
    return doc.article.quotes, doc.quote_sources


def scoped_quotes(text: str, scopes=("quotations", "attributions")) -> dict:
    """{scope: (quotes, sources)} from one parse of `text` (see `quotes.find_quotes`)."""
    from ..quotes import find_quotes

    doc = make_doc(text)
    out = {}
    for scope in scopes:
        find_quotes(doc, scope=scope)
        out[scope] = (doc.article.quotes, doc.quote_sources)
    return out


# ---------------------------------------------------------------- PolNeAR

def _ranges(field: str) -> list[tuple[int, int]]:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[dict]:
    """Gold attributions: {'content': [(s,e)...], 'source': [(s,e)...], 'cue': [...]}."""
    spans, rels = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[0].startswith("T"):
            label, _, rng = cols[1].partition(" ")
            spans[cols[0]] = (label, _ranges(rng))
        elif cols[0].startswith("E"):
            rels.append(dict(arg.split(":", 1) for arg in cols[1].split()[1:] if ":" in arg))
    out = []
    for rel in rels:
        att = {k.lower(): spans[v][1] for k, v in rel.items() if v in spans}
        if att.get("content"):
            out.append(att)
    return out


def _chars(ranges) -> set[int]:
    return {i for a, b in ranges for i in range(a, b)}


def _predicted(quotes, sources) -> list[dict]:
    groups: dict = {}
    for q in quotes:
        key = (q.cue.start, q.cue.end) if q.cue else ("q", q.id)
        g = groups.setdefault(key, {"content": set(), "source": set()})
        span = q.content or q  # a partial quote's attribution content: the cue's argument
        g["content"] |= set(range(span.start, span.end))
        if q.id in sources:
            g["source"] |= set(range(*sources[q.id]))
    return list(groups.values())


def _match(golds, preds, with_source: bool) -> int:
    pairs = []
    for gi, g in enumerate(golds):
        gc = _chars(g["content"])
        gs = _chars(g.get("source", []))
        for pi, p in enumerate(preds):
            ov = len(gc & p["content"]) / max(1, len(gc))
            if ov < 0.5 or (with_source and not (gs & p["source"])):
                continue
            pairs.append((ov, gi, pi))
    used_g, used_p, n = set(), set(), 0
    for ov, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            n += 1
    return n


def _prf(tp_p, n_p, tp_g, n_g):
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def polnear_files(folder: Path):
    """(text path, ann path) per article; one annotator's file when several annotated it."""
    seen = set()
    for ann in sorted((folder / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        txt = folder / "text" / f"{stem}.txt"
        if stem in seen or not txt.exists():
            continue
        seen.add(stem)
        yield txt, ann


def run_polnear(folder: Path, limit=None, verbose=False, scopes=("quotations", "attributions")) -> dict:
    """{scope: scores} for each quote-stage scope, plus 'gold', 'seconds' and 'words'.

    "quotations" is what the pipeline outputs; "attributions" adds every attribution the learned
    tagger finds (beliefs, intentions, noun objects), which is what PolNeAR annotates."""
    n_gold, words, t0 = 0, 0, time.time()
    tally = {s: [0, 0, 0] for s in scopes}  # predicted, content matches, content+source matches
    for k, (txt, ann) in enumerate(polnear_files(folder)):
        if limit is not None and k >= limit:
            break
        text = txt.read_text(encoding="utf-8")
        words += len(text.split())
        golds = read_ann(ann)
        n_gold += len(golds)
        for scope, (quotes, sources) in scoped_quotes(text, scopes).items():
            preds = _predicted(quotes, sources)
            t = tally[scope]
            t[0] += len(preds)
            t[1] += _match(golds, preds, False)
            t[2] += _match(golds, preds, True)
            if verbose and scope == scopes[-1]:
                _show(txt.name, text, golds, preds)
    out = {"gold": n_gold, "seconds": time.time() - t0, "words": words}
    for scope, (n_pred, mc, ms) in tally.items():
        out[scope] = {"predicted": n_pred, "content": _prf(mc, n_pred, mc, n_gold),
                      "content+source": _prf(ms, n_pred, ms, n_gold)}
    return out


def _show(name, text, golds, preds) -> None:
    print(f"== {name}")
    for g in golds:
        gc = _chars(g["content"])
        hit = any(len(gc & p["content"]) / max(1, len(gc)) >= 0.5 for p in preds)
        if not hit:
            a, b = g["content"][0][0], g["content"][-1][1]
            print("  MISS", text[a:b][:110].replace("\n", " "))
    for p in preds:
        hit = any(len(_chars(g["content"]) & p["content"]) / max(1, len(_chars(g["content"]))) >= 0.5
                  for g in golds)
        if not hit:
            print("  FA  ", text[min(p["content"]):max(p["content"]) + 1][:110].replace("\n", " "))


# ---------------------------------------------------------------- gold articles

def covers(pred: str, gold: str) -> bool:
    """>= 50% of the gold's words, counted in runs of two or more words found in the prediction."""
    return content_covered(gold, pred) >= 0.5


def quote_match(pred, gold) -> bool:
    """GOLD_FORMAT's quote match, the one `dateline eval articles` applies."""
    return quote_ok(gold, pred.to_dict())


def run_articles(folder: Path, limit=None, verbose=False) -> dict:
    req = req_hit = n_pred = pred_hit = found_any = 0
    for k, path in enumerate(sorted(folder.glob("*.json"))):
        if limit is not None and k >= limit:
            break
        gold = json.loads(path.read_text(encoding="utf-8"))
        quotes, _ = quotes_for_text(gold["text"], gold.get("published"))
        golds = gold.get("quotes", [])
        n_pred += len(quotes)
        pred_hit += sum(1 for q in quotes if any(quote_match(q, g) for g in golds))
        for g in golds:
            if g.get("required", True):
                req += 1
                ok = any(quote_match(q, g) for q in quotes)
                req_hit += ok
                found_any += any(covers(q.text, g["text"]) for q in quotes)
                if verbose and not ok:
                    print(f"  MISS {path.name[:20]} {g['speaker']!r}: {g['text'][:90]}")
        if verbose:
            for q in quotes:
                if not any(quote_match(q, g) for g in golds):
                    who = q.speaker.name if q.speaker else None
                    print(f"  EXTRA {path.name[:20]} {who!r}: {q.text[:90]}")
    p, r, f = _prf(pred_hit, n_pred, req_hit, req)
    return {"required": req, "predicted": n_pred, "with_speaker": (p, r, f),
            "content_recall": found_any / req if req else 0.0}


def run(args) -> int:
    folder = Path(args.dir) if args.dir else shared_data("quotes", "polnear", "dev")
    if not folder.is_dir():
        print(f"dateline: {folder} is not a folder", file=sys.stderr)
        return 2
    if any(folder.glob("*.json")):
        res = run_articles(folder, args.limit, args.verbose)
        p, r, f = res["with_speaker"]
        print(f"gold articles {folder}: required quotes {res['required']}, predicted {res['predicted']}")
        print(f"quote+speaker  P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (content-only recall "
              f"{res['content_recall']:.3f})")
        return 0
    res = run_polnear(folder, args.limit, args.verbose)
    print(f"PolNeAR {folder}: gold attributions {res['gold']}, "
          f"{res['words']} words in {res['seconds']:.1f}s")
    for scope in ("quotations", "attributions"):
        print(f"scope {scope} (predicted {res[scope]['predicted']}):")
        for key in ("content", "content+source"):
            p, r, f = res[scope][key]
            print(f"  {key:<15} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return 0
