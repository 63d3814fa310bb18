/* policylens dashboard: draws the charts the server describes and formats
   numbers the Chinese way. No network access; echarts.min.js is beside it.

   The server sends each chart as data, never as code: a
   <script type="application/json" data-chart-spec="ID"> element holds the
   ECharts option (escaped by html/template), the links its marks open and
   its height. A formatter in an option is a string "__f__NAME__f__" that
   names one of the functions in the fixed table below; anything else stays
   a string. Tooltips are built as DOM nodes with text content, so no text
   from the data is ever parsed as HTML, and no inline style is needed (the
   Content-Security-Policy allows none). */
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

  // count writes a count the Chinese way, with the exact figure beside
  // its 万/亿 form when they differ.
  function count(n) {
    var w = wan(n);
    return Math.abs(n) >= 1e4 ? w + "（" + n + "）" : w;
  }

  // tip builds a tooltip from lines; a line is a list of parts, each a
  // text or {dot: color} for the series' colour mark.
  function tip(lines) {
    var box = document.createElement("div");
    box.className = "tip";
    lines.forEach(function (parts) {
      var line = document.createElement("div");
      parts.forEach(function (p) {
        if (p && typeof p === "object") {
          var dot = document.createElement("span");
          dot.className = "tip-dot";
          if (typeof p.dot === "string") { dot.style.backgroundColor = p.dot; }
          line.appendChild(dot);
        } else {
          line.appendChild(document.createTextNode(p === undefined || p === null ? "" : String(p)));
        }
      });
      box.appendChild(line);
    });
    return box;
  }

  function dot(p) { return { dot: p.color }; }

  // plain writes a value of a default tooltip.
  function plain(v) {
    if (typeof v === "number") { return v.toLocaleString("zh-CN", { maximumFractionDigits: 4 }); }
    return v === undefined || v === null ? "-" : String(v);
  }

  // tipPoint is the tooltip of an indicator point: the surface and the
  // exact value next to its 万/亿 form.
  function tipPoint(p) {
    // The value is [category, value], or [value, category] on a chart
    // whose categories are rows.
    var v = p.value;
    if (Array.isArray(v)) { v = typeof v[1] === "number" ? v[1] : v[0]; }
    return tip([[dot(p), p.seriesName], [p.name], [wan(v) + (Math.abs(v) >= 1e4 ? "（" + v + "）" : "")]]);
  }

  // tipHeat is the tooltip of a heatmap cell: its name (row · column)
  // and value.
  function tipHeat(p) {
    var v = p.value || [];
    return tip([[dot(p), (p.name || "") + "：" + plain(v[2])]]);
  }

  // minExpected is the expected count below which a residual is not read
  // (dashboard/themes.go, minExpected).
  var minExpected = 5;

  // verdict says what a residual means, given its expected count.
  function verdict(r, expected) {
    if (expected < minExpected) { return "期望命中不足 " + minExpected + " 次，样本太少，不作判断"; }
    if (r > 2) { return "显著更强调"; }
    if (r < -2) { return "显著较少提及"; }
    return "与其他省份无显著差异";
  }

  // tipMap is the tooltip of a province of the theme map: intensity,
  // hits against their expected count, documents and the standardised
  // residual with what it means.
  function tipMap(p) {
    var d = p.data;
    if (!d) { return tip([[p.name + "：所选范围内没有文档"]]); }
    return tip([
      [d.province + " · " + p.seriesName],
      ["每万词 " + d.value + " 次"],
      ["命中 " + count(d.hits) + " 次（期望 " + d.expected + "），文档 " + count(d.documents) + " 篇"],
      ["标准化残差 " + d.residual + "：" + verdict(d.residual, d.expected)]
    ]);
  }

  // tipResidual is the tooltip of a cell of the residual heatmap; the
  // cells of its second series have too small an expected count to read.
  function tipResidual(p) {
    var v = p.value || [];
    var says = p.seriesIndex === 1 ? verdict(v[2], 0) : verdict(v[2], minExpected);
    return tip([[dot(p), p.name || ""], ["残差 " + plain(v[2]) + "：" + says]]);
  }

  // termLines are the lines of a term's tooltip: occurrences, documents
  // and the rate per 10,000 tokens.
  function termLines(p) {
    var d = p.data || {};
    var lines = [[dot(p), p.name]];
    if (d.n !== undefined) { lines.push(["出现 " + count(d.n) + " 次"]); }
    if (d.documents) { lines.push(["文档 " + count(d.documents) + " 篇"]); }
    if (d.per10k !== undefined) { lines.push(["每万词 " + d.per10k]); }
    lines.push(["点击查看原句"]);
    return lines;
  }

  // tipTerm is the tooltip of a term bar or word.
  function tipTerm(p) { return tip(termLines(p)); }

  // tipKey is the tooltip of a keyness bar: both sides' counts, G² with
  // its significance, and the log ratio.
  function tipKey(p) {
    var d = p.data || {};
    var stars = d.ll > 10.83 ? "（p < 0.001）" : d.ll > 6.63 ? "（p < 0.01）" : d.ll > 3.84 ? "（p < 0.05）" : "（不显著）";
    return tip([
      [dot(p), p.name],
      ["A：" + count(d.a) + " 次，每万词 " + d.aPer10k],
      ["B：" + count(d.b) + " 次，每万词 " + d.bPer10k],
      ["G² = " + d.ll + stars],
      ["log2 比值 = " + d.value]
    ]);
  }

  // tipNet is the tooltip of a network node (a term) or edge (two terms
  // in the same sentences).
  function tipNet(p) {
    var d = p.data || {};
    if (p.dataType === "edge") {
      return tip([[d.source + " — " + d.target], ["同句 " + count(d.value) + " 次"], ["点击查看这些句子"]]);
    }
    return tipTerm(p);
  }

  // tipList is the default tooltip: for an axis, its label and each
  // series' value; for an item, its series, name and value (a radar item
  // lists its indicators). fmt formats values (plain when omitted).
  function tipList(params, fmt, indicators) {
    fmt = fmt || plain;
    var list = Array.isArray(params) ? params : [params];
    var lines = [];
    if (Array.isArray(params)) {
      if (list.length) { lines.push([list[0].axisValueLabel !== undefined ? list[0].axisValueLabel : list[0].name]); }
      list.forEach(function (p) {
        var v = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
        lines.push([dot(p), p.seriesName + "：" + fmt(v)]);
      });
      return tip(lines);
    }
    var p = params;
    if (p.seriesType === "radar" && Array.isArray(p.value)) {
      lines.push([dot(p), p.name]);
      p.value.forEach(function (v, i) {
        var ind = indicators && indicators[i];
        lines.push([(ind && ind.name ? ind.name : "#" + (i + 1)) + "：" + fmt(v)]);
      });
      return tip(lines);
    }
    var v = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
    if (p.seriesName && p.seriesName !== p.name) { lines.push([dot(p), p.seriesName]); }
    lines.push([p.seriesName && p.seriesName !== p.name ? "" : dot(p), (p.name ? p.name + "：" : "") + fmt(v)]);
    return tip(lines);
  }

  // formatters is the fixed table of functions a chart option may name.
  var formatters = {
    "policylens.wan": wan,
    "policylens.tipPoint": tipPoint,
    "policylens.tipHeat": tipHeat,
    "policylens.tipMap": tipMap,
    "policylens.tipResidual": tipResidual,
    "policylens.tipTerm": tipTerm,
    "policylens.tipKey": tipKey,
    "policylens.tipNet": tipNet
  };

  var marker = /^__f__([A-Za-z0-9_.]+)__f__$/;

  // resolve replaces every formatter that names a function of the table
  // with that function, in place. Other strings stay strings: ECharts
  // reads a string formatter as a template, never as code.
  function resolve(v) {
    if (Array.isArray(v)) { v.forEach(resolve); return; }
    if (!v || typeof v !== "object") { return; }
    Object.keys(v).forEach(function (k) {
      var x = v[k];
      if ((k === "formatter" || k === "valueFormatter") && typeof x === "string") {
        var m = marker.exec(x);
        if (m && Object.prototype.hasOwnProperty.call(formatters, m[1])) { v[k] = formatters[m[1]]; }
        return;
      }
      resolve(x);
    });
  }

  // withTooltips gives every tooltip without a formatter the default one,
  // which builds DOM instead of ECharts' HTML with inline styles, and
  // keeps tooltips inside their chart (confine), where ECharts draws no
  // pointer arrow: the arrow is HTML with an inline style.
  function withTooltips(option) {
    var tips = option.tooltip;
    if (!tips) { return; }
    var indicators = option.radar && (Array.isArray(option.radar) ? option.radar[0] : option.radar);
    indicators = indicators && indicators.indicator;
    (Array.isArray(tips) ? tips : [tips]).forEach(function (t) {
      if (t && typeof t === "object") { t.confine = true; }
      if (t && typeof t === "object" && !t.formatter) {
        var vf = typeof t.valueFormatter === "function" ? t.valueFormatter : null;
        t.formatter = function (params) { return tipList(params, vf, indicators); };
      }
    });
  }

  // prepare makes an option ready for ECharts: formatters resolved by
  // name, DOM tooltips where none is given. It returns the option.
  function prepare(option) {
    resolve(option);
    withTooltips(option);
    return option;
  }

  var charts = [];

  // chart draws one chart into the element with id, and makes each mark
  // with a link open it when clicked (links[seriesIndex][dataIndex]; for
  // a graph, graph.nodes[i] and graph.edges[i]).
  function chart(id, option, links, graph) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    prepare(option);
    var inst = echarts.init(el, null, { renderer: "canvas" });
    inst.setOption(option);
    if (links || graph) {
      inst.on("click", function (p) {
        var url;
        if (graph) {
          var list = p.dataType === "edge" ? graph.edges : graph.nodes;
          url = list && list[p.dataIndex];
        } else {
          var s = links[p.seriesIndex];
          url = s && s[p.dataIndex];
        }
        if (url) { window.location.href = url; }
      });
      el.classList.add("linked");
    }
    charts.push(inst);
    return inst;
  }

  // initCharts draws every chart the page describes.
  function initCharts() {
    document.querySelectorAll('script[type="application/json"][data-chart-spec]').forEach(function (s) {
      var id = s.getAttribute("data-chart-spec");
      var spec;
      try {
        spec = JSON.parse(s.textContent);
      } catch (e) {
        console.error("policylens: chart " + id + ": " + e);
        return;
      }
      var el = document.getElementById(id);
      if (el && spec.height) { el.style.height = spec.height; }
      chart(id, spec.option || {}, spec.links, spec.graph);
    });
  }

  // pngBlob draws a chart as a PNG at twice its size on white.
  function pngBlob(inst) {
    var url = inst.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    var bin = atob(url.slice(url.indexOf(",") + 1));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return Promise.resolve(new Blob([bytes], { type: "image/png" }));
  }

  // svgBlob draws a chart again with ECharts' SVG renderer in its
  // server-side mode (no DOM, so no inline style the page's CSP would
  // refuse) at the same size, and returns the SVG text. Layouts that place
  // their marks asynchronously (word clouds) run at once and are awaited.
  function svgBlob(inst) {
    var el = inst.getDom();
    var copy = echarts.init(null, null, { renderer: "svg", ssr: true, width: el.clientWidth, height: el.clientHeight });
    var option = inst.getOption();
    (option.series || []).forEach(function (s) {
      if (s.type === "wordCloud") { s.layoutAnimation = false; }
    });
    option.animation = false;
    copy.setOption(option);
    return new Promise(function (resolve) {
      // A word cloud lays its words out in a timer started by setOption;
      // this one runs after it.
      setTimeout(function () {
        var svg = copy.renderToSVGString();
        copy.dispose();
        resolve(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
      }, 0);
    });
  }

  // image returns a Promise of the chart with element id as a PNG or SVG
  // Blob, drawn here from what is on screen: no request leaves the page.
  function image(id, type) {
    var el = document.getElementById(id);
    var inst = el && echarts.getInstanceByDom(el);
    if (!inst) { return Promise.reject(new Error("no chart " + id)); }
    return type === "svg" ? svgBlob(inst) : pngBlob(inst);
  }

  // save offers a Blob as a download under name.
  function save(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // A link with data-image="png" (or "svg") and data-chart-id downloads
  // that chart as an image named after data-file.
  document.addEventListener("click", function (e) {
    var a = e.target && e.target.closest && e.target.closest("a[data-image]");
    if (!a) { return; }
    e.preventDefault();
    var type = a.getAttribute("data-image");
    image(a.getAttribute("data-chart-id"), type).then(function (blob) {
      save(blob, (a.getAttribute("data-file") || "chart") + "." + type);
    }, function (err) { console.error("policylens: " + err); });
  });

  window.addEventListener("resize", function () {
    charts.forEach(function (c) { c.resize(); });
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initCharts);
  } else {
    initCharts();
  }

  window.policylens = { chart: chart, prepare: prepare, wan: wan, count: count, tip: tip, tipList: tipList, image: image };
})();
