// Event table: empty filter fields are left out of the URL.
"use strict";
(function () {
  const form = document.getElementById("event-filters");
  if (!form) return;
  form.addEventListener("submit", () => {
    form.querySelectorAll("input, select").forEach((n) => { if (!n.value) n.disabled = true; });
  });
})();
