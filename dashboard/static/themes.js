/* policylens themes page: tooltips of the theme charts. Loaded after
   app.js and before the charts, so that their options can name these
   functions. No network access. */
(function () {
  "use strict";

  var pl = window.policylens;

  var esc = pl.esc, count = pl.count;

  // tipMap is the tooltip of a province of the theme map: intensity,
  // hits, documents and the standardised residual with what it means.
  function tipMap(p) {
    var d = p.data;
    if (!d) { return esc(p.name) + "：所选范围内没有文档"; }
    var r = d.residual, verdict = "与其他省份无显著差异";
    if (r > 2) { verdict = "显著更强调"; } else if (r < -2) { verdict = "显著较少提及"; }
    return esc(d.province) + " · " + esc(p.seriesName) + "<br>" +
      "每万词 " + esc(d.value) + " 次<br>" +
      "命中 " + esc(count(d.hits)) + " 次，文档 " + esc(count(d.documents)) + " 篇<br>" +
      "标准化残差 " + esc(r) + "：" + verdict;
  }

  pl.tipMap = tipMap;
})();
