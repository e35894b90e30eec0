// Article page: ?event=eN (or a click on an event) highlights that event's evidence.
"use strict";
(function () {
  const { getJSON, highlighted } = window.DL;
  const id = document.body.dataset.article;
  const box = document.getElementById("article-text");
  let art = null;
  async function show(eventId) {
    art = art || await getJSON("/api/articles/" + encodeURIComponent(id));
    const ev = (art.events || []).find((e) => e.id === eventId);
    if (!ev) return;
    const { frag, mark } = highlighted(art.text || "", ev.evidence.start, ev.evidence.end);
    box.replaceChildren(frag);
    if (mark) mark.scrollIntoView({ block: "center" });
  }
  document.querySelectorAll("a.event-link").forEach((a) => a.addEventListener("click", (e) => {
    e.preventDefault();
    history.replaceState(null, "", "?event=" + encodeURIComponent(a.dataset.event));
    show(a.dataset.event).catch(console.error);
  }));
  const want = new URLSearchParams(location.search).get("event");
  if (want) show(want).catch(console.error);
})();
