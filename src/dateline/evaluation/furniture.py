"""`dateline eval furniture`: page furniture and titles of plain-text articles.

Dev mode (default) runs `clean.clean_text` on each gold article's `text` (GOLD_FORMAT.md) with no
title given and reports:
- furniture removed: share of the gold `boilerplate` strings that no longer appear as a kept
  paragraph, or at the start or end of one (sign-offs cut off a sentence count as removed);
- content lost: share of the other non-empty text lines (title excepted) whose words are no
  longer found in the body (the split-off wire dateline counts as kept);
- titles right: the gold title when it is written as a line of the text, else no title.

`--heldout 21-40` trains the line model without those dev articles (Zyte pages plus the other
dev articles, as scripts/train_furniture.py does) and scores them with it.

`--cv` runs the grouped cross-validation of the line model instead (scripts/train_furniture.py
builds the same data): lines of the Zyte pages rendered by inscriptis, labelled by the
ground-truth body, folds grouped by page (and by site), line F1 of the content class.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from ..paths import shared_dir

_WORD = re.compile(r"\w+", re.UNICODE)


def add_arguments(p) -> None:
    p.add_argument("dir", nargs="?", default=None,
                   help="folder of gold JSON files or one file (default: ../shared/examples/dev)")
    p.add_argument("--ids", default=None,
                   help="only articles whose file name starts with a number in this range, e.g. 21-40")
    p.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    p.add_argument("--cv", action="store_true",
                   help="grouped cross-validation of the line model on the Zyte pages instead")
    p.add_argument("--folds", type=int, default=5, help="folds for --cv (default 5)")
    p.add_argument("--heldout", metavar="RANGE", default=None,
                   help="train the line model afresh on the Zyte pages and the dev articles "
                        "outside RANGE (e.g. 21-40; needs the train extra), then score RANGE "
                        "with it: the estimate on unseen text pages")


def norm(text: str) -> str:
    """Lower-cased word tokens joined by single spaces (punctuation and spacing ignored)."""
    return " ".join(_WORD.findall(text.casefold()))


def _in_range(name: str, ids: Optional[str]) -> bool:
    if not ids:
        return True
    m = re.match(r"(\d+)", name)
    lo, _, hi = ids.partition("-")
    return bool(m) and int(lo) <= int(m.group(1)) <= int(hi or lo)


def gold_files(path: Optional[str], ids: Optional[str]) -> list[Path]:
    root = Path(path) if path else shared_dir() / "examples" / "dev"
    files = [root] if root.is_file() else sorted(root.glob("*.json"))
    return [f for f in files if _in_range(f.name, ids)]


def furniture_removed(boilerplate: str, paragraphs: list[str], content: frozenset = frozenset()
                      ) -> bool:
    """True when no kept paragraph is, starts with or ends with this furniture string. A kept
    paragraph that is exactly one of the gold `content` lines (normalised) holds no furniture:
    a teaser cut short ("... to fight to the death to…") is the start of the lead paragraph it
    repeats, and keeping that lead is not keeping the teaser."""
    b = norm(boilerplate)
    if not b:
        return True
    return not any(p == b or (p not in content and (p.startswith(b + " ") or p.endswith(" " + b)))
                   for p in paragraphs)


def content_lines(text: str, title: str, boilerplate: list[str]) -> list[str]:
    """Non-empty lines of `text` that are article content: not furniture, not the title; a
    furniture string at the start or end of a line is cut off it first."""
    bp = sorted({b.strip() for b in boilerplate if b.strip()}, key=len, reverse=True)
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line in bp or (title and norm(line) == norm(title)):
            continue
        for b in bp:
            if line.endswith(b):
                line = line[: -len(b)].strip()
            if line.startswith(b):
                line = line[len(b):].strip()
        if norm(line):
            out.append(line)
    return out


def score_article(gold: dict) -> dict:
    from ..clean import clean_text

    text, title = gold["text"], (gold.get("title") or "").strip()
    cleaned = clean_text(text)
    body = cleaned.body
    if getattr(cleaned, "dateline", None):
        body = cleaned.dateline.text + " " + body
    paragraphs = [norm(p) for p in body.split("\n\n")]
    flat = " " + norm(body) + " "
    bp = [b for b in gold.get("boilerplate") or [] if norm(b)]
    content = content_lines(text, title, bp)
    exact = frozenset(norm(c) for c in content) - {norm(b) for b in bp}
    left = [b for b in bp if not furniture_removed(b, paragraphs, exact)]
    lost = [c for c in content if " " + norm(c) + " " not in flat]
    in_text = bool(title) and any(norm(x) == norm(title) for x in text.splitlines())
    want = norm(title) if in_text else ""
    got = norm(cleaned.title or "")
    return {"boilerplate": len(bp), "left": left, "content": len(content), "lost": lost,
            "title_ok": got == want, "title_in_text": in_text,
            "title": cleaned.title, "gold_title": title}


def run_dev(args) -> int:
    files = gold_files(args.dir, args.ids)
    if not files:
        print(f"dateline: no gold articles at {args.dir or 'examples/dev'} ({args.ids or 'all'})")
        return 2
    n_bp = n_left = n_content = n_lost = titles = in_text = titles_in_text = 0
    for f in files:
        s = score_article(json.loads(f.read_text(encoding="utf-8")))
        n_bp += s["boilerplate"]
        n_left += len(s["left"])
        n_content += s["content"]
        n_lost += len(s["lost"])
        titles += s["title_ok"]
        in_text += s["title_in_text"]
        titles_in_text += s["title_ok"] and s["title_in_text"]
        if args.verbose and (s["left"] or s["lost"] or not s["title_ok"]):
            print(f"{f.name}")
            for b in s["left"]:
                print(f"   furniture kept: {b[:100]}")
            for c in s["lost"]:
                print(f"   content lost:   {c[:100]}")
            if not s["title_ok"]:
                print(f"   title: {s['title']!r}  gold: {s['gold_title']!r}"
                      f"{'' if s['title_in_text'] else ' (not in text: want none)'}")
    removed = (n_bp - n_left) / n_bp if n_bp else 1.0
    print(f"articles {len(files)}  furniture removed {removed:.3f} ({n_bp - n_left}/{n_bp})  "
          f"content lines lost {n_lost / max(1, n_content):.3f} ({n_lost}/{n_content})  "
          f"titles right {titles / len(files):.3f} ({titles}/{len(files)}; "
          f"{titles_in_text}/{in_text} where the title is a line of the text)")
    return 0


def run_heldout(args) -> int:
    """Score the dev articles in args.heldout with a model trained without them."""
    try:
        from ..clean import train
    except ImportError as err:  # pragma: no cover - train extra missing
        print(f"dateline: --heldout needs the train extra (pip install 'dateline[train]'): {err}")
        return 2
    from ..clean import model

    try:
        pages = train.zyte_pages() + train.dev_pages(exclude=args.heldout)
    except ImportError as err:
        print(f"dateline: --heldout needs the train extra (pip install 'dateline[train]'): {err}")
        return 2
    model.use(train.fit(pages))
    args.ids = args.heldout
    try:
        return run_dev(args)
    finally:
        model.use(None)


def run(args) -> int:
    if args.cv:
        from ..clean.train import cross_validate_cli

        return cross_validate_cli(args.folds)
    if args.heldout:
        return run_heldout(args)
    return run_dev(args)
