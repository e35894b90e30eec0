// Helpers shared by the pages: JSON fetch, safe element building (text only, never HTML).
"use strict";
window.DL = (function () {
  const QUAD_COLOURS = {
    verbal_cooperation: "#74c476", material_cooperation: "#238b45",
    verbal_conflict: "#fd8d3c", material_conflict: "#d7301f",
  };
  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    if (!r.ok) throw new Error(url + ": HTTP " + r.status);
    return r.json();
  }
  async function postJSON(url, body) {
    const r = await fetch(url, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const data = await r.json().catch(() => ({}));
    if (!r.ok) {
      const d = data.detail;
      throw new Error(typeof d === "string" ? d : (d && d.length ? d.map((x) => x.msg).join("; ") : "HTTP " + r.status));
    }
    return data;
  }
  // el("li", {class: "x"}, "text", child) — children are text or nodes; text is never parsed.
  function el(tag, attrs, ...children) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
    for (const c of children) n.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return n;
  }
  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const n = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, v);
    if (text !== undefined) n.textContent = text;
    return n;
  }
  // Article text with [start, end) wrapped in <mark>; built from text nodes only.
  function highlighted(text, start, end) {
    const frag = document.createDocumentFragment();
    const ok = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length;
    if (!ok) { frag.append(document.createTextNode(text)); return { frag, mark: null }; }
    const mark = el("mark", { class: "evidence-mark" }, text.slice(start, end));
    frag.append(document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end)));
    return { frag, mark };
  }
  function names(side) { return (side || []).map((a) => a.name || a.text).join(", ") || "–"; }
  function eventDate(e) { return (e.date && e.date.value) || e.published || null; }
  return { QUAD_COLOURS, getJSON, postJSON, el, svg, highlighted, names, eventDate };
})();
