"""`dateline events --story ID` with an ID that names no stored story says so on stderr (as
`--actor` does for an actor), instead of an empty answer that looks like a story without events
(found by a new user, round 7). Exit status stays 0: an empty result is not an error."""
from __future__ import annotations

from store_samples import make_article

from dateline.cli import main
from dateline.store import open_store
from dateline.stories import update_stories


def _store(tmp_path) -> str:
    path = str(tmp_path / "st.sqlite")
    with open_store(path) as store:
        store.add(make_article("k1", events=[("ASSAULT", "NOR", "KEN", None)]))
        update_stories(store)
    return path


def test_unknown_story_is_named(tmp_path, capsys):
    db = _store(tmp_path)
    assert main(["events", "--db", db, "--story", "s_no_such"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "--story 's_no_such' matches no stored story" in err


def test_known_story_is_quiet_and_answers(tmp_path, capsys):
    db = _store(tmp_path)
    with open_store(db, create=False) as store:
        [story] = [e["story_id"] for e in store.iter_events()]
    assert story
    assert main(["events", "--db", db, "--story", story]) == 0
    out, err = capsys.readouterr()
    assert "matches no stored story" not in err and out.count("\n") == 1
