// Story charts drawn as SVG from the story's events: timeline, offline map, actor network.
// Each mark carries data-key="ARTICLE:EVENT" so a click can open that event's evidence.
"use strict";
window.Charts = (function () {
  const { QUAD_COLOURS, svg, eventDate, names } = window.DL;
  const QUADS = Object.keys(QUAD_COLOURS);
  const DAY = 86400000;
  const key = (e) => e.article_id + ":" + (e.event_id || e.id);
  const colour = (q) => QUAD_COLOURS[q] || "#888";
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function title(e) { return e.type + " (" + e.status + "): " + names(e.source) + " → " + names(e.target) + " · " + (eventDate(e) || "no date"); }

  function timeline(node, events, onPick) {
    clear(node);
    const W = 600, H = 220, L = 110, R = 20, T = 15, B = 30;
    const dated = events.filter((e) => eventDate(e));
    const t = dated.map((e) => Date.parse(eventDate(e)));
    let lo = Math.min(...t), hi = Math.max(...t);
    if (!dated.length) { node.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, "no dated events")); return 0; }
    if (hi - lo < DAY) { lo -= DAY; hi += DAY; }
    const x = (v) => L + (v - lo) / (hi - lo) * (W - L - R);
    const lane = (H - T - B) / QUADS.length;
    QUADS.forEach((q, i) => {
      const y = T + lane * (i + 0.5);
      node.append(svg("line", { class: "axis", x1: L, x2: W - R, y1: y, y2: y, "stroke-dasharray": "2,3" }));
      node.append(svg("text", { x: L - 6, y: y + 3, "text-anchor": "end" }, q.replace("_", " ")));
    });
    node.append(svg("line", { class: "axis", x1: L, x2: W - R, y1: H - B, y2: H - B }));
    [lo, (lo + hi) / 2, hi].forEach((v, i) => node.append(svg("text", {
      x: x(v), y: H - B + 14, "text-anchor": ["start", "middle", "end"][i],
    }, new Date(v).toISOString().slice(0, 10))));
    const stack = {};
    let n = 0;
    dated.forEach((e) => {
      const qi = Math.max(0, QUADS.indexOf(e.quad));
      const cx = x(Date.parse(eventDate(e)));
      const slot = (stack[qi + ":" + Math.round(cx / 6)] = (stack[qi + ":" + Math.round(cx / 6)] || 0) + 1) - 1;
      const cy = T + lane * (qi + 0.5) + ((slot % 5) - 2) * 5;
      const c = svg("circle", { class: "mark", r: 5, cx: cx + Math.floor(slot / 5) * 4, cy, fill: colour(e.quad), "data-key": key(e) });
      c.append(svg("title", {}, title(e)));
      c.addEventListener("click", () => onPick(e));
      node.append(c);
      n++;
    });
    return n;
  }

  // Equirectangular projection of lon/lat onto the 600x300 viewBox.
  const px = (lon) => (lon + 180) / 360 * 600;
  const py = (lat) => (90 - lat) / 180 * 300;
  function ringPath(ring) { return "M" + ring.map(([lo, la]) => px(lo).toFixed(1) + "," + py(la).toFixed(1)).join("L") + "Z"; }
  function geomPath(g) {
    if (!g) return "";
    const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    return polys.map((p) => p.map(ringPath).join("")).join("");
  }
  function map(node, events, topo, onPick) {
    clear(node);
    node.append(svg("rect", { class: "sphere", x: 0, y: 0, width: 600, height: 300 }));
    if (topo && window.topojson) {
      const land = window.topojson.feature(topo, topo.objects.countries);
      land.features.forEach((f) => node.append(svg("path", { class: "land", d: geomPath(f.geometry) })));
    }
    const placed = events.filter((e) => e.location && typeof e.location.lat === "number" && typeof e.location.lon === "number");
    placed.forEach((e, i) => {
      const jitter = (i % 3 - 1) * 2;
      const c = svg("circle", { class: "mark", r: 5, cx: px(e.location.lon) + jitter, cy: py(e.location.lat) + jitter, fill: colour(e.quad), "fill-opacity": 0.85, "data-key": key(e) });
      c.append(svg("title", {}, e.location.text + " — " + title(e)));
      c.addEventListener("click", () => onPick(e));
      node.append(c);
    });
    if (!placed.length) node.append(svg("text", { x: 300, y: 290, "text-anchor": "middle" }, "no event has a location"));
    return placed.length;
  }

  function actorKey(a) { return a.name || a.text || a.country || "?"; }
  function network(node, events, onPick) {
    clear(node);
    const W = 600, H = 300;
    const nodes = new Map(), edges = new Map();
    events.forEach((e) => (e.source || []).forEach((s) => (e.target || []).forEach((t) => {
      const a = actorKey(s), b = actorKey(t);
      if (a === b) return;
      for (const k of [a, b]) nodes.set(k, (nodes.get(k) || 0) + 1);
      const ek = a + "\u0000" + b + "\u0000" + e.quad;
      const edge = edges.get(ek) || { source: a, target: b, quad: e.quad, n: 0, event: e };
      edge.n++;
      edges.set(ek, edge);
    })));
    const top = new Set([...nodes.entries()].sort((p, q) => q[1] - p[1]).slice(0, 30).map((p) => p[0]));
    const ns = [...top].map((id) => ({ id, degree: nodes.get(id) }));
    const es = [...edges.values()].filter((e) => top.has(e.source) && top.has(e.target));
    if (!ns.length) { node.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, "no event with both sides")); return 0; }
    const d3 = window.d3;
    const links = es.map((e) => ({ ...e }));
    const sim = d3.forceSimulation(ns)
      .force("link", d3.forceLink(links).id((d) => d.id).distance(60))
      .force("charge", d3.forceManyBody().strength(-120))
      .force("x", d3.forceX(W / 2).strength(0.06))
      .force("y", d3.forceY(H / 2).strength(0.12))
      .force("collide", d3.forceCollide(18))
      .stop();
    for (let i = 0; i < 300; i++) sim.tick();
    // Fit the layout into the box (labels need room on the right).
    const xs = ns.map((n) => n.x), ys = ns.map((n) => n.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const k = Math.min((W - 140) / Math.max(1, x1 - x0), (H - 40) / Math.max(1, y1 - y0), 2.5);
    const cx = (v) => 20 + (v - x0) * k + ((W - 140) - (x1 - x0) * k) / 2;
    const cy = (v) => 20 + (v - y0) * k + ((H - 40) - (y1 - y0) * k) / 2;
    links.forEach((l, i) => {
      const [x1, y1, x2, y2] = [cx(l.source.x), cy(l.source.y), cx(l.target.x), cy(l.target.y)];
      const bend = 18 + (i % 3) * 6, mx = (x1 + x2) / 2 - (y2 - y1) / Math.hypot(x2 - x1, y2 - y1 || 1) * bend, my = (y1 + y2) / 2 + (x2 - x1) / Math.hypot(x2 - x1, y2 - y1 || 1) * bend;
      const p = svg("path", { class: "edge", d: `M${x1},${y1}Q${mx},${my} ${x2},${y2}`, stroke: colour(l.quad), "stroke-width": Math.min(6, 1.5 + l.n), "data-key": key(l.event), "data-quad": l.quad });
      p.append(svg("title", {}, l.source.id + " → " + l.target.id + ": " + l.n + " " + l.quad.replace("_", " ") + " event(s)"));
      p.addEventListener("click", () => onPick(l.event));
      node.append(p);
    });
    ns.forEach((n) => {
      const g = svg("g", { class: "node", transform: `translate(${cx(n.x)},${cy(n.y)})` });
      g.append(svg("circle", { r: 3 + Math.min(6, n.degree) }), svg("text", { x: 8, y: 3 }, n.id));
      node.append(g);
    });
    return links.length;
  }
  return { timeline, map, network, key };
})();
