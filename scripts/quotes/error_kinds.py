"""Tally kinds of quote-stage errors against PolNeAR (the scoring of `dateline eval quotes`).

Run the pipeline's quote stage (scope "quotations") on a PolNeAR split and sort every gold
attribution the content match misses, and every prediction it does not match, into kinds:
  gold misses: "no overlap" (no prediction touches the gold content; by the gold cue's last word),
  "short" (the best prediction covers < 50% of the gold content; split by where it falls short:
  the gold runs over more sentences / starts earlier / ends later), "taken" (a prediction covers
  it but the one-to-one assignment gave it to another gold attribution);
  false alarms: "touching" (overlaps a gold content, < 50% of it), "nothing" (overlaps none).
Kinds are for finding what to learn from PolNeAR train; use `--split train` for that, and dev
only to measure.
Usage: python scripts/quotes/error_kinds.py [--split train|dev] [--limit N] [--show KIND] [--dump F]
"""
import argparse
import collections
import json

from dateline.evaluation.quotes import _chars, _match, _predicted, polnear_files, read_ann, scoped_quotes
from dateline.paths import shared_data


def _sent_count(text, a, b):
    inner = text[a:b].rstrip(" .\"”’")
    return 1 + sum(inner.count(p) for p in (". ", ".\n", "? ", "! ", ".” ", ".\" "))


def _kinds(quotes):
    """Quote kinds per predicted attribution, in `_predicted`'s order (one group per cue)."""
    groups: dict = {}
    for q in quotes:
        key = (q.cue.start, q.cue.end) if q.cue else ("q", q.id)
        groups.setdefault(key, set()).add(q.kind + ("+arg" if q.content else ""))
    return ["/".join(sorted(k)) for k in groups.values()]


def classify(text, golds, preds, kinds):
    """[(kind, detail, gold text, pred text, predicted quote kinds)] for one article."""
    out = []
    gsets = [_chars(g["content"]) for g in golds]
    pairs = sorted(((len(gc & p["content"]) / max(1, len(gc)), gi, pi)
                    for gi, gc in enumerate(gsets) for pi, p in enumerate(preds)), reverse=True)
    used_g, used_p = set(), set()
    for ov, gi, pi in pairs:
        if ov >= 0.5 and gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    for gi, (g, gc) in enumerate(zip(golds, gsets)):
        if gi in used_g:
            continue
        a, b = min(gc), max(gc) + 1
        cue = " ".join(text[x:y] for x, y in g.get("cue", [])).lower()
        best = max(((len(gc & p["content"]) / len(gc), pi) for pi, p in enumerate(preds)), default=(0, None))
        gtext = text[a:b].replace("\n", " ")
        shape = "parenthetical cue" if len(g["content"]) > 1 and any(
            g["content"][0][1] <= x < g["content"][-1][0] for x, _ in g.get("cue", [])) else ""
        if best[0] == 0:
            out.append(("gold:no overlap", cue.split()[-1] if cue else "-", gtext, "", ""))
            continue
        p = preds[best[1]]["content"]
        pa, pb = min(p), max(p) + 1
        ptext = text[pa:pb].replace("\n", " ")
        if best[0] >= 0.5:
            out.append(("gold:taken", cue, gtext, ptext, kinds[best[1]]))
            continue
        why = []
        if _sent_count(text, a, b) > _sent_count(text, max(a, pa), min(b, pb)):
            why.append("more sentences")
        if pa > a + 2:
            why.append("starts earlier")
        if pb < b - 2:
            why.append("ends later")
        out.append(("gold:short", "+".join(why + [shape] * bool(shape)) or "other", gtext, ptext, kinds[best[1]]))
    for pi, p in enumerate(preds):
        if pi in used_p:
            continue
        pa, pb = min(p["content"]), max(p["content"]) + 1
        touch = any(gc & p["content"] for gc in gsets)
        out.append(("pred:" + ("touching" if touch else "nothing"), kinds[pi], "", text[pa:pb].replace("\n", " "), kinds[pi]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", default=None, help="print examples of kinds starting with this")
    ap.add_argument("--dump", default=None, help="write every error as JSON lines to this file")
    args = ap.parse_args()
    tally, details = collections.Counter(), collections.Counter()
    n_gold = n_pred = n_hit = n_src = 0
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    for k, (txt, ann) in enumerate(polnear_files(shared_data("quotes", "polnear", args.split))):
        if args.limit is not None and k >= args.limit:
            break
        text = txt.read_text(encoding="utf-8")
        golds = read_ann(ann)
        quotes, sources = scoped_quotes(text, ("quotations",))["quotations"]
        preds = _predicted(quotes, sources)
        n_gold, n_pred = n_gold + len(golds), n_pred + len(preds)
        n_hit += _match(golds, preds, False)
        n_src += _match(golds, preds, True)
        for kind, detail, g, p, qk in classify(text, golds, preds, _kinds(quotes)):
            tally[kind] += 1
            details[(kind, detail)] += 1
            if dump:
                dump.write(json.dumps({"file": txt.name, "kind": kind, "detail": detail, "gold": g, "pred": p, "quote_kind": qk}) + "\n")
            if args.show and kind.startswith(args.show):
                print(f"[{kind} {detail} {qk}] {txt.name}\n   G: {g[:300]}\n   P: {p[:300]}")
    p, r = n_hit / max(1, n_pred), n_hit / max(1, n_gold)
    print(f"{args.split}: gold {n_gold} predicted {n_pred} content P {p:.3f} R {r:.3f} "
          f"F1 {2 * p * r / max(1e-9, p + r):.3f}; content+source matches {n_src}")
    for kind, n in tally.most_common():
        print(f"{kind:<18} {n}")
        for (k2, d), m in details.most_common():
            if k2 == kind and m >= 3:
                print(f"    {d:<30} {m}")


if __name__ == "__main__":
    main()
