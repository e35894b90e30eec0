// Story page: draws the charts from /api/stories/{id}, shows an event's evidence highlighted
// in its article on click, and posts analysts' notes.
"use strict";
(function () {
  const { getJSON, postJSON, el, highlighted, names, eventDate } = window.DL;
  const storyId = document.body.dataset.story;
  const articles = new Map();
  const byMention = new Map();   // "article:event" -> the story event it is a mention of
  let storyArticles = new Map();
  let current = null;

  function mark(keyStr) {
    document.querySelectorAll(".selected").forEach((n) => n.classList.remove("selected"));
    document.querySelectorAll(`[data-key="${CSS.escape(keyStr)}"]`).forEach((n) => n.classList.add("selected"));
    const [a, e] = keyStr.split(":");
    document.querySelectorAll(`tr.event-row[data-article="${CSS.escape(a)}"][data-event="${CSS.escape(e)}"]`).forEach((n) => n.classList.add("selected"));
  }

  async function showEvidence(articleId, eventId) {
    if (!articles.has(articleId)) articles.set(articleId, await getJSON("/api/articles/" + encodeURIComponent(articleId)));
    const art = articles.get(articleId);
    const ev = (art.events || []).find((x) => x.id === eventId);
    if (!ev) return;
    current = { article_id: articleId, event_id: eventId };
    mark(articleId + ":" + eventId);
    const box = document.getElementById("evidence");
    box.hidden = false;
    const meta = document.getElementById("evidence-meta");
    meta.replaceChildren(el("b", {}, ev.type), " " + ev.status + ": " + names(ev.source) + " → " + names(ev.target) +
      " · " + (eventDate(ev) || art.published || "no date") + " · ", el("a", { href: "/articles/" + art.id + "?event=" + ev.id }, art.title || art.site || art.id));
    const text = document.getElementById("evidence-text");
    const { frag, mark: m } = highlighted(art.text || "", ev.evidence && ev.evidence.start, ev.evidence && ev.evidence.end);
    text.replaceChildren(frag);
    if (m) { text.scrollTop = Math.max(0, m.offsetTop - text.offsetTop - 60); }
    box.dataset.article = articleId;
    box.dataset.event = eventId;
    showMentions(byMention.get(articleId + ":" + eventId), articleId, eventId);
    const notes = (art.notes || []).filter((n) => n.event_id === eventId);
    document.getElementById("event-notes").replaceChildren(...notes.map(noteItem));
  }

  // A mention found by sentence alignment in a near-duplicate (no event of its own): its span.
  async function showAligned(m, se) {
    if (!articles.has(m.article_id)) articles.set(m.article_id, await getJSON("/api/articles/" + encodeURIComponent(m.article_id)));
    const art = articles.get(m.article_id);
    document.getElementById("evidence").hidden = false;
    document.getElementById("evidence-meta").replaceChildren(el("b", {}, se.type),
      " same sentence as an earlier copy (aligned, not coded in this article) · ",
      el("a", { href: "/articles/" + art.id }, art.title || art.site || art.id));
    const text = document.getElementById("evidence-text");
    const { frag, mark: mk } = highlighted(art.text || "", m.start, m.end);
    text.replaceChildren(frag);
    if (mk) { text.scrollTop = Math.max(0, mk.offsetTop - text.offsetTop - 60); }
  }

  // "Reported by": every article that carries the same story event; a click shows its wording.
  function showMentions(se, articleId, eventId) {
    const p = document.getElementById("evidence-mentions");
    p.replaceChildren();
    if (!se || !se.mentions || se.mentions.length < 2) return;
    p.append("Reported by " + se.mentions.length + " articles: ");
    se.mentions.forEach((m) => {
      const a = storyArticles.get(m.article_id) || {};
      const label = (a.site || a.title || m.article_id) + (a.published ? " " + a.published : "");
      const here = m.article_id === articleId && m.event_id === eventId;
      const link = el("a", { href: "#", class: "mention" + (here ? " here" : "") }, label);
      const show = m.event_id ? () => showEvidence(m.article_id, m.event_id) : () => showAligned(m, se);
      link.addEventListener("click", (ev) => { ev.preventDefault(); show().catch(console.error); });
      p.append(link, " ");
    });
  }

  function pick(e) { showEvidence(e.article_id, e.event_id || e.id).catch((err) => console.error(err)); }

  function noteItem(n) {
    return el("li", { class: "note" }, el("span", { class: "note-kind" }, n.kind), " ", el("b", { class: "author" }, n.author), " ",
      el("time", {}, n.created_at), n.event_id ? " on " + n.event_id : "", el("p", {}, n.text + (n.correction ? " [correction: " + JSON.stringify(n.correction) + "]" : "")));
  }

  function sides(v) { return v.split(",").map((s) => s.trim()).filter(Boolean); }

  function wireForms() {
    const sf = document.getElementById("story-note");
    sf.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const f = new FormData(sf), msg = sf.querySelector(".form-msg");
      try {
        const n = await postJSON("/api/notes", { kind: "note", story_id: storyId, author: f.get("author"), text: f.get("text") });
        document.getElementById("notes").append(noteItem(n));
        sf.querySelector("textarea").value = "";
        msg.textContent = "saved";
      } catch (err) { msg.textContent = err.message; }
    });
    const efm = document.getElementById("event-note");
    efm.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const f = new FormData(efm), msg = efm.querySelector(".form-msg");
      if (!current) return;
      const body = { kind: f.get("kind"), author: f.get("author"), text: f.get("text") || "", story_id: storyId, ...current };
      if (body.kind === "correct") {
        const c = {};
        if (f.get("type")) c.type = f.get("type");
        if (f.get("status")) c.status = f.get("status");
        if (f.get("source")) c.source = sides(f.get("source"));
        if (f.get("target")) c.target = sides(f.get("target"));
        body.correction = c;
      }
      try {
        const n = await postJSON("/api/notes", body);
        document.getElementById("notes").append(noteItem(n));
        document.getElementById("event-notes").append(noteItem(n));
        const cached = articles.get(current.article_id);
        if (cached) (cached.notes = cached.notes || []).push(n);
        efm.querySelector("textarea").value = "";
        msg.textContent = "saved";
      } catch (err) { msg.textContent = err.message; }
    });
  }

  async function main() {
    wireForms();
    document.querySelectorAll("tr.event-row").forEach((row) => {
      const open = () => showEvidence(row.dataset.article, row.dataset.event).catch((err) => console.error(err));
      row.addEventListener("click", open);
      row.addEventListener("keydown", (k) => { if (k.key === "Enter") open(); });
    });
    const story = await getJSON("/api/stories/" + encodeURIComponent(storyId));
    const events = story.events || [];
    storyArticles = new Map((story.articles || []).map((a) => [a.id, a]));
    events.forEach((se) => (se.mentions || []).forEach((m) => byMention.set(m.article_id + ":" + m.event_id, se)));
    let topo = null;
    try { topo = await getJSON("/static/vendor/countries-110m.json"); } catch (err) { console.error(err); }
    const counts = {
      timeline: window.Charts.timeline(document.getElementById("timeline"), events, pick),
      map: window.Charts.map(document.getElementById("map"), events, topo, pick),
      network: window.Charts.network(document.getElementById("network"), events, pick),
    };
    for (const [k, v] of Object.entries(counts)) document.getElementById(k).dataset.marks = v;
    document.body.dataset.ready = "1";
  }
  main().catch((err) => { console.error(err); document.body.dataset.ready = "error"; });
})();
