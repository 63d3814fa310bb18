/* policylens filter bar: turns each <select multiple data-multiselect>
   into a searchable list of check boxes that shows what is chosen as
   removable chips, so that choosing 5 of 31 provinces needs no Ctrl-click;
   and says at once when a year range is inverted. Without scripts the
   plain select still works. No network access. */
(function () {
  "use strict";

  // multiselect enhances one select element; the select stays in the form
  // (hidden) and holds the choice, so the form submits as before.
  function multiselect(sel) {
    var opts = Array.prototype.slice.call(sel.options);
    var box = document.createElement("div");
    box.className = "ms";
    var chips = document.createElement("div");
    chips.className = "ms-chips";
    var input = document.createElement("input");
    input.type = "search";
    input.className = "ms-search";
    input.placeholder = "搜索并勾选，如：山东";
    input.setAttribute("aria-label", (sel.closest("label") || sel).textContent.trim().split("\n")[0] + "：搜索");
    input.autocomplete = "off";
    var list = document.createElement("ul");
    list.className = "ms-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-multiselectable", "true");
    list.hidden = true;
    var none = document.createElement("li");
    none.className = "ms-none";
    none.textContent = "没有匹配的选项";
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "ms-clear";
    clear.textContent = "清空";

    var items = opts.map(function (o, i) {
      var li = document.createElement("li");
      li.setAttribute("role", "option");
      var cb = document.createElement("input");
      cb.type = "checkbox";
      cb.id = (sel.name || "ms") + "-" + i + "-" + Math.random().toString(36).slice(2, 7);
      var lab = document.createElement("label");
      lab.htmlFor = cb.id;
      lab.textContent = o.textContent;
      li.appendChild(cb);
      li.appendChild(lab);
      cb.addEventListener("change", function () {
        o.selected = cb.checked;
        render();
      });
      list.appendChild(li);
      return { option: o, li: li, cb: cb, text: o.textContent };
    });
    list.appendChild(none);

    // render shows the chosen options as chips and syncs the boxes.
    function render() {
      chips.textContent = "";
      var n = 0;
      items.forEach(function (it) {
        it.cb.checked = it.option.selected;
        it.li.setAttribute("aria-selected", it.option.selected ? "true" : "false");
        if (!it.option.selected) { return; }
        n++;
        var chip = document.createElement("span");
        chip.className = "ms-chip";
        chip.textContent = it.text;
        var x = document.createElement("button");
        x.type = "button";
        x.textContent = "×";
        x.title = "去掉「" + it.text + "」";
        x.addEventListener("click", function () {
          it.option.selected = false;
          render();
        });
        chip.appendChild(x);
        chips.appendChild(chip);
      });
      if (n === 0) {
        var all = document.createElement("span");
        all.className = "ms-all";
        all.textContent = "全部";
        chips.appendChild(all);
      }
      clear.hidden = n === 0;
      box.dataset.chosen = String(n);
    }

    // filter shows the options whose label holds the search text.
    function filter() {
      var q = input.value.trim();
      var shown = 0;
      items.forEach(function (it) {
        var hit = q === "" || it.text.indexOf(q) >= 0;
        it.li.hidden = !hit;
        if (hit) { shown++; }
      });
      none.hidden = shown > 0;
    }

    function open() { list.hidden = false; filter(); }
    function close() { list.hidden = true; }

    input.addEventListener("focus", open);
    input.addEventListener("input", open);
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { close(); input.blur(); return; }
      if (e.key === "Enter") {
        // Enter ticks the only (or first) match instead of submitting.
        e.preventDefault();
        var first = items.filter(function (it) { return !it.li.hidden; })[0];
        if (first) {
          first.option.selected = !first.option.selected;
          input.value = "";
          filter();
          render();
        }
      }
    });
    // Enter in the search box chooses; it never sends the form.
    input.addEventListener("keypress", function (e) {
      if (e.key === "Enter") { e.preventDefault(); }
    });
    document.addEventListener("click", function (e) {
      if (!box.contains(e.target)) { close(); }
    });
    clear.addEventListener("click", function () {
      opts.forEach(function (o) { o.selected = false; });
      render();
    });

    box.appendChild(chips);
    box.appendChild(input);
    box.appendChild(clear);
    box.appendChild(list);
    sel.hidden = true;
    sel.parentNode.insertBefore(box, sel.nextSibling);
    render();
  }

  // yearCheck says in the form when the first year is after the last one,
  // and keeps such a form from being sent.
  function yearCheck(form) {
    var from = form.querySelector("select[name=from]");
    var to = form.querySelector("select[name=to]");
    if (!from || !to) { return; }
    var msg = document.createElement("p");
    msg.className = "filter-problem";
    msg.setAttribute("role", "alert");
    msg.hidden = true;
    form.appendChild(msg);
    function check() {
      var a = parseInt(from.value, 10), b = parseInt(to.value, 10);
      var bad = a > 0 && b > 0 && a > b;
      msg.hidden = !bad;
      msg.textContent = bad ? "起始年份 " + a + " 晚于截止年份 " + b + "，没有文档能同时满足。请调整年份范围。" : "";
      return !bad;
    }
    from.addEventListener("change", check);
    to.addEventListener("change", check);
    form.addEventListener("submit", function (e) {
      if (!check()) { e.preventDefault(); }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("select[multiple][data-multiselect]"), multiselect);
    Array.prototype.forEach.call(document.querySelectorAll("form.filter"), yearCheck);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
