/* policylens dashboard: draws the charts the server describes and formats
   numbers the Chinese way. No network access; echarts.min.js is beside it. */
(function () {
  "use strict";

  // wan formats a number with 万 and 亿, keeping up to two decimals.
  function wan(v) {
    if (typeof v !== "number" || !isFinite(v)) { return String(v); }
    var a = Math.abs(v);
    function trim(x) { return String(Math.round(x * 100) / 100); }
    if (a >= 1e12) { return trim(v / 1e12) + "万亿"; }
    if (a >= 1e8) { return trim(v / 1e8) + "亿"; }
    if (a >= 1e4) { return trim(v / 1e4) + "万"; }
    return trim(v);
  }

  // esc escapes text for the HTML of a tooltip.
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // count writes a count the Chinese way, with the exact figure beside
  // its 万/亿 form when they differ.
  function count(n) {
    var w = wan(n);
    return Math.abs(n) >= 1e4 ? w + "（" + n + "）" : w;
  }

  // tipPoint is the tooltip of an indicator point: the surface and the
  // exact value next to its 万/亿 form.
  function tipPoint(p) {
    var v = Array.isArray(p.value) ? p.value[1] : p.value;
    return p.marker + esc(p.seriesName) + "<br>" + esc(p.name) + "<br>" +
      esc(wan(v)) + (Math.abs(v) >= 1e4 ? "（" + esc(v) + "）" : "");
  }

  // tipHeat is the tooltip of a heatmap cell: its name (row · column)
  // and value.
  function tipHeat(p) {
    var v = p.value || [];
    return p.marker + esc(p.name || "") + "：" + esc(v[2]);
  }

  var charts = [];

  // chart draws one chart into the element with id, and makes each mark
  // with a link open it when clicked (links[seriesIndex][dataIndex]).
  function chart(id, option, links) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var inst = echarts.init(el, null, { renderer: "canvas" });
    inst.setOption(option);
    if (links) {
      inst.on("click", function (p) {
        var s = links[p.seriesIndex];
        var url = s && s[p.dataIndex];
        if (url) { window.location.href = url; }
      });
      el.style.cursor = "pointer";
    }
    charts.push(inst);
    return inst;
  }

  window.addEventListener("resize", function () {
    charts.forEach(function (c) { c.resize(); });
  });

  window.policylens = { chart: chart, wan: wan, esc: esc, count: count, tipPoint: tipPoint, tipHeat: tipHeat };
})();
