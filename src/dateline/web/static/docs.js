// API description page: lists the paths and parameters of /openapi.json (no CDN needed).
"use strict";
(async function () {
  const { getJSON, el } = window.DL;
  const box = document.getElementById("api-docs");
  const spec = await getJSON("/openapi.json");
  const ref = (s) => (s && s.$ref ? spec.components.schemas[s.$ref.split("/").pop()] : s) || {};
  function typeOf(s) {
    s = ref(s);
    if (s.anyOf) return s.anyOf.map(typeOf).filter((t) => t !== "null").join(" | ");
    if (s.enum) return s.enum.join(" | ");
    if (s.type === "array") return typeOf(s.items) + "[]";
    const lim = [];
    for (const k of ["minimum", "maximum", "minLength", "maxLength", "pattern", "format"]) if (s[k] !== undefined) lim.push(k + "=" + s[k]);
    return (s.type || "object") + (lim.length ? " (" + lim.join(", ") + ")" : "");
  }
  box.replaceChildren();
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = el("ul", {});
      (op.parameters || []).forEach((p) => params.append(el("li", {}, el("code", {}, p.name), " (" + p.in + (p.required ? ", required" : "") + "): " + typeOf(p.schema))));
      if (op.requestBody) {
        const s = ref(op.requestBody.content["application/json"].schema);
        for (const [k, v] of Object.entries(s.properties || {})) params.append(el("li", {}, el("code", {}, k), " (body" + ((s.required || []).includes(k) ? ", required" : "") + "): " + typeOf(v)));
      }
      const link = method === "get" && !path.includes("{") ? el("a", { href: path }, "try it") : "";
      box.append(el("div", { class: "api-path" }, el("p", {}, el("b", {}, method.toUpperCase()), " ", el("code", {}, path), " — " + (op.summary || ""), " ", link), params));
    }
  }
})().catch((err) => { document.getElementById("api-docs").textContent = "Could not load /openapi.json: " + err.message; });
