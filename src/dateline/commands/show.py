"""`dateline show`: one stored article with its events and quotes, evidence marked in the text."""
from __future__ import annotations

import json
import sys

from .common import EX_FAILED, EX_OK, add_db, err, guarded


def register(sub) -> None:
    p = sub.add_parser("show", help="print a stored article with its events and quotes",
                       description="Print one stored article: its text with each event's "
                                   "evidence marked [[e1: ...]] and each quote {{q1: ...}}, "
                                   "then the events and quotes.")
    p.add_argument("article_id", metavar="ARTICLE_ID")
    add_db(p)
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help="text: marked article; json: the stored contract object")
    p.set_defaults(func=guarded(run))


def mark(text: str, spans: list) -> str:
    """`text` with each (start, end, label, open, close) span wrapped; overlapping or nested
    spans are closed and reopened so every mark stays balanced."""
    cuts: dict = {}
    for start, end, label, opener, closer in spans:
        if 0 <= start < end <= len(text):
            cuts.setdefault(start, []).append(f"{opener}{label}: ")
            cuts.setdefault(end, []).insert(0, closer)
    out, last = [], 0
    for pos in sorted(cuts):
        out.append(text[last:pos])
        ends = [c for c in cuts[pos] if c in ("]]", "}}")]
        opens = [c for c in cuts[pos] if c not in ("]]", "}}")]
        out.extend(ends + opens)
        last = pos
    out.append(text[last:])
    return "".join(out)


def render(article: dict) -> str:
    spans = [(e["evidence"]["start"], e["evidence"]["end"], e["id"], "[[", "]]")
             for e in article.get("events") or [] if e.get("evidence")]
    spans += [(q["start"], q["end"], q["id"], "{{", "}}") for q in article.get("quotes") or []]
    head = [f"# {article.get('title') or '(no title)'}",
            f"id {article['id']}  published {article.get('published') or '-'}  "
            f"site {article.get('site') or '-'}  story {article.get('story_id') or '-'}",
            f"url {article.get('url') or '-'}  input {article.get('input') or '-'}", ""]
    body = [mark(article.get("text") or "", spans), ""]
    events = ["## events"] + [_event_line(e, article) for e in article.get("events") or []]
    quotes = ["", "## quotes"] + [
        f"{q['id']:>4} {q['kind']:<8} {((q.get('speaker') or {}).get('name') or '?')[:30]}: "
        f"{q['text'][:100]}" for q in article.get("quotes") or []]
    return "\n".join(head + body + events + quotes) + "\n"


def _side(refs) -> str:
    return "; ".join(f"{r.get('name') or r.get('text')} ({r.get('country') or '?'})"
                     for r in refs or []) or "-"


def _event_line(e: dict, article: dict) -> str:
    from ..store.rows import event_day

    day, source = event_day(e, article.get("published"))
    return (f"{e['id']:>4} {e['type']:<9} {e.get('status') or '':<12} {_side(e.get('source'))} "
            f"-> {_side(e.get('target'))}  {day or 'undated'} ({source})  "
            f"conf {e.get('confidence')}")


def run(args) -> int:
    from ..store import open_store

    with open_store(args.db, create=False) as store:
        article = store.article_record(args.article_id)
    if article is None:
        err(f"{args.article_id}: no such article in {args.db}")
        return EX_FAILED
    if args.format == "json":
        print(json.dumps(article, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render(article))
    return EX_OK
