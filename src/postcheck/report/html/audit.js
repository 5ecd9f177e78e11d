/* postcheck audit report: draws the page from the JSON block in this file, and fetches nothing.
   Every value taken from the data reaches the page as text (textContent, Text nodes, attribute
   values), never as markup: record text may hold anything, markup included.
   Views are hash routes: #summary and #findings (the main view), #post/<identity>, #errors,
   #manifest. The table keeps its filters, sort and page while other views are shown. */
(function () {
  "use strict";

  var started = performance.now();
  var data = JSON.parse(document.getElementById("audit-data").textContent);
  var S = data.strings;
  var R = data.rows;
  var POSTS = data.posts;
  var RULES = data.rules;
  var KINDS = data.kinds;
  var RECORDS = data.records;
  var SUPPRESSIONS = data.suppressions;
  var C = indexOf(data.columns);
  /* A finding's field by name, wherever the file keeps it: in the row, or in the tables of
     what many findings share (the rule's words, the record's context). */
  var FIELD = {};
  data.columns.forEach(function (name, i) { FIELD[name] = function (row) { return row[i]; }; });
  data.kind_columns.forEach(function (name, i) {
    FIELD[name] = function (row) { return KINDS[row[C.kind]][i]; };
  });
  data.record_columns.forEach(function (name, i) {
    FIELD[name] = function (row) { return RECORDS[row[C.record]][i]; };
  });
  function val(row, name) { return FIELD[name](row); }
  var M = indexOf(data.member_columns);
  var U = indexOf(data.suppression_columns);
  var SVG = "http://www.w3.org/2000/svg";
  var SEVERITIES = ["error", "warning", "info"];
  var SEVERITY_RANK = { error: 0, warning: 1, info: 2 };
  var numbers = new Intl.NumberFormat("en-GB");
  var PAGE_SIZES = [25, 100, 500];

  function indexOf(names) {
    var out = {};
    names.forEach(function (name, i) { out[name] = i; });
    return out;
  }

  function str(i) { return i === null || i === undefined ? "" : S[i]; }
  function num(n) { return numbers.format(n); }

  /* An element with text children; props set attributes (never an event handler) or text. */
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === null || value === undefined || value === false) return;
        if (key === "text") node.textContent = String(value);
        else if (key === "class") node.className = value;
        else node.setAttribute(key, String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) adopt(node, arguments[i]);
    return node;
  }

  function adopt(node, child) {
    if (child === null || child === undefined || child === false || child === "") return;
    if (Array.isArray(child)) child.forEach(function (c) { adopt(node, c); });
    else node.append(child);  // a string becomes a Text node, never markup
  }

  /* Replace a node's children; nulls (parts left out) are skipped. */
  function fill(node) {
    node.replaceChildren();
    for (var i = 1; i < arguments.length; i++) adopt(node, arguments[i]);
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, String(attrs[key])); });
    return node;
  }

  /* A link to a provision: only web addresses become links, anything else stays text. */
  function external(url, text) {
    if (!/^https?:\/\//i.test(url)) return document.createTextNode(text || url);
    return el("a", { href: url, rel: "noopener noreferrer external", target: "_blank", text: text || url });
  }

  function postHref(postIndex) {
    return "#post/" + encodeURIComponent(str(POSTS[postIndex][0]));
  }

  function badge(severity) { return el("span", { "class": "badge " + severity, text: severity }); }

  /* Whether a finding counts, and if not why: "waived by ...", "baselined". */
  function statusOf(row) {
    var s = row[C.suppression];
    if (s === null) {
      var state = str(row[C.baseline]);
      return { code: 0, text: state ? "counts (" + state + ")" : "counts" };
    }
    var sup = SUPPRESSIONS[s];
    if (str(sup[U.kind]) === "waiver") {
      var approver = str(sup[U.approver]);
      return { code: 1, text: approver ? "waived by " + approver : "waived" };
    }
    if (str(sup[U.kind]) === "baseline") return { code: 2, text: "baselined" };
    return { code: 3, text: "suppressed (" + str(sup[U.kind]) + ")" };
  }

  function where(source, line, page) {
    return source + (line !== null && line !== undefined ? ":" + line : "") +
      (page !== null && page !== undefined ? " (page " + page + ")" : "");
  }

  /* ---- summary cards ---------------------------------------------------------------- */

  function card(key, label, value, tone, detail, href) {
    var body = el(href ? "a" : "div", { "class": "card " + (tone || ""), "data-card": key, href: href },
      el("span", { "class": "value", text: value }),
      el("span", { "class": "label", text: label }),
      detail ? el("span", { "class": "detail", text: detail }) : null);
    return body;
  }

  function drawCards() {
    var sum = data.summary;
    var counting = SEVERITIES.reduce(function (n, s) { return n + sum.counting[s]; }, 0);
    var suppressed = Object.keys(sum.suppressed).reduce(function (n, k) { return n + sum.suppressed[k]; }, 0);
    var done = { waiver: "waived", baseline: "baselined" };
    var kinds = Object.keys(sum.suppressed).map(function (k) { return num(sum.suppressed[k]) + " " + (done[k] || k); });
    var holder = document.getElementById("cards");
    holder.append(
      card("records", "records judged", num(sum.records)),
      card("findings", "findings", num(sum.violations)),
      card("error", "errors", num(sum.by_severity.error), "error",
        num(sum.counting.error) + " counting"),
      card("warning", "warnings", num(sum.by_severity.warning), "warning",
        num(sum.counting.warning) + " counting"),
      card("info", "info", num(sum.by_severity.info), "info", num(sum.counting.info) + " counting"),
      card("counting", "counting towards the exit status", num(counting)),
      card("suppressed", "suppressed (shown, marked)", num(suppressed), "suppressed",
        kinds.length ? kinds.join(", ") : "none waived or baselined"),
      card("input_errors", "input errors", num(sum.input_errors), sum.input_errors ? "error" : "",
        sum.input_errors ? "see the list" : null, "#errors"),
      card("as_of", "as-of day", data.run.as_of, "", "fail on " + data.run.fail_on));
    if (sum.baseline) {
      holder.append(card("baseline", "against the baseline",
        num(sum.baseline.new || 0) + " new", "",
        num(sum.baseline.unchanged || 0) + " unchanged, " + num(sum.baseline.resolved || 0) + " resolved"));
    }
    document.getElementById("subtitle").textContent =
      "postcheck " + data.run.version + ", as of " + data.run.as_of + ", " +
      num(sum.records) + " records, " + num(sum.violations) + " findings";
  }

  /* ---- charts: horizontal bars, counting solid and suppressed pale ------------------- */

  var CHARTS = [
    { key: "area", title: "By area", column: "area" },
    { key: "rule", title: "By rule", column: "rule_id" },
    { key: "severity", title: "By severity", column: "severity" },
    { key: "authority", title: "By authority", column: "authority" },
    { key: "directorate", title: "By directorate", column: "directorate" }
  ];
  var MAX_BARS = 15;

  var tallies = {};

  /* Findings per value of a field, counting and suppressed apart; once per field. */
  function tally(column) {
    if (!tallies[column]) tallies[column] = count(column);
    return tallies[column];
  }

  function count(column) {
    var counting = new Map();
    var pale = new Map();
    var get = FIELD[column];
    for (var i = 0; i < R.length; i++) {
      var row = R[i];
      var target = row[C.suppression] === null ? counting : pale;
      var key = get(row);
      target.set(key, (target.get(key) || 0) + 1);
    }
    var keys = new Set(counting.keys());
    pale.forEach(function (_, k) { keys.add(k); });
    return Array.from(keys).map(function (k) {
      return { key: k, counting: counting.get(k) || 0, pale: pale.get(k) || 0 };
    });
  }

  function drawCharts() {
    var grid = document.getElementById("chart-grid");
    CHARTS.forEach(function (chart) {
      var entries = tally(chart.column);
      if (chart.key === "severity") {
        entries.sort(function (a, b) { return SEVERITY_RANK[str(a.key)] - SEVERITY_RANK[str(b.key)]; });
      } else {
        entries.sort(function (a, b) {
          return (b.counting + b.pale) - (a.counting + a.pale) || (str(a.key) < str(b.key) ? -1 : 1);
        });
      }
      grid.append(barChart(chart, entries));
    });
  }

  function barChart(chart, entries) {
    var shown = entries.slice(0, MAX_BARS);
    var box = el("figure", { "class": "chart", id: "chart-" + chart.key, "data-chart": chart.key });
    box.append(el("figcaption", null, el("h3", { text: chart.title })));
    var labelWidth = 250, barWidth = 280, rowHeight = 24, countWidth = 70;
    var width = labelWidth + barWidth + countWidth;
    var height = Math.max(shown.length, 1) * rowHeight + 4;
    var most = shown.reduce(function (m, e) { return Math.max(m, e.counting + e.pale); }, 1);
    var plot = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img",
      "aria-label": chart.title + " (" + entries.length + " values)" });
    if (!shown.length) {
      var none = svg("text", { x: 0, y: 16 });
      none.textContent = "no findings";
      plot.append(none);
    }
    shown.forEach(function (entry, i) {
      var y = i * rowHeight + 2;
      var name = entry.key === null ? "(not given)" : str(entry.key);
      var total = entry.counting + entry.pale;
      var bar = svg("g", { "class": "bar", tabindex: 0, "data-key": name, "data-total": total,
        role: "button", "aria-label": name + ": " + total + " findings" });
      var tip = svg("title");
      tip.textContent = name + ": " + num(entry.counting) + " counting, " + num(entry.pale) + " suppressed";
      bar.append(tip);
      var label = svg("text", { x: labelWidth - 8, y: y + rowHeight / 2 + 4, "text-anchor": "end" });
      label.textContent = name.length > 38 ? name.slice(0, 37) + "\u2026" : name;
      var solid = Math.round(barWidth * entry.counting / most);
      var pale = Math.round(barWidth * entry.pale / most);
      bar.append(label,
        svg("rect", { "class": "counting", x: labelWidth, y: y + 3, width: solid, height: rowHeight - 6 }),
        svg("rect", { "class": "pale", x: labelWidth + solid, y: y + 3, width: pale, height: rowHeight - 6 }));
      var count = svg("text", { x: labelWidth + solid + pale + 6, y: y + rowHeight / 2 + 4 });
      count.textContent = num(total);
      bar.append(count);
      var choose = function () { chooseFilter(chart.key, entry.key); };
      bar.addEventListener("click", choose);
      bar.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(); }
      });
      plot.append(bar);
    });
    box.append(plot);
    if (entries.length > shown.length) {
      box.append(el("p", { "class": "more", text: "and " + num(entries.length - shown.length) +
        " more; filter the table to see them" }));
    }
    return box;
  }

  /* ---- the findings table ----------------------------------------------------------- */

  var FILTERS = [
    { key: "severity", label: "Severity", column: "severity" },
    { key: "area", label: "Area", column: "area" },
    { key: "rule", label: "Rule", column: "rule_id" },
    { key: "authority", label: "Authority", column: "authority" },
    { key: "directorate", label: "Directorate", column: "directorate" }
  ];
  var NONE = "none";  // the option for findings with no value (no directorate, say)
  var TEXT_COLUMNS = ["message", "rule_id", "title", "record_label", "post_title", "post_number",
    "evidence", "source", "authority", "directorate", "service_area", "grade", "fix", "citation"];
  var TABLE = [
    { key: "severity", label: "Severity" },
    { key: "rule", label: "Rule" },
    { key: "area", label: "Area" },
    { key: "authority", label: "Authority" },
    { key: "directorate", label: "Directorate" },
    { key: "post", label: "Post" },
    { key: "location", label: "Location" },
    { key: "message", label: "Finding" },
    { key: "status", label: "Status" }
  ];
  var state = { filters: {}, text: "", status: "", sort: null, descending: false, page: 0, size: 100 };
  var view = [];
  var controls = {};
  var lowered = null;
  var ranks = null;

  function drawFilters() {
    var form = document.getElementById("filters");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    FILTERS.forEach(function (filter) {
      var entries = tally(filter.column).map(function (e) { return e.key; });
      var names = entries.map(function (k) { return k === null ? null : str(k); });
      var order = entries.map(function (_, i) { return i; });
      order.sort(function (a, b) {
        if (filter.key === "severity") return SEVERITY_RANK[names[a]] - SEVERITY_RANK[names[b]];
        if (names[a] === null) return 1;
        if (names[b] === null) return -1;
        return names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0;
      });
      var select = el("select", { id: "filter-" + filter.key, name: filter.key },
        el("option", { value: "", text: "all" }));
      order.forEach(function (i) {
        select.append(el("option", { value: entries[i] === null ? NONE : String(entries[i]),
          text: names[i] === null ? "(not given)" : names[i] }));
      });
      select.addEventListener("change", function () {
        state.filters[filter.key] = select.value;
        apply();
      });
      controls[filter.key] = select;
      form.append(el("label", null, filter.label, select));
    });
    var status = el("select", { id: "filter-status", name: "status" },
      el("option", { value: "", text: "all" }),
      el("option", { value: "counting", text: "counting" }),
      el("option", { value: "suppressed", text: "suppressed" }),
      el("option", { value: "waived", text: "waived" }),
      el("option", { value: "baselined", text: "baselined" }));
    status.addEventListener("change", function () { state.status = status.value; apply(); });
    controls.status = status;
    form.append(el("label", null, "Status", status));
    var text = el("input", { id: "filter-text", type: "search", name: "q",
      placeholder: "message, post, evidence, file\u2026", autocomplete: "off" });
    var timer = null;
    text.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.text = text.value; apply(); }, 150);
    });
    controls.text = text;
    form.append(el("label", null, "Text", text));
    var size = el("select", { id: "page-size", name: "size" });
    PAGE_SIZES.forEach(function (n) {
      size.append(el("option", { value: n, text: String(n), selected: n === state.size ? "selected" : null }));
    });
    size.addEventListener("change", function () { state.size = Number(size.value); state.page = 0; drawTable(); });
    form.append(el("label", null, "Per page", size));
    var clear = el("button", { type: "button", id: "clear-filters", text: "Clear filters" });
    clear.addEventListener("click", function () {
      FILTERS.forEach(function (f) { controls[f.key].value = ""; });
      controls.status.value = "";
      controls.text.value = "";
      state.filters = {};
      state.status = "";
      state.text = "";
      apply();
    });
    form.append(clear);
  }

  function chooseFilter(key, value) {
    var select = controls[key];
    select.value = value === null ? NONE : String(value);
    state.filters[key] = select.value;
    apply();
    document.getElementById("findings").scrollIntoView();
  }

  function textHits(query) {
    if (!lowered) lowered = S.map(function (s) { return s.toLowerCase(); });
    var hits = new Uint8Array(S.length);
    for (var i = 0; i < lowered.length; i++) if (lowered[i].indexOf(query) !== -1) hits[i] = 1;
    return hits;
  }

  function apply() {
    var wanted = FILTERS.map(function (f) {
      var value = state.filters[f.key];
      if (!value) return null;
      return { get: FIELD[f.column], value: value === NONE ? null : Number(value) };
    }).filter(Boolean);
    var query = state.text.trim().toLowerCase();
    var hits = query ? textHits(query) : null;
    var textOf = TEXT_COLUMNS.map(function (name) { return FIELD[name]; });
    var out = [];
    for (var i = 0; i < R.length; i++) {
      var row = R[i];
      var keep = true;
      for (var w = 0; w < wanted.length && keep; w++) keep = wanted[w].get(row) === wanted[w].value;
      if (keep && state.status) keep = statusMatches(row, state.status);
      if (keep && hits) {
        keep = row[C.fingerprint].indexOf(query) !== -1;
        for (var t = 0; t < textOf.length && !keep; t++) {
          var s = textOf[t](row);
          keep = s !== null && hits[s] === 1;
        }
      }
      if (keep) out.push(i);
    }
    view = out;
    sortView();
    state.page = 0;
    drawTable();
  }

  function statusMatches(row, wanted) {
    var code = statusOf(row).code;
    if (wanted === "counting") return code === 0;
    if (wanted === "suppressed") return code !== 0;
    if (wanted === "waived") return code === 1;
    return code === 2;
  }

  function stringRanks() {
    if (!ranks) {
      if (!lowered) lowered = S.map(function (s) { return s.toLowerCase(); });
      var order = S.map(function (_, i) { return i; });
      order.sort(function (a, b) {
        var x = lowered[a], y = lowered[b];
        if (x !== y) return x < y ? -1 : 1;
        return S[a] < S[b] ? -1 : S[a] > S[b] ? 1 : 0;
      });
      ranks = new Int32Array(S.length);
      order.forEach(function (s, r) { ranks[s] = r; });
    }
    return ranks;
  }

  function sortKey(key) {
    var rank = stringRanks();
    var missing = S.length;  // findings without the value sort last
    function byString(column) {
      var get = FIELD[column];
      return function (row) { var s = get(row); return s === null ? missing : rank[s]; };
    }
    switch (key) {
      case "severity": return function (row) { return SEVERITY_RANK[str(val(row, "severity"))]; };
      case "rule": return byString("rule_id");
      case "post": return byString("record_label");
      case "location": return function (row) {
        return rank[val(row, "source")] * 1e7 + (row[C.line] === null ? 0 : row[C.line]);
      };
      case "status": return function (row) { return statusOf(row).code; };
      default: return byString(key);
    }
  }

  function sortView() {
    if (!state.sort) { view.sort(function (a, b) { return a - b; }); return; }
    var key = sortKey(state.sort);
    var keys = new Float64Array(R.length);
    for (var i = 0; i < view.length; i++) keys[view[i]] = key(R[view[i]]);
    var sign = state.descending ? -1 : 1;
    view.sort(function (a, b) { return (keys[a] - keys[b]) * sign || a - b; });
  }

  function drawHead() {
    var head = document.getElementById("table-head");
    TABLE.forEach(function (column) {
      var button = el("button", { type: "button", text: column.label, "data-sort": column.key });
      button.addEventListener("click", function () {
        if (state.sort === column.key) state.descending = !state.descending;
        else { state.sort = column.key; state.descending = false; }
        sortView();
        state.page = 0;
        drawTable();
      });
      head.append(el("th", { scope: "col", "data-column": column.key }, button));
    });
  }

  function drawTable() {
    Array.prototype.forEach.call(document.querySelectorAll("#table-head th"), function (th) {
      var key = th.getAttribute("data-column");
      if (key === state.sort) th.setAttribute("aria-sort", state.descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
    var pages = Math.max(1, Math.ceil(view.length / state.size));
    if (state.page >= pages) state.page = pages - 1;
    var start = state.page * state.size;
    var end = Math.min(view.length, start + state.size);
    var body = document.createDocumentFragment();
    for (var i = start; i < end; i++) body.append(tableRow(view[i]));
    document.getElementById("table-body").replaceChildren(body);
    document.getElementById("table-count").textContent = view.length
      ? "Findings " + num(start + 1) + "\u2013" + num(end) + " of " + num(view.length) +
        (view.length !== R.length ? " (filtered from " + num(R.length) + ")" : "")
      : "No findings match these filters (of " + num(R.length) + ").";
    drawPager(pages);
  }

  function tableRow(i) {
    var row = R[i];
    var severity = str(val(row, "severity"));
    var status = statusOf(row);
    var rule = str(val(row, "rule_id"));
    return el("tr", { "data-row": i, "class": status.code ? "suppressed" : null },
      el("td", { "class": "sev" }, badge(severity)),
      el("td", { "class": "rule mono", title: str(val(row, "title")), text: rule }),
      el("td", { "class": "area", text: str(val(row, "area")) }),
      el("td", { "class": "authority", text: str(val(row, "authority")) }),
      el("td", { "class": "directorate", text: str(val(row, "directorate")) }),
      el("td", { "class": "post" }, el("a", { href: postHref(val(row, "post")), text: str(val(row, "record_label")) })),
      el("td", { "class": "loc", text: where(str(val(row, "source")), row[C.line], row[C.page]) }),
      el("td", { "class": "msg", text: str(row[C.message]) }),
      el("td", { "class": "status", text: status.text }));
  }

  function drawPager(pages) {
    var pager = document.getElementById("pager");
    var back = el("button", { type: "button", id: "page-prev", text: "\u2190 Previous",
      disabled: state.page === 0 ? "disabled" : null });
    var next = el("button", { type: "button", id: "page-next", text: "Next \u2192",
      disabled: state.page >= pages - 1 ? "disabled" : null });
    back.addEventListener("click", function () { state.page -= 1; drawTable(); });
    next.addEventListener("click", function () { state.page += 1; drawTable(); });
    pager.replaceChildren(back,
      el("span", { id: "page-number", text: "Page " + num(state.page + 1) + " of " + num(pages) }), next);
  }

  /* ---- a page per post -------------------------------------------------------------- */

  var postIndex = null;
  var postRows = null;

  function findingsOfPosts() {
    if (postRows) return;
    postIndex = new Map();
    POSTS.forEach(function (entry, i) { postIndex.set(str(entry[0]), i); });
    postRows = POSTS.map(function () { return []; });
    for (var i = 0; i < R.length; i++) {
      var row = R[i];
      var own = val(row, "post");
      postRows[own].push(i);
      row[C.members].forEach(function (member) {
        var p = member[M.post];
        if (p !== null && p !== own && postRows[p][postRows[p].length - 1] !== i) postRows[p].push(i);
      });
    }
  }

  function drawPost(identity) {
    findingsOfPosts();
    var holder = document.getElementById("view-post");
    var p = postIndex.get(identity);
    if (p === undefined) {
      fill(holder, el("h2", { text: "No such post in this report" }),
        el("p", { text: identity }), backLink());
      return "post not found";
    }
    var entry = POSTS[p];
    var label = str(entry[1]);
    var rows = postRows[p];
    var first = rows.map(function (i) { return R[i]; }).filter(function (r) { return val(r, "post") === p; })[0];
    var facts = el("dl", { "class": "facts" });
    function fact(label, value) {
      if (value) facts.append(el("dt", { text: label }), el("dd", { text: value }));
    }
    var sources = [];
    rows.forEach(function (i) {
      var r = R[i];
      if (val(r, "post") === p && sources.indexOf(str(val(r, "source"))) === -1) sources.push(str(val(r, "source")));
    });
    fact(entry[2] ? "Set of posts" : "Post", label);
    if (first) {
      fact("Authority", str(val(first, "authority")));
      fact("Title", str(val(first, "post_title")));
      fact("Post number", str(val(first, "post_number")));
      fact("Directorate", str(val(first, "directorate")));
      fact("Service area", str(val(first, "service_area")));
      fact("Grade", str(val(first, "grade")));
    }
    fact("Read from", sources.join(", "));
    fact("Identity", str(entry[0]));
    var counts = SEVERITIES.map(function (s) {
      var n = rows.filter(function (i) { return str(val(R[i], "severity")) === s; }).length;
      return n ? num(n) + " " + s : null;
    }).filter(Boolean);
    fill(holder, 
      el("div", { "class": "post-head" },
        el("h2", { id: "post-title", text: label }),
        el("p", { "class": "count", text: num(rows.length) + (rows.length === 1 ? " finding" : " findings") +
          (counts.length ? ": " + counts.join(", ") : "") }),
        facts),
      el("div", { id: "post-findings" }, rows.map(function (i) { return findingCard(i); })),
      backLink());
    return label;
  }

  function findingCard(i) {
    var row = R[i];
    var severity = str(val(row, "severity"));
    var status = statusOf(row);
    var rule = RULES[str(val(row, "rule_id"))] || null;
    var card = el("article", { "class": "finding " + severity + (status.code ? " suppressed" : ""), "data-row": i },
      el("h3", null, badge(severity), " ", el("code", { "class": "rule", text: str(val(row, "rule_id")) }),
        " ", str(val(row, "title"))),
      el("p", { "class": "status" }, el("span", { "class": status.code ? "tag" : "tag counts", text: status.text })));
    if (row[C.suppression] !== null) card.append(suppressionFacts(SUPPRESSIONS[row[C.suppression]]));
    card.append(el("p", { "class": "message", text: str(row[C.message]) }));
    card.append(el("h4", { text: "Evidence" }));
    var evidence = str(row[C.evidence]);
    card.append(evidence
      ? el("blockquote", { "class": "evidence", text: evidence })
      : el("p", { "class": "evidence none", text: "(the finding rests on what the record leaves out)" }));
    card.append(el("p", { "class": "where" },
      "in ", el("span", { "class": "mono source", text: str(val(row, "source")) }),
      row[C.line] !== null ? el("span", { "class": "line", text: ", line " + row[C.line] }) : null,
      row[C.page] !== null ? el("span", { "class": "page", text: ", page " + row[C.page] }) : null,
      str(val(row, "field")) ? ", field " : null,
      str(val(row, "field")) ? el("code", { text: str(val(row, "field")) }) : null));
    if (row[C.members].length) card.append(members(row));
    card.append(el("h4", { text: "Provision" }),
      el("p", { "class": "provision" }, external(str(val(row, "url")), str(val(row, "citation")))));
    if (rule && rule.citations.length > 1) {
      var list = el("ul", { "class": "citations" });
      rule.citations.forEach(function (c) { list.append(el("li", null, external(c.url, c.text))); });
      card.append(list);
    }
    card.append(el("h4", { text: "Why" }),
      el("p", { "class": "why", text: rule ? rule.rationale : "(this rule is not in the run's rule list)" }));
    card.append(el("h4", { text: "How to fix" }), el("p", { "class": "fix", text: str(row[C.fix]) }));
    card.append(el("p", { "class": "where" }, "fingerprint ", el("code", { text: row[C.fingerprint] })));
    return card;
  }

  function suppressionFacts(sup) {
    var list = el("dl", { "class": "facts suppression" });
    [["Kind", "kind"], ["Justification", "justification"], ["Approver", "approver"],
      ["Expires", "expires"], ["Ticket", "ticket"], ["Recorded at", "location"]].forEach(function (pair) {
      var value = str(sup[U[pair[1]]]);
      if (value) list.append(el("dt", { text: pair[0] }), el("dd", { text: value }));
    });
    return list;
  }

  function members(row) {
    var list = el("ol", { "class": "members" });
    row[C.members].forEach(function (m) {
      var label = str(m[M.label]);
      list.append(el("li", null,
        m[M.post] !== null ? el("a", { href: postHref(m[M.post]), text: label }) : label,
        " ", el("span", { "class": "mono", text: where(str(m[M.source]), m[M.line], null) })));
    });
    return el("div", null, el("h4", { text: "Records of the set" }), list);
  }

  function backLink() { return el("a", { "class": "back", href: "#findings", text: "\u2190 All findings" }); }

  /* ---- input errors and the run manifest -------------------------------------------- */

  function drawErrors() {
    var holder = document.getElementById("view-errors");
    var errors = data.input_errors;
    var table = el("table", { id: "errors-table" },
      el("thead", null, el("tr", null, el("th", { text: "File" }), el("th", { text: "Line" }),
        el("th", { text: "Record" }), el("th", { text: "Field" }), el("th", { text: "Reason" }))));
    var body = el("tbody");
    errors.forEach(function (e) {
      body.append(el("tr", null, el("td", { "class": "mono", text: e[0] }),
        el("td", { text: e[2] === null ? "" : e[2] }), el("td", { text: e[3] === null ? "" : e[3] }),
        el("td", { "class": "mono", text: e[4] || "" }), el("td", { text: e[1] })));
    });
    table.append(body);
    fill(holder, el("h2", { text: "Input errors" }),
      el("p", { "class": "count", text: errors.length
        ? num(errors.length) + " records or files could not be read; the run went on without them."
        : "Every input was read." }),
      errors.length ? el("div", { "class": "table-wrap" }, table) : null,
      skipped(), backLink());
    return "input errors";
  }

  function skipped() {
    var files = data.summary.skipped_files;
    if (!files.length) return null;
    var list = el("ul");
    files.forEach(function (f) { list.append(el("li", { "class": "mono", text: f })); });
    return el("div", null, el("h3", { text: "Files passed over (not post records)" }), list);
  }

  function table(id, headings, rows) {
    var t = el("table", { id: id }, el("thead", null, el("tr", null,
      headings.map(function (h) { return el("th", { text: h }); }))));
    var body = el("tbody");
    if (!rows.length) body.append(el("tr", null, el("td", { colspan: headings.length, "class": "none", text: "none" })));
    rows.forEach(function (cells) {
      body.append(el("tr", null, cells.map(function (c) {
        return el("td", { text: c === null || c === undefined ? "" : String(c) });
      })));
    });
    t.append(body);
    return el("div", { "class": "table-wrap" }, t);
  }

  function drawManifest() {
    var man = data.manifest || {};
    var holder = document.getElementById("view-manifest");
    var facts = el("dl", { "class": "facts", id: "manifest-facts" });
    function fact(label, value) {
      if (value !== null && value !== undefined && value !== "") {
        facts.append(el("dt", { text: label }), el("dd", { "class": "mono", text: String(value) }));
      }
    }
    var rules = man.rules || {};
    var engine = man.engine || {};
    fact("postcheck", man.postcheck_version || data.run.version);
    Object.keys(engine).forEach(function (name) { fact(name, engine[name]); });
    fact("Python", man.python);
    fact("As-of day", man.as_of || data.run.as_of);
    fact("Profile", man.profile);
    fact("Fail on", data.run.fail_on);
    fact("Rules directory", rules.directory || data.run.rules_dir);
    fact("Rules hash", rules.sha256);
    var config = man.configuration || {};
    fact("Configuration file", config.file);
    fact("Configuration hash", config.sha256);
    var byRule = data.summary.by_rule;
    var versions = rules.versions || {};
    var ruleIds = Object.keys(RULES).sort();
    Object.keys(versions).forEach(function (id) { if (ruleIds.indexOf(id) === -1) ruleIds.push(id); });
    var silent = data.run.silent_rules;
    var unmatched = data.summary.unmatched_authorities;
    fill(holder, 
      el("h2", { text: "Run manifest" }),
      el("p", { "class": "hint", text: "What an auditor needs to reproduce this run: two runs with " +
        "equal manifests judged the same inputs with the same rules." }),
      facts,
      el("h3", { text: "Input files" }),
      table("manifest-inputs", ["File", "SHA-256"], (man.inputs || []).map(function (f) {
        return [f.path, f.sha256 === null ? "(could not be read)" : f.sha256];
      })),
      el("h3", { text: "Authority files" }),
      table("manifest-authorities", ["Authority", "File", "SHA-256"], (man.authorities || []).map(function (a) {
        return [a.name, a.file, a.sha256];
      })),
      el("h3", { text: "Rules in this run" }),
      table("manifest-rules", ["Rule", "Title", "Severity", "Version", "Findings"], ruleIds.map(function (id) {
        var r = RULES[id] || {};
        return [id, r.title || "", r.severity || "", versions[id] || "", byRule[id] || 0];
      })),
      silent.length ? el("h3", { text: "Rules not run on this day" }) : null,
      silent.length ? table("manifest-silent", ["Rule", "Why"], silent) : null,
      unmatched.length ? el("h3", { text: "Authorities named by records but not known" }) : null,
      unmatched.length ? table("manifest-unmatched", ["Name", "Records"], unmatched) : null,
      el("details", null, el("summary", { text: "The whole manifest, as recorded" }),
        el("pre", { "class": "json", id: "manifest-json", text: JSON.stringify(man, null, 2) })),
      backLink());
    return "run manifest";
  }

  /* ---- routes ----------------------------------------------------------------------- */

  var VIEWS = ["view-main", "view-post", "view-errors", "view-manifest"];

  function show(id) {
    VIEWS.forEach(function (v) { document.getElementById(v).hidden = v !== id; });
  }

  function route() {
    var hash = location.hash.slice(1);
    var title = null;
    if (hash.indexOf("post/") === 0) {
      var identity;
      try { identity = decodeURIComponent(hash.slice(5)); } catch (e) { identity = hash.slice(5); }
      title = drawPost(identity);
      show("view-post");
      window.scrollTo(0, 0);
    } else if (hash === "errors") {
      title = drawErrors();
      show("view-errors");
      window.scrollTo(0, 0);
    } else if (hash === "manifest") {
      title = drawManifest();
      show("view-manifest");
      window.scrollTo(0, 0);
    } else {
      show("view-main");
      var target = document.getElementById(hash === "findings" ? "findings" : "summary");
      if (hash) target.scrollIntoView();
    }
    document.title = (title ? title + " \u2013 " : "") + "postcheck audit report, as of " + data.run.as_of;
  }

  drawCards();
  drawCharts();
  drawFilters();
  drawHead();
  view = R.map(function (_, i) { return i; });
  drawTable();
  window.addEventListener("hashchange", route);
  route();
  performance.mark("audit-ready");
  document.body.setAttribute("data-ready", String(Math.round(performance.now() - started)));
})();
