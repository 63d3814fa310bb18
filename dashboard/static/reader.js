/* policylens reader: the theme buttons above a notice, and the bars of its
   theme chart (links to #theme-ID), bring out the keywords of one theme in
   the text. No network access. */
(function () {
  "use strict";

  // focus brings out the keywords of theme (none when on is false) and
  // scrolls to the first.
  function focus(reader, theme, on) {
    document.querySelectorAll("[data-theme-toggle]").forEach(function (b) {
      b.setAttribute("aria-pressed", on && b.getAttribute("data-theme-toggle") === theme ? "true" : "false");
    });
    reader.querySelectorAll("mark.theme").forEach(function (m) {
      m.classList.toggle("on", on && m.getAttribute("data-theme") === theme);
    });
    reader.classList.toggle("focus", on);
    var first = on && reader.querySelector("mark.theme.on");
    if (first) { first.scrollIntoView({ block: "center" }); }
  }

  function fromHash(reader) {
    var h = decodeURIComponent(window.location.hash || "");
    if (h.indexOf("#theme-") === 0) { focus(reader, h.slice(7), true); }
  }

  function init() {
    var reader = document.querySelector("article[data-reader]");
    if (!reader) { return; }
    document.querySelectorAll("[data-theme-toggle]").forEach(function (btn) {
      btn.addEventListener("click", function () {
        focus(reader, btn.getAttribute("data-theme-toggle"), btn.getAttribute("aria-pressed") !== "true");
      });
    });
    window.addEventListener("hashchange", function () { fromHash(reader); });
    fromHash(reader);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
