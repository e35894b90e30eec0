"""Compile PETRARCH2's CAMEO verb-pattern dictionary into dateline's PLOVER verb patterns.

Reads CAMEO.2.0.txt (openeventdata/petrarch2, MIT; format in its dictionaries.rst) and the
CAMEO->PLOVER crosswalk (CAMEO2PLOVER-2021.parsed.csv), writes four files
under src/dateline/data/events/:

    petrarch_verbs.tsv     verb  particle  block  cameo  plover_type  plover_mode
                           (the verb's own code; empty when PETRARCH's code is null)
    petrarch_patterns.tsv  block  cameo  plover_type  plover_mode  constraints
                           (a pattern holds for every verb of its block)
    petrarch_synsets.tsv   synset  member
    petrarch_nouns.tsv     noun  cameo  plover_type   (nouns naming a meeting in themselves: `meeting_nouns`)

where constraints (";"-joined, all must hold) are
    obj=HEAD[+MOD...]   the verb's object (or passive subject) has this head lemma (and modifiers)
    prep=P:HEAD[+MOD]   a prepositional phrase P with this head ("prep=P:" : any object)
    prt=W               a particle or adverb W ("set OFF", "pull OUT")
    subj=HEAD           the verb's subject has this head lemma
and an empty constraints column is the verb's own code (a bare verb). Synsets (&NAME) are
kept as references (&NAME, resolved at load time); PETRARCH's actor markers ($ + % ^) are dropped. CAMEO codes the
crosswalk does not map (01 statements, 02 appeals) and the null code --- give no row; a code
missing from the crosswalk falls back to its parent (0213 -> 021 -> 02).

Usage: python scripts/events/build_petrarch.py [--shared DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PARTICLES = {"up", "off", "out", "down", "back", "away", "over", "forward", "aside", "in", "on",
             "through", "together", "apart", "around", "about", "ahead"}
NOTICE = """# Compiled by scripts/events/build_petrarch.py from PETRARCH2's CAMEO verb dictionary
# (openeventdata/petrarch2, data/dictionaries/CAMEO.2.0.txt) mapped through CAMEO2PLOVER-2021.
# Do not edit by hand: rerun the script.
#
# The MIT License (MIT)
# Copyright (c) 2015 Open Event Data Alliance
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def crosswalk(path: Path) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["cameo_code"].strip(), (row["plover_event"].strip(),
                                                       row["plover_mode"].strip()))
    return out


def to_plover(code: str, table: dict) -> tuple[str, str] | None:
    while code:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def pick_code(raw: str) -> str:
    """'042:043' -> '042' (the active reading); ':110' -> '110'; '---' -> ''."""
    parts = [p.strip() for p in raw.split(":")]
    code = next((p for p in parts if p), "")
    return "" if code.startswith("-") else code


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def singulars(word: str) -> list[str]:
    w = word.lower()
    out = [w]
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    elif w.endswith("sses"):
        out.append(w[:-2])
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        out.append(w[:-1])
    return out


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    name = None
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            break
        text = _strip_comment(line).strip()
        if text.startswith("&"):
            name = text.split()[0].rstrip("_")
            sets[name] = []
        elif text.startswith("+") and name:
            sets[name].append(text[1:].rstrip("_").lower())
    return sets


def tokens(spec: str) -> list[str]:
    """Split a pattern half into items: WORD, {PHRASE}, (PREP ...), &SET."""
    return re.findall(r"\{[^}]*\}|\([^)]*\)|\S+", spec)


def noun_forms(item: str) -> list[tuple[str, list[str]]]:
    """(head, modifiers) of a noun item: WORD, {MOD HEAD}, &SET (kept as a reference)."""
    words = [w for w in item.strip("{}").split() if w not in ("$", "+", "%", "^")]
    words = [w.rstrip("_") if w.startswith("&") else w.replace("_", " ").lower() for w in words]
    if not words:
        return []
    return [(words[-1], words[:-1])]


def _fmt(head: str, mods: list[str]) -> str:
    return "+".join([head] + mods)


def pattern_constraints(body: str) -> list[str]:
    """Alternative constraint strings for one pattern line's body (before the [code])."""
    if "*" not in body:
        return []
    pre, post = body.split("*", 1)
    alts: list[list[str]] = [[]]

    def add(options: list[str]):
        nonlocal alts
        if options:
            alts = [a + [o] for a in alts for o in options][:400]

    for item in tokens(pre):
        if item in ("$", "+", "%", "^") or item.startswith("("):
            continue
        add([f"subj={_fmt(h, m)}" for h, m in noun_forms(item)])
    seen_obj = False
    for item in tokens(post):
        if item in ("$", "+", "%", "^"):
            continue
        if item.startswith("("):
            inner = item[1:-1].split(None, 1)
            prep = inner[0].lower()
            if len(inner) == 1:
                add([f"prep={prep}:"])
            else:
                forms = noun_forms(inner[1])
                add([f"prep={prep}:{_fmt(h, m)}" for h, m in forms] or [f"prep={prep}:"])
            continue
        if not seen_obj and item.lower() in PARTICLES:
            add([f"prt={item.lower()}"])
            continue
        if seen_obj:
            continue  # a second bare noun: PETRARCH's looser matching, not kept
        seen_obj = True
        add([f"obj={_fmt(h, m)}" for h, m in noun_forms(item)])
    return [";".join(a) for a in alts if a]


def verb_entry(text: str) -> tuple[str, str, str] | None:
    """(lemma, particle, own code) of a verb line, or None for prefixed compounds."""
    code_m = re.search(r"\[([^\]]*)\]", text)
    code = pick_code(code_m.group(1)) if code_m else None
    word = text.split()[0]
    if "_" in word:
        parts = word.split("_")
        if not parts[0].startswith("+"):
            return None  # "WIRE_+TAP": the verb is not first
        return parts[0][1:].lower(), " ".join(p.lower() for p in parts[1:]), code
    return word.lstrip("+").lower(), "", code


def read_blocks(lines: list[str], table: dict) -> tuple[list[tuple], list[tuple]]:
    """(verb rows, pattern rows): verb rows (verb, particle, block, cameo, type, mode) give each
    verb's block and its own code (empty when null); pattern rows (block, cameo, type, mode,
    constraints) hold for every verb of the block."""
    verbs: list[tuple] = []
    patterns: list[tuple] = []
    block_code, name, in_patterns = "", "", False
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            in_patterns = True
            continue
        text = _strip_comment(line).strip()
        if not in_patterns or not text or text.startswith("~"):
            continue
        if text.startswith("---"):
            m = re.search(r"\[([^\]]*)\]", text)
            block_code = pick_code(m.group(1)) if m else ""
            name = text.strip("- ").split("[")[0].strip().lower()
            continue
        if text.startswith("-"):
            m = re.search(r"\[([^\]]*)\]", text)
            code = pick_code(m.group(1)) if m else ""
            mapped = to_plover(code, table) if code else None
            if mapped:
                for cons in pattern_constraints(text[1:m.start()].strip()):
                    patterns.append((name, code, mapped[0], mapped[1], cons))
            continue
        entry = verb_entry(text)
        if entry is None:
            continue
        verb, prt, own = entry
        code = own if own is not None else block_code
        mapped = (to_plover(code, table) if code else None) or ("", "")
        verbs.append((verb, prt, name, code if mapped[0] else "", mapped[0], mapped[1]))
    return verbs, patterns


MEETING_TYPE = "CONSULT"
MIN_VERBS = 2  # light verbs attesting a noun ("hold" and "start" consultations)


def meeting_nouns(lines: list[str], table: dict, light: set[str]) -> list[tuple]:
    """(noun, cameo, "CONSULT") rows: the nouns that name a meeting in themselves. PETRARCH codes them
    only as the object of a verb ("HOLD * CONSULTATIONS [040]"); a noun qualifies when some
    light verb's pattern (`light`: dateline's light_takes_event_object class, "hold", "start",
    "launch" ...) has it as a bare object coded CONSULT and every light-verb pattern with it as
    the object head, modified or not, is CONSULT too ("{&INFORMATION CONFERENCE} [017] # HOLD"
    keeps "conference" out; "TALKS (ON CONTRACT) [031]" keeps "talks" out), and at least
    MIN_VERBS light verbs have it as a bare object (one pattern alone, "GIVE * RECEPTION", says
    more about the verb than about the noun)."""
    types: dict[str, set] = {}
    bare: dict[str, str] = {}
    verbs: dict[str, set] = {}
    for line in lines:
        m = re.match(r"-\s+\*\s+(.*?)\s*\[([^\]]*)\]\s*#\s*([A-Z_]+)", line)
        if not m or m.group(3).lower() not in light:
            continue
        items = tokens(m.group(1))
        if not items or items[0].startswith("("):
            continue
        forms = noun_forms(items[0])
        if not forms or forms[0][0].startswith("&"):
            continue
        head, mods = forms[0]
        code = pick_code(m.group(2))
        mapped = to_plover(code, table) if code else None
        for noun in singulars(head)[-1:]:
            types.setdefault(noun, set()).add(mapped[0] if mapped else "")
            if not mods and len(items) == 1 and mapped and mapped[0] == MEETING_TYPE:
                bare.setdefault(noun, code)
                verbs.setdefault(noun, set()).add(m.group(3).lower())
    return sorted((n, c, MEETING_TYPE) for n, c in bare.items()
                  if types[n] == {MEETING_TYPE} and len(verbs[n]) >= MIN_VERBS)


def drop_verb_objects(patterns: list[tuple], verbs: set[str]) -> list[tuple]:
    """TABARI-era leftovers: an object slot holding a word the dictionary has only as a verb
    and never elsewhere as an object ("PUT * INITIATE (ON HOLD)") loses that slot; the rest
    of the pattern stands ("put * (on hold)")."""
    objs: dict[str, int] = {}
    for p in patterns:
        for c in p[4].split(";"):
            if c.startswith("obj="):
                objs[c[4:]] = objs.get(c[4:], 0) + 1
    out = []
    for block, code, type_, mode, cons in patterns:
        parts = [c for c in cons.split(";")
                 if not (c.startswith("obj=") and c[4:] in verbs and objs[c[4:]] == 1
                         and len(cons.split(";")) > 1)]
        out.append((block, code, type_, mode, ";".join(parts)))
    return out


def _write(path: Path, header: str, rows) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(NOTICE + "# " + header + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
    ap.add_argument("--out", default=ROOT / "src/dateline/data/events")
    args = ap.parse_args()
    shared, out = Path(args.shared), Path(args.out)
    lines = (shared / "data/events/petrarch/CAMEO.2.0.txt").read_text(
        encoding="utf-8", errors="replace").splitlines()
    table = crosswalk(shared / "data/events/plover/CAMEO2PLOVER-2021.parsed.csv")
    synsets = read_synsets(lines)
    verbs, patterns = read_blocks(lines, table)
    patterns = sorted(set(drop_verb_objects(patterns, {v[0] for v in verbs})))
    _write(out / "petrarch_verbs.tsv", "verb\tparticle\tblock\tcameo\tplover_type\tplover_mode",
           verbs)
    _write(out / "petrarch_patterns.tsv",
           "block\tcameo\tplover_type\tplover_mode\tconstraints", patterns)
    _write(out / "petrarch_synsets.tsv", "synset\tmember",
           [(k, m) for k, ms in sorted(synsets.items()) for m in ms])
    cues = json.loads((out / "cues.json").read_text(encoding="utf-8"))
    light = set(cues["classes"]["light_takes_event_object"])
    _write(out / "petrarch_nouns.tsv", "noun\tcameo\tplover_type  (nouns naming a meeting: scripts/events/build_petrarch.py meeting_nouns)",
           meeting_nouns(lines, table, light))
    print(f"{len(verbs)} verbs in {len({v[2] for v in verbs})} blocks, {len(patterns)} patterns, "
          f"{len(synsets)} synsets -> {out}")


if __name__ == "__main__":
    main()
