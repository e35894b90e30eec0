"""The page in a real browser: headless Debian Chromium driven by selenium, against
`dateline serve` on loopback over a store built from real articles (the multi-site stories,
the dev articles and a BBC slice, through the real pipeline and stories stage).

Opens Top Stories, clicks into a story, checks that the timeline, map and network draw the
story's events, clicks an event and finds its evidence highlighted in the article text, adds a
note, and saves screenshots to docs/screenshots/. Skipped when Chromium or chromedriver is
missing (.ci/run installs them)."""
from __future__ import annotations

import os
import shutil
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("selenium")
pytest.importorskip("uvicorn")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from web_store import LiveServer, real_store  # noqa: E402

SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1300,1500"]

pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="chromium and chromium-driver are not installed")


@pytest.fixture(scope="module")
def server(shared, tmp_path_factory):
    pytest.importorskip("dateline.stories", reason="the stories stage is not in this tree")
    reuse = os.environ.get("DATELINE_WEB_TEST_DB")   # a store this fixture built before
    db = Path(reuse) if reuse and Path(reuse).is_file() else \
        real_store(shared, tmp_path_factory.mktemp("webreal"))
    with LiveServer(db) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for f in FLAGS:
        opts.add_argument(f)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _pick_story(srv) -> dict:
    """The story to open: located events, events with both sides, several articles."""
    best, best_key = None, None
    for card in srv.json("/api/stories?limit=40")["items"]:
        s = srv.json(f"/api/stories/{card['id']}")
        evs = s["events"]
        located = sum(1 for e in evs if (e.get("location") or {}).get("lat") is not None)
        sided = sum(1 for e in evs if e.get("source") and e.get("target"))
        dated = sum(1 for e in evs if (e.get("date") or {}).get("value") or e.get("published"))
        key = (located > 0 and sided > 0 and dated > 0, s["n_articles"], len(evs))
        if best_key is None or key > best_key:
            best, best_key = s, key
    assert best is not None and best_key[0], "no story with located, dated, two-sided events"
    return best


def _wait(driver, cond, timeout=15):
    return WebDriverWait(driver, timeout).until(cond)


def _console_errors(driver) -> list:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_top_stories_story_evidence_and_note(server, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    story = _pick_story(server)
    browser.get(server.url + "/")
    cards = browser.find_elements(By.CSS_SELECTOR, "li.story-card")
    assert len(cards) >= 10
    top = server.json("/api/stories?limit=1")["items"][0]
    assert cards[0].get_attribute("data-story") == top["id"]
    assert cards[0].find_element(By.CSS_SELECTOR, ".sources").text.strip()
    assert cards[0].find_elements(By.CSS_SELECTOR, ".quad")
    browser.save_screenshot(str(SHOTS / "top-stories.png"))

    # click into the chosen story (page through Top Stories until it is listed)
    while not browser.find_elements(By.CSS_SELECTOR, f'li[data-story="{story["id"]}"] a'):
        browser.find_element(By.CSS_SELECTOR, "a.next").click()
    browser.find_element(By.CSS_SELECTOR, f'li[data-story="{story["id"]}"] a.story-link').click()
    _wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    assert browser.find_element(By.ID, "story-title").text.strip()

    evs = story["events"]
    dated = [e for e in evs if (e.get("date") or {}).get("value") or e.get("published")]
    located = [e for e in evs if (e.get("location") or {}).get("lat") is not None]
    marks = lambda sel: browser.find_elements(By.CSS_SELECTOR, sel)  # noqa: E731
    assert len(marks("#timeline circle.mark")) == len(dated) > 0
    assert len(marks("#map circle.mark")) == len(located) > 0
    assert len(marks("#map path.land")) > 100          # the vendored world outline drew
    edges = marks("#network path.edge")
    assert edges and len(marks("#network g.node")) >= 2
    quads = {e.get_attribute("data-quad") for e in edges}
    assert quads <= {e["quad"] for e in evs}
    assert len(marks("tr.event-row")) == len(evs)
    browser.save_screenshot(str(SHOTS / "story.png"))

    # click an event on the map: its evidence is highlighted in the article text
    dot = marks("#map circle.mark")[-1]             # drawn last: on top of any overlap
    article_id, event_id = dot.get_attribute("data-key").split(":")
    dot.click()
    _wait(browser, EC.visibility_of_element_located((By.ID, "evidence")))
    mark = _wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "mark.evidence-mark")))
    assert "selected" in dot.get_attribute("class")
    art = server.json(f"/api/articles/{article_id}")
    ev = next(e for e in art["events"] if e["id"] == event_id)
    assert mark.text.strip() == ev["evidence"]["text"].strip()
    box = browser.find_element(By.ID, "evidence-text").text
    assert art["text"][:40].strip() in box          # the whole article, the evidence marked

    # a row click moves the highlight to that event
    row = marks("tr.event-row")[-1]
    row.click()
    _wait(browser, lambda d: "selected" in row.get_attribute("class"))
    last = evs[-1]
    art2 = server.json(f"/api/articles/{last['article_id']}")
    ev2 = next(e for e in art2["events"] if e["id"] == last["event_id"])
    _wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, "mark.evidence-mark").text.strip()
          == ev2["evidence"]["text"].strip())
    browser.save_screenshot(str(SHOTS / "evidence.png"))

    # correct the event through the page; the note appears and is in the API
    n0 = len(browser.find_elements(By.CSS_SELECTOR, "#notes li.note"))
    form = browser.find_element(By.ID, "event-note")
    form.find_element(By.NAME, "author").send_keys("Test Analyst")
    Select(form.find_element(By.NAME, "kind")).select_by_value("correct")
    Select(form.find_element(By.NAME, "status")).select_by_value("alleged")
    form.find_element(By.NAME, "text").send_keys("<b>Reported</b>, not confirmed.")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#notes li.note")) == n0 + 1)
    item = browser.find_elements(By.CSS_SELECTOR, "#notes li.note")[-1]
    assert "<b>Reported</b>, not confirmed." in item.text   # shown as text, not markup
    assert "<b>Reported</b>, not confirmed." in \
        browser.find_elements(By.CSS_SELECTOR, "#event-notes li.note")[-1].text
    notes = server.json(f"/api/notes?article={last['article_id']}")["items"]
    assert notes[-1]["correction"] == {"status": "alleged"}
    assert notes[-1]["event_id"] == last["event_id"] and notes[-1]["author"] == "Test Analyst"

    # a story note, then a reload shows both notes from the store
    sform = browser.find_element(By.ID, "story-note")
    sform.find_element(By.NAME, "author").send_keys("Test Analyst")
    sform.find_element(By.NAME, "text").send_keys("Two outlets carry the same wire copy.")
    sform.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#notes li.note")) == n0 + 2)
    browser.refresh()
    _wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    shown = browser.find_elements(By.CSS_SELECTOR, "#notes li.note")
    assert "Two outlets carry the same wire copy." in shown[-1].text
    assert not [m for m in _console_errors(browser) if "Content Security Policy" in m]


def test_event_table_filters_and_csv_link(server, browser):
    evs = server.json("/api/events?limit=500")["items"]
    etype = max({e["type"] for e in evs}, key=lambda t: sum(e["type"] == t for e in evs))
    browser.get(server.url + "/events")
    Select(browser.find_element(By.NAME, "type")).select_by_visible_text(etype)
    browser.find_element(By.CSS_SELECTOR, "#event-filters button[type=submit]").click()
    _wait(browser, lambda d: f"type={etype}" in d.current_url)
    assert "status=" not in browser.current_url        # empty fields are left out
    rows = browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")
    typed = server.json(f"/api/events?type={etype}&limit=500")["items"]
    assert typed and all(e["type"] == etype for e in typed)
    assert len(rows) == min(100, len(typed))
    assert {r.find_element(By.CSS_SELECTOR, ".quad").text for r in rows} == {etype}
    href = browser.find_element(By.ID, "csv-link").get_attribute("href")
    with urllib.request.urlopen(href, timeout=10) as r:
        body = r.read().decode()
    assert body.splitlines()[0].startswith("article_id,event_id")
    assert len(body.splitlines()) == 1 + len(typed)
    browser.save_screenshot(str(SHOTS / "events.png"))
    assert not [m for m in _console_errors(browser) if "Content Security Policy" in m]
