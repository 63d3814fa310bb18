/* policylens terms page: tooltips of the term charts and the links of the
   co-occurrence network. Loaded after app.js and before the charts, so
   that their options can name these functions. No network access. */
(function () {
  "use strict";

  var pl = window.policylens;

  var esc = pl.esc, count = pl.count;

  // tipTerm is the tooltip of a term bar or word: occurrences, documents
  // and the rate per 10,000 tokens.
  function tipTerm(p) {
    var d = p.data || {};
    var lines = [p.marker + esc(p.name)];
    if (d.n !== undefined) { lines.push("出现 " + esc(count(d.n)) + " 次"); }
    if (d.documents) { lines.push("文档 " + esc(count(d.documents)) + " 篇"); }
    if (d.per10k !== undefined) { lines.push("每万词 " + esc(d.per10k)); }
    lines.push("点击查看原句");
    return lines.join("<br>");
  }

  // tipKey is the tooltip of a keyness bar: both sides' counts, G² with
  // its significance, and the log ratio.
  function tipKey(p) {
    var d = p.data || {};
    var stars = d.ll > 10.83 ? "（p < 0.001）" : d.ll > 6.63 ? "（p < 0.01）" : d.ll > 3.84 ? "（p < 0.05）" : "（不显著）";
    return p.marker + esc(p.name) + "<br>" +
      "A：" + esc(count(d.a)) + " 次，每万词 " + esc(d.aPer10k) + "<br>" +
      "B：" + esc(count(d.b)) + " 次，每万词 " + esc(d.bPer10k) + "<br>" +
      "G² = " + esc(d.ll) + esc(stars) + "<br>" +
      "log2 比值 = " + esc(d.value);
  }

  // tipNet is the tooltip of a network node (a term) or edge (two terms
  // in the same sentences).
  function tipNet(p) {
    var d = p.data || {};
    if (p.dataType === "edge") {
      return esc(d.source) + " — " + esc(d.target) + "<br>同句 " + esc(count(d.value)) + " 次<br>点击查看这些句子";
    }
    return tipTerm(p);
  }

  // graphLinks makes a node of the network open nodes[i] and an edge open
  // edges[i] when clicked.
  function graphLinks(id, nodes, edges) {
    var el = document.getElementById(id);
    var inst = el && window.echarts && echarts.getInstanceByDom(el);
    if (!inst) { return; }
    inst.on("click", function (p) {
      var list = p.dataType === "edge" ? edges : nodes;
      var url = list && list[p.dataIndex];
      if (url) { window.location.href = url; }
    });
    el.style.cursor = "pointer";
  }

  pl.tipTerm = tipTerm;
  pl.tipKey = tipKey;
  pl.tipNet = tipNet;
  pl.graphLinks = graphLinks;
})();
