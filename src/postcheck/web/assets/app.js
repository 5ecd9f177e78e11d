// postcheck's page: send files or text to /api/check, show each document with its findings
// marked, a finding's detail in a side panel, and the report for download.
// Every value from a document or a report is put in the page with textContent, never as
// markup; the page loads nothing from anywhere but this server (see its Content-Security-Policy).
"use strict";

(() => {
  const RANK = { error: 3, warning: 2, info: 1 };
  const token = document.querySelector('meta[name="csrf-token"]').content;
  const state = { files: [], last: null, result: null };

  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("data-")) node.setAttribute(key, String(value));
      else node[key] = value;
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function plural(n, word) {
    return `${n} ${word}${n === 1 ? "" : "s"}`;
  }

  // ---- choosing what to check ----------------------------------------------------------

  function addFiles(list) {
    for (const file of list) state.files.push(file);
    showChosen();
  }

  function showChosen() {
    const chosen = $("chosen");
    clear(chosen);
    state.files.forEach((file, i) => {
      const remove = el("button", { type: "button", class: "remove", text: "remove" });
      remove.setAttribute("aria-label", `remove ${file.name}`);
      remove.addEventListener("click", () => {
        state.files.splice(i, 1);
        showChosen();
      });
      chosen.append(el("li", {}, el("span", { class: "name", text: file.name }), " ", remove));
    });
  }

  function formData() {
    const data = new FormData();
    for (const file of state.files) data.append("files", file, file.name);
    const text = $("text").value;
    if (text.trim()) data.append("text", text);
    data.append("council", $("council").value);
    data.append("as_of", $("as-of").value);
    return data;
  }

  async function post(url, body) {
    return fetch(url, {
      method: "POST",
      body,
      headers: { "X-CSRF-Token": token },
      credentials: "same-origin",
    });
  }

  async function problem(response) {
    try {
      const body = await response.json();
      if (typeof body.detail === "string") return body.detail;
      return JSON.stringify(body.detail);
    } catch (_) {
      return `the server answered ${response.status}`;
    }
  }

  function status(text, isError) {
    const line = $("status");
    line.textContent = text;
    line.classList.toggle("error", Boolean(isError));
  }

  async function check(event) {
    event.preventDefault();
    const data = formData();
    if (!state.files.length && !$("text").value.trim()) {
      status("Choose a file, or paste some text, to check.", true);
      return;
    }
    $("check").disabled = true;
    status("Checking…");
    try {
      const response = await post("/api/check", data);
      if (!response.ok) {
        status(await problem(response), true);
        return;
      }
      state.last = data;
      state.result = await response.json();
      status("");
      show(state.result);
    } catch (error) {
      status(`The check could not be sent: ${error}`, true);
    } finally {
      $("check").disabled = false;
    }
  }

  // ---- results -------------------------------------------------------------------------

  function show(result) {
    closePanel();
    showSummary(result);
    showFindings(result);
    showDocuments(result);
    $("results").hidden = false;
  }

  function showSummary(result) {
    const s = result.summary;
    const box = $("summary");
    clear(box);
    const card = (key, label, value) =>
      el("div", { class: `card ${key}`, "data-card": key },
        el("span", { class: "value", text: String(value) }),
        el("span", { class: "label", text: label }));
    box.append(
      card("records", s.records === 1 ? "post checked" : "posts checked", s.records),
      card("error", s.by_severity.error === 1 ? "error" : "errors", s.by_severity.error),
      card("warning", s.by_severity.warning === 1 ? "warning" : "warnings", s.by_severity.warning),
      card("info", "for information", s.by_severity.info),
      card("input_errors", "could not be read", s.input_errors),
    );
    let verdict;
    if (s.exit_status === 2) verdict = "Some input could not be read: see below.";
    else if (s.exit_status === 1) verdict = `Not ready: there are findings at or above “${s.fail_on}”.`;
    else if (s.violations) verdict = `No finding at or above “${s.fail_on}”; see the notes below.`;
    else verdict = "No findings.";
    box.append(el("p", { class: `verdict exit-${s.exit_status}`, id: "verdict", text: verdict }));
    box.append(el("p", { class: "as-of", text: `Judged as the law stood on ${result.as_of}.` }));
    for (const u of s.unmatched_authorities) {
      box.append(el("p", { class: "note", text:
        `No council file matches “${u.name}” (${plural(u.records, "post")}): ` +
        "rules that need a council's facts stayed silent. Choose the council above." }));
    }
    for (const w of result.warnings) {
      box.append(el("p", { class: "note", text: `${w.file}: ${w.message}` }));
    }
  }

  function where(v) {
    const parts = [];
    if (v.line !== null && v.line !== undefined) parts.push(`line ${v.line}`);
    if (v.page !== null && v.page !== undefined) parts.push(`page ${v.page}`);
    return parts.join(", ");
  }

  function entry(result, index) {
    const v = result.violations[index];
    const rule = result.rules[v.rule_id];
    const button = el("button", { type: "button", class: `entry sev-${v.severity}`,
      "data-finding": index },
      el("span", { class: `badge sev-${v.severity}`, text: v.severity }),
      el("span", { class: "title", text: rule ? rule.title : v.title }),
      el("span", { class: "where", text: where(v) }));
    button.addEventListener("click", () => {
      openPanel([index]);
      reveal(index);
    });
    return el("li", {}, button);
  }

  function bySeverity(result, indices) {
    return [...indices].sort((a, b) =>
      RANK[result.violations[b].severity] - RANK[result.violations[a].severity] ||
      (result.violations[a].line || 0) - (result.violations[b].line || 0) || a - b);
  }

  function showFindings(result) {
    const nav = $("findings");
    clear(nav);
    nav.append(el("h2", { text: "Findings" }));
    for (const doc of result.documents) {
      const group = el("section", { class: "group" }, el("h3", { text: doc.name }));
      const list = el("ul", {});
      for (const i of bySeverity(result, doc.findings)) list.append(entry(result, i));
      if (!doc.findings.length && !doc.input_errors.length) {
        list.append(el("li", { class: "none", text: "No findings." }));
      }
      for (const e of doc.input_errors) {
        const error = result.input_errors[e];
        const at = error.line ? ` (line ${error.line})` : "";
        list.append(el("li", { class: "input-error", text: `Could not read${at}: ${error.reason}` }));
      }
      group.append(list);
      nav.append(group);
    }
    if (result.across_records.length) {
      const list = el("ul", {});
      for (const i of bySeverity(result, result.across_records)) list.append(entry(result, i));
      nav.append(el("section", { class: "group" }, el("h3", { text: "Across posts" }), list));
    }
  }

  function worst(result, indices) {
    let best = null;
    for (const i of indices) {
      const s = result.violations[i].severity;
      if (best === null || RANK[s] > RANK[best]) best = s;
    }
    return best;
  }

  function showDocuments(result) {
    const box = $("documents");
    clear(box);
    result.documents.forEach((doc, d) => {
      const section = el("section", { class: "document", "data-document": doc.name },
        el("h2", { text: doc.name }));
      if (doc.view === "text") section.append(textView(result, doc, d));
      else if (doc.view === "table") section.append(tableView(result, doc));
      else section.append(el("p", { class: "none", text: "There is no text to show for this file." }));
      if (doc.view === "text" && doc.unplaced.length) {
        section.append(el("p", { class: "note",
          text: `${plural(doc.unplaced.length, "finding")} about the document as a whole, ` +
                "listed on the left, are not marked in the text." }));
      }
      box.append(section);
    });
  }

  function textView(result, doc, d) {
    const list = el("ol", { class: "text" });
    doc.rows.forEach((row) => {
      const text = el("span", { class: "txt" });
      for (const piece of row.pieces) {
        if (!piece.findings.length) {
          text.append(document.createTextNode(piece.text));
          continue;
        }
        const mark = el("mark", { class: `sev-${worst(result, piece.findings)}`,
          "data-findings": piece.findings.join(" "), tabIndex: 0, text: piece.text });
        mark.setAttribute("role", "button");
        mark.title = piece.findings.map((i) => result.violations[i].title).join("; ");
        mark.addEventListener("click", () => openPanel(bySeverity(result, piece.findings)));
        mark.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            openPanel(bySeverity(result, piece.findings));
          }
        });
        text.append(mark);
      }
      const number = row.page ? `${row.page}:${row.line}` : String(row.line ?? "");
      list.append(el("li", { "data-line": row.line ?? "", "data-page": row.page ?? "",
        "data-document": d },
        el("span", { class: "ln", text: number }), text));
    });
    return list;
  }

  function tableView(result, doc) {
    const head = el("tr", {}, ...["Record", "Line", "Post number", "Post", "Findings"]
      .map((h) => el("th", { scope: "col", text: h })));
    const body = el("tbody", {});
    for (const post of doc.posts) {
      const chips = el("td", { class: "chips" });
      for (const i of bySeverity(result, post.findings)) {
        const v = result.violations[i];
        const chip = el("button", { type: "button", class: `chip sev-${v.severity}`,
          "data-finding": i, text: v.rule_id });
        chip.addEventListener("click", () => openPanel([i]));
        chips.append(chip, " ");
      }
      if (!post.findings.length) chips.append("none");
      body.append(el("tr", {},
        el("td", { text: post.index === null ? "" : String(post.index + 1) }),
        el("td", { text: post.line === null ? "" : String(post.line) }),
        el("td", { text: post.post_number || "" }),
        el("td", { text: post.label }),
        chips));
    }
    return el("table", { class: "posts" }, el("thead", {}, head), body);
  }

  function reveal(index) {
    for (const mark of document.querySelectorAll("mark.flash")) mark.classList.remove("flash");
    const mark = [...document.querySelectorAll("mark[data-findings]")]
      .find((m) => m.dataset.findings.split(" ").includes(String(index)));
    if (mark) {
      mark.classList.add("flash");
      mark.scrollIntoView({ block: "center" });
    }
  }

  // ---- the side panel ------------------------------------------------------------------

  function webAddress(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (_) {
      return null;
    }
  }

  function detail(term, ...value) {
    return [el("dt", { text: term }), el("dd", {}, ...value)];
  }

  function findingCard(result, index) {
    const v = result.violations[index];
    const rule = result.rules[v.rule_id] || null;
    const card = el("article", { class: `finding sev-${v.severity}`, "data-finding": index });
    card.append(
      el("p", { class: "head" }, el("span", { class: `badge sev-${v.severity}`, text: v.severity }),
        " ", el("code", { class: "rule", text: v.rule_id })),
      el("h2", { class: "title", text: rule ? rule.title : v.title }),
      el("p", { class: "message", text: v.message }),
    );
    const facts = el("dl", {});
    const place = [v.source, where(v)].filter(Boolean).join(", ");
    facts.append(...detail("Where", place));
    if (v.evidence) facts.append(...detail("What it rests on", el("blockquote", { class: "evidence", text: v.evidence })));
    if (v.records && v.records.length) {
      const list = el("ul", { class: "members" });
      for (const m of v.records) {
        const at = m.line ? `, line ${m.line}` : "";
        list.append(el("li", { text: `${m.label} (${m.source}${at})` }));
      }
      facts.append(...detail("Posts", list));
    }
    const address = webAddress(v.url);
    const law = el("span", { class: "provision" }, v.citation);
    if (address) {
      law.append(" ", el("a", { href: address, rel: "noopener noreferrer", target: "_blank",
        class: "address", text: address }));
    } else if (v.url) {
      law.append(" ", el("span", { class: "address", text: v.url }));
    }
    facts.append(...detail("The law", law));
    if (rule) {
      facts.append(...detail("Why", el("span", { class: "why", text: rule.rationale })));
      facts.append(...detail("How sure", el("span", { text: rule.certainty })));
    }
    facts.append(...detail("How to fix", el("span", { class: "fix", text: v.fix || (rule ? rule.remediation : "") })));
    card.append(facts);
    return card;
  }

  function openPanel(indices) {
    const result = state.result;
    const body = $("panel-body");
    clear(body);
    for (const i of indices) body.append(findingCard(result, i));
    const panel = $("panel");
    panel.hidden = false;
    document.body.classList.add("panel-open");
    panel.focus();
  }

  function closePanel() {
    $("panel").hidden = true;
    document.body.classList.remove("panel-open");
  }

  // ---- downloads -----------------------------------------------------------------------

  async function download(format) {
    if (!state.last) return;
    status(`Preparing the ${format.toUpperCase()} report…`);
    try {
      const response = await post(`/api/report?format=${encodeURIComponent(format)}`, state.last);
      if (!response.ok) {
        status(await problem(response), true);
        return;
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = el("a", { href: url, download: `postcheck-report.${format}` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      status("");
    } catch (error) {
      status(`The report could not be made: ${error}`, true);
    }
  }

  // ---- wiring --------------------------------------------------------------------------

  function start() {
    const drop = $("drop");
    $("files").addEventListener("change", (event) => {
      addFiles(event.target.files);
      event.target.value = "";
    });
    for (const name of ["dragenter", "dragover"]) {
      drop.addEventListener(name, (event) => {
        event.preventDefault();
        drop.classList.add("over");
      });
    }
    for (const name of ["dragleave", "drop"]) {
      drop.addEventListener(name, () => drop.classList.remove("over"));
    }
    drop.addEventListener("drop", (event) => {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files) addFiles(event.dataTransfer.files);
    });
    $("check-form").addEventListener("submit", check);
    $("panel-close").addEventListener("click", closePanel);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") closePanel();
    });
    for (const button of document.querySelectorAll("#downloads button[data-format]")) {
      button.addEventListener("click", () => download(button.dataset.format));
    }
    document.body.dataset.ready = "yes";
  }

  start();
})();
