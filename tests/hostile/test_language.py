"""Non-English articles: the language is recorded and no events are coded from them."""
from __future__ import annotations

from .common import articles, assert_clean_stderr, run, story

# Written for this test: short news items in French, German and Spanish.
FOREIGN = {
    "fr": ("Le gouvernement a annoncé lundi que les troupes turques avaient bombardé des positions "
           "kurdes près de la frontière. Le ministre a déclaré aux journalistes que Paris ne "
           "négocierait pas avec les militants et a appelé à des pourparlers.\n"),
    "de": ("Die Regierung teilte am Montag mit, dass türkische Truppen kurdische Stellungen nahe "
           "der Grenze beschossen hätten. Der Minister sagte vor Journalisten, Berlin werde nicht "
           "mit den Kämpfern verhandeln, und forderte Gespräche.\n"),
    "es": ("El gobierno anunció el lunes que las tropas turcas habían bombardeado posiciones kurdas "
           "cerca de la frontera. El ministro dijo a los periodistas que Madrid no negociaría con "
           "los militantes y pidió conversaciones con el gobierno.\n"),
}


def test_foreign_articles_are_kept_with_language_and_no_events(tmp_path):
    paths = {}
    for code, text in FOREIGN.items():
        p = tmp_path / f"{code}.txt"
        p.write_text(text, encoding="utf-8")
        paths[code] = str(p)
    english = tmp_path / "en.txt"
    english.write_text(story("Monday"), encoding="utf-8")
    proc, _ = run(["extract", "--workers", "1", "--format", "jsonl", *paths.values(), str(english)])
    assert proc.returncode == 0, proc.stderr
    said = assert_clean_stderr(proc.stderr)  # each foreign input is named, whatever the format
    assert all(any(path in line and "not English" in line for line in said)
               for path in paths.values()), said
    got = articles(proc.stdout)
    for code, path in paths.items():
        a = got[path]
        assert a["language"] == code
        assert a["events"] == [] and a["quotes"] == [] and a["actors"] == []
        assert any("not English" in w for w in a["warnings"]), a["warnings"]
        assert a["text"].strip()
    en = got[str(english)]
    assert en["language"] == "en" and en["events"] and en["warnings"] == []


def test_english_news_is_not_mistaken_for_another_language(shared):
    from dateline.language import language_of

    files = sorted((shared / "data" / "news" / "bbc").rglob("*.txt"))[::11][:200]
    wrong = [f.name for f in files if language_of(f.read_text(encoding="latin-1")) != "en"]
    assert wrong == []
