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

  // toSentencePage opens the page of a long notice that holds the
  // sentence a #s-N link names, when it is not on this page.
  function toSentencePage(reader, h) {
    var starts = (reader.getAttribute("data-page-starts") || "").split(",").map(Number);
    var no = parseInt(h.slice(3), 10);
    if (starts.length < 2 || isNaN(no) || document.getElementById("s-" + no)) { return; }
    var page = 1;
    starts.forEach(function (first, i) { if (no >= first) { page = i + 1; } });
    var url = new URL(window.location.href);
    if (page === 1) { url.searchParams.delete("page"); } else { url.searchParams.set("page", String(page)); }
    window.location.href = url.pathname + url.search + h;
  }

  function fromHash(reader) {
    var h = decodeURIComponent(window.location.hash || "");
    if (h.indexOf("#theme-") === 0) { focus(reader, h.slice(7), true); }
    if (h.indexOf("#s-") === 0) { toSentencePage(reader, h); }
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
