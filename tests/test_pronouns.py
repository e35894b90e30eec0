"""One pronoun list (data/pronouns.tsv) read by dateline.pronouns; no stage keeps its own."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from dateline.pronouns import pronouns

SRC = Path(__file__).resolve().parents[1] / "src" / "dateline"
PERSONAL = {"he", "she", "him", "her", "his", "they", "them", "their", "its", "we", "i", "you"}


def test_selections_by_person_gender_and_case():
    assert pronouns(gender="m") == {"he", "him", "his", "himself"}
    assert pronouns(person=3, number="pl", case=("subj", "obj", "det")) == {"they", "them", "their"}
    assert pronouns(gender="n", case=("subj", "obj", "det")) == {"it", "its"}
    assert pronouns(case="det") >= {"its", "their", "his", "her", "our", "my"}
    assert "himself" in pronouns(case="refl") and "himself" not in pronouns(case="subj")


def test_kinds_other_than_personal():
    assert pronouns(kind="relative") >= {"who", "whom", "which", "that"}
    assert "there" in pronouns(case="subj", kind="expletive")
    assert "who" not in pronouns(case="subj")  # personal by default


def test_unknown_column_is_an_error():
    with pytest.raises(ValueError, match="colour"):
        pronouns(colour="red")


def _literal_sets(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
            words = {e.value for e in node.elts if isinstance(e, ast.Constant)
                     and isinstance(e.value, str)}
            if len(words & PERSONAL) >= 3:
                yield node.lineno, sorted(words & PERSONAL)


def test_no_module_keeps_its_own_pronoun_list():
    found = [(str(p.relative_to(SRC)), line, words) for p in sorted(SRC.rglob("*.py"))
             for line, words in _literal_sets(ast.parse(p.read_text(encoding="utf-8")))]
    assert found == []
