"""Features over the dependency parse for the learned attribution tagger (`tagger`).

Two feature sets, shared by training (scripts/quotes/train_tagger.py) and run time so they cannot
drift apart:
  * `cue_features(tok, inq)`: is this token the head word of an attribution cue? (lemma, tags,
    the dependency labels of its children, its head, its neighbours, whether it sits inside
    quotation marks);
  * `role_features(cue, tok, inq)`: given a cue head, is `tok` part of the SOURCE, the CONTENT or
    neither? (the dependency path from the cue to the token, side and distance, the token's own
    tags and entity type).
Each returns a list of feature strings; weights are looked up by string (absent = 0).
"""
from __future__ import annotations

from typing import Optional

_PATH_MAX = 4


def _bucket(n: int) -> str:
    for b in (1, 2, 3, 5, 8, 13, 21):
        if n <= b:
            return str(b)
    return "far"


def cue_features(tok, inq: bool) -> list[str]:
    """Features of one token as a candidate cue head. `inq`: the token is inside quote marks."""
    lem, pos, dep = tok.lemma_.lower(), tok.pos_, tok.dep_
    f = ["b", f"l={lem}", f"p={pos}", f"t={tok.tag_}", f"d={dep}", f"ld={lem}|{dep}",
         f"lp={lem}|{pos}", f"q={inq}", f"pq={pos}|{inq}"]
    head = tok.head
    f += [f"hl={head.lemma_.lower()}", f"hd={head.dep_}", f"hp={head.pos_}", f"dhp={dep}|{head.pos_}"]
    deps = set()
    for c in tok.children:
        deps.add(c.dep_)
        if c.dep_ in ("prep", "prt", "dobj", "mark", "neg", "aux", "agent", "acomp", "attr"):
            f.append(f"cl={c.dep_}|{c.lemma_.lower()}")
        if c.dep_ in ("ccomp", "xcomp", "acl", "relcl", "advcl"):
            marks = [m.lower_ for m in c.children if m.dep_ in ("mark", "aux")]
            f.append(f"cm={c.dep_}|{marks[0] if marks else '-'}")
            f.append(f"lcm={lem}|{c.dep_}")
        if c.dep_ == "dobj":
            for g in c.children:
                if g.dep_ in ("acl", "ccomp", "relcl", "prep"):
                    f.append(f"og={g.dep_}|{g.lower_ if g.dep_ == 'prep' else '-'}")
    for d in sorted(deps):
        f.append(f"c={d}")
        f.append(f"pc={pos}|{d}")
    if "nsubj" in deps and "ccomp" in deps:
        f.append("subj+ccomp")
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    f.append(f"pl={prev.lower_ if prev is not None else '<s>'}")
    f.append(f"nl={nxt.lower_ if nxt is not None else '</s>'}")
    f.append(f"ln={lem}|{nxt.lower_ if nxt is not None else '</s>'}")
    if nxt is not None and nxt.text in (",", ":"):
        f.append(f"npunct={nxt.text}")
    if prev is not None and prev.text in (",", "\u201d", '"'):
        f.append(f"ppunct={prev.text}")
    return f


def _ancestors(tok) -> list:
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 40:
        out.append(out[-1].head)
    return out


def cue_chain(cue) -> tuple[list, dict]:
    """The cue's ancestors (itself first) and their positions by token index: what `path`
    reads of the cue, the same for every token of its sentence."""
    up_c = _ancestors(cue)
    return up_c, {t.i: k for k, t in enumerate(up_c)}


def path(cue, tok, chain: Optional[tuple] = None) -> tuple[list[str], list[str]]:
    """Dependency labels up from the cue to the lowest common ancestor, then down to `tok`.
    `chain`: `cue_chain(cue)` when the caller has it."""
    up_c, ids_c = chain or cue_chain(cue)
    up_t = [tok]  # `_ancestors(tok)`, walked only as far as the first of the cue's
    while up_t[-1].i not in ids_c:
        if up_t[-1].head.i == up_t[-1].i or len(up_t) >= 40:
            return ["?"], ["?"]
        up_t.append(up_t[-1].head)
    lca_t = len(up_t) - 1
    lca_c = ids_c[up_t[lca_t].i]
    up = [t.dep_ for t in up_c[:lca_c]]
    down = [t.dep_ for t in reversed(up_t[:lca_t])]
    return up, down


def role_features(cue, tok, inq: bool, chain: Optional[tuple] = None) -> list[str]:
    """Features of `tok` as SOURCE / CONTENT / neither of the attribution cued by `cue`.
    `chain`: `cue_chain(cue)` when the caller has it (one walk up per cue, not per token)."""
    up, down = path(cue, tok, chain)
    lem = cue.lemma_.lower()
    side = "self" if tok.i == cue.i else ("L" if tok.i < cue.i else "R")
    up_s = ">".join(up[:_PATH_MAX]) + ("+" if len(up) > _PATH_MAX else "")
    down_s = ">".join(down[:_PATH_MAX]) + ("+" if len(down) > _PATH_MAX else "")
    top = down[0] if down else "-"
    f = ["b", f"side={side}", f"up={up_s}", f"down={down_s}", f"path={up_s}^{down_s}",
         f"top={top}", f"uptop={up_s}^{top}", f"ltop={lem}|{top}", f"sidetop={side}|{top}",
         f"dist={_bucket(abs(tok.i - cue.i))}", f"sdist={side}|{_bucket(abs(tok.i - cue.i))}",
         f"tp={tok.pos_}", f"td={tok.dep_}", f"te={tok.ent_type_ or '-'}", f"q={inq}",
         f"sq={side}|{inq}", f"depth={_bucket(len(down))}", f"cd={cue.dep_}", f"cdtop={cue.dep_}|{top}"]
    if not up:
        f.append(f"desc|{top}|{tok.pos_}")
    if tok.is_punct:
        f.append(f"punct={tok.text}|{side}")
    if tok.lower_ in ("that", "to", "if", "whether") and len(down) <= 2:
        f.append(f"comp={tok.lower_}|{down_s}")
    return f
