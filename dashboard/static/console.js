/* policylens SQL console: the quick chart of a result (columns picked from
   the result table, drawn with the embedded ECharts), saved queries kept in
   this browser's localStorage (the server and the database are read-only),
   Ctrl+Enter to run. No network access beyond this server. */
(function () {
  "use strict";

  var form = document.getElementById("console");
  var box = document.getElementById("sql-q");
  if (!form || !box) { return; }

  function submit() {
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  box.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
      e.preventDefault();
      submit();
    }
  });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // ---- Saved queries: [{name, sql, saved (ISO time)}], newest first.

  var KEY = "policylens.savedQueries";
  var list = document.querySelector("[data-saved]");
  var empty = document.querySelector("[data-saved-empty]");
  var tools = document.querySelector("[data-saved-tools]");
  var saveBox = document.querySelector("[data-save-box]");
  var saveName = document.getElementById("save-name");
  var status = document.querySelector("[data-save-status]");

  function storage() {
    try {
      var s = window.localStorage;
      s.getItem(KEY);
      return s;
    } catch (e) {
      return null;
    }
  }

  function valid(q) {
    return q && typeof q.name === "string" && typeof q.sql === "string" && q.sql.trim() !== "";
  }

  function loadSaved() {
    var s = storage();
    if (!s) { return []; }
    try {
      var v = JSON.parse(s.getItem(KEY) || "[]");
      return Array.isArray(v) ? v.filter(valid) : [];
    } catch (e) {
      return [];
    }
  }

  function storeSaved(queries) {
    var s = storage();
    if (!s) { return false; }
    try {
      s.setItem(KEY, JSON.stringify(queries));
      return true;
    } catch (e) {
      return false;
    }
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // localTime writes an ISO time as YYYY-MM-DD HH:MM in the browser's zone.
  function localTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return ""; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " +
      pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  function say(msg) { if (status) { status.textContent = msg; } }

  function renderSaved() {
    if (!list) { return; }
    var queries = loadSaved();
    list.textContent = "";
    queries.forEach(function (q) {
      var li = el("li");
      li.setAttribute("data-saved-query", q.name);
      var head = el("div", "head");
      head.appendChild(el("span", "name", q.name));
      var t = el("time", "", localTime(q.saved));
      t.setAttribute("datetime", q.saved || "");
      head.appendChild(t);
      li.appendChild(head);
      var code = el("code", "", q.sql.replace(/\s+/g, " "));
      code.title = q.sql;
      li.appendChild(code);
      var run = el("button", "run", "运行");
      run.type = "button";
      run.setAttribute("data-run", "");
      run.addEventListener("click", function () {
        box.value = q.sql;
        submit();
      });
      var del = el("button", "delete", "删除");
      del.type = "button";
      del.setAttribute("data-delete", "");
      del.addEventListener("click", function () {
        storeSaved(loadSaved().filter(function (x) { return x.name !== q.name; }));
        renderSaved();
        say("已删除“" + q.name + "”。");
      });
      li.appendChild(run);
      li.appendChild(del);
      list.appendChild(li);
    });
    if (empty) { empty.hidden = queries.length > 0; }
    if (tools) { tools.hidden = false; }
  }

  // defaultName names a query by its first words.
  function defaultName(sql) {
    var s = sql.replace(/\s+/g, " ").trim();
    return s.length > 40 ? s.slice(0, 40) + "…" : s;
  }

  function save() {
    var sql = box.value.trim();
    if (!sql) { say("输入框是空的，没有可保存的查询。"); return; }
    var name = (saveName && saveName.value.trim()) || defaultName(sql);
    var queries = loadSaved().filter(function (x) { return x.name !== name; });
    queries.unshift({ name: name, sql: sql, saved: new Date().toISOString() });
    if (!storeSaved(queries)) { say("本浏览器不允许本地存储，无法保存。"); return; }
    if (saveName) { saveName.value = ""; }
    renderSaved();
    say("已保存“" + name + "”。");
  }

  function exportSaved() {
    var blob = new Blob([JSON.stringify(loadSaved(), null, 2) + "\n"], { type: "application/json" });
    var a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = "policylens-queries.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }

  function importSaved(file) {
    var reader = new FileReader();
    reader.onload = function () {
      var incoming;
      try {
        incoming = JSON.parse(String(reader.result));
      } catch (e) {
        say("文件不是有效的 JSON：" + e.message);
        return;
      }
      if (!Array.isArray(incoming)) { say("文件里应是查询的列表。"); return; }
      incoming = incoming.filter(valid);
      var names = {};
      incoming.forEach(function (q) { names[q.name] = true; });
      var merged = incoming.map(function (q) {
        return { name: q.name, sql: q.sql, saved: q.saved || new Date().toISOString() };
      }).concat(loadSaved().filter(function (q) { return !names[q.name]; }));
      if (!storeSaved(merged)) { say("本浏览器不允许本地存储，无法导入。"); return; }
      renderSaved();
      say("已导入 " + incoming.length + " 条查询。");
    };
    reader.readAsText(file);
  }

  if (storage()) {
    if (saveBox) { saveBox.hidden = false; }
    var saveButton = document.getElementById("save-query");
    if (saveButton) { saveButton.addEventListener("click", save); }
    if (saveName) {
      saveName.addEventListener("keydown", function (e) {
        if (e.key === "Enter") { e.preventDefault(); save(); }
      });
    }
    var exp = document.getElementById("saved-export");
    if (exp) { exp.addEventListener("click", exportSaved); }
    var imp = document.getElementById("saved-import");
    if (imp) {
      imp.addEventListener("change", function () {
        if (imp.files && imp.files[0]) { importSaved(imp.files[0]); }
        imp.value = "";
      });
    }
    renderSaved();
  } else if (empty) {
    empty.textContent = "本浏览器不允许本地存储（localStorage），无法保存查询。";
  }

  // ---- Long text cells fold open on click.

  document.querySelectorAll("table[data-table=result] .fold").forEach(function (f) {
    f.addEventListener("click", function () { f.classList.toggle("open"); });
  });

  // ---- The quick chart, read from the result table.

  var table = document.querySelector("table[data-table=result]");
  var fig = document.querySelector("[data-quick-chart]");
  if (!table || !fig || !window.echarts || !window.policylens) { return; }

  var maxGroups = 20;
  var columns = [].slice.call(table.tHead.rows[0].cells, 1).map(function (th) {
    return { name: th.getAttribute("data-name"), numeric: th.hasAttribute("data-numeric") };
  });
  var rows = [].slice.call(table.tBodies[0].rows).map(function (tr) {
    return [].slice.call(tr.cells, 1);
  });

  // text is what a cell says (the exact value for a number, "" for NULL).
  function text(td) {
    if (!td || td.hasAttribute("data-null")) { return ""; }
    if (td.hasAttribute("data-value")) { return td.getAttribute("data-value"); }
    return td.textContent;
  }

  function num(td) {
    if (!td || !td.hasAttribute("data-value")) { return null; }
    var v = parseFloat(td.getAttribute("data-value"));
    return isFinite(v) ? v : null;
  }

  function pick(id) {
    var e = document.getElementById(id);
    return e ? parseInt(e.value, 10) : -1;
  }

  function exact(v) {
    if (v === null || v === undefined || v === "-") { return "—"; }
    return Math.abs(v) >= 1e4 ? policylens.wan(v) + "（" + v + "）" : String(v);
  }

  // distinct lists the values of a column in order of first appearance,
  // numbers in numeric order.
  function distinct(col) {
    var seen = {}, out = [];
    rows.forEach(function (r) {
      var k = text(r[col]);
      if (!seen.hasOwnProperty(k)) { seen[k] = true; out.push(k); }
    });
    if (columns[col] && columns[col].numeric) {
      out.sort(function (a, b) { return parseFloat(a) - parseFloat(b); });
    }
    return out;
  }

  // build turns the chosen columns into categories and series.
  function build(type, label, group, values) {
    var cats, series = [], note = "";
    if (group < 0) {
      cats = rows.map(function (r, i) { return label < 0 ? String(i + 1) : text(r[label]); });
      values.forEach(function (j) {
        series.push({ name: columns[j].name, type: type, data: rows.map(function (r) { return num(r[j]); }) });
      });
    } else {
      var groups = distinct(group);
      if (groups.length > maxGroups) {
        note = "分组共 " + groups.length + " 个，只画前 " + maxGroups + " 个。";
        groups = groups.slice(0, maxGroups);
      }
      var pos = {};
      if (label >= 0) {
        cats = distinct(label);
      } else {
        var most = 0;
        rows.forEach(function (r) {
          var g = text(r[group]);
          pos[g] = (pos[g] || 0) + 1;
          most = Math.max(most, pos[g]);
        });
        cats = [];
        for (var i = 1; i <= most; i++) { cats.push(String(i)); }
      }
      var index = {};
      cats.forEach(function (c, i) { index[c] = i; });
      groups.forEach(function (g) {
        values.forEach(function (j) {
          var data = cats.map(function () { return null; });
          var n = 0;
          rows.forEach(function (r) {
            if (text(r[group]) !== g) { return; }
            n++;
            var at = label >= 0 ? index[text(r[label])] : n - 1;
            var v = num(r[j]);
            if (v !== null) { data[at] = (data[at] || 0) + v; } // repeated categories add up
          });
          series.push({ name: values.length > 1 ? g + " · " + columns[j].name : g, type: type, data: data, connectNulls: true });
        });
      });
    }
    series.forEach(function (s) {
      if (type === "line") { s.symbolSize = 6; } else { s.barMaxWidth = 40; }
    });
    return { cats: cats, series: series, note: note };
  }

  // axisLabel shows every category while they fit: slanted when they are
  // long, upright (read downwards) when they are also many, such as 31
  // provinces, so that neighbours never touch; beyond 40 ECharts thins
  // them out.
  function axisLabel(cats) {
    var chars = 0;
    cats.forEach(function (c) { chars += c.length; });
    var slant = cats.length > 6 && chars > 40;
    var rotate = slant ? (cats.length > 12 ? 90 : 30) : 0;
    return { hideOverlap: true, interval: cats.length <= 40 ? 0 : "auto", rotate: rotate };
  }

  var inst = null;
  var noteEl = fig.querySelector("[data-chart-note]");

  function draw() {
    var type = document.getElementById("chart-type").value === "line" ? "line" : "bar";
    var values = [].slice.call(fig.querySelectorAll("input[name=chart-value]:checked")).map(function (c) {
      return parseInt(c.value, 10);
    });
    var label = pick("chart-label"), group = pick("chart-group");
    if (values.length === 0) {
      if (inst) { inst.clear(); }
      if (noteEl) { noteEl.textContent = "请至少选择一个数值列。"; }
      return;
    }
    var b = build(type, label, group, values);
    var many = b.cats.length > 40;
    var option = {
      animation: false,
      tooltip: { trigger: "axis", confine: true, valueFormatter: exact },
      legend: { type: "scroll", top: 0 },
      grid: { left: 10, right: 24, top: 36, bottom: many ? 50 : 10, containLabel: true },
      xAxis: { type: "category", data: b.cats, axisLabel: axisLabel(b.cats) },
      yAxis: { type: "value", axisLabel: { formatter: policylens.wan } },
      dataZoom: many ? [{ type: "inside" }, { type: "slider", bottom: 8, height: 18 }] : [{ type: "inside" }],
      series: b.series
    };
    if (inst) {
      inst.setOption(policylens.prepare(option), true);
    } else {
      inst = policylens.chart("chart-sql-result", option, null);
    }
    if (noteEl) {
      noteEl.textContent = b.cats.length + " 个类别，" + b.series.length + " 个系列。" + b.note;
    }
  }

  fig.querySelectorAll("select, input").forEach(function (c) {
    c.addEventListener("change", draw);
  });
  draw();
})();
