// reformlab web app: the page state, the reform editor and the views, over the JSON API (no build step).
"use strict";

const $ = (selector) => document.querySelector(selector);
const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value; else if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child ?? "")));
  return node;
};

// -- state: what is compared and the edits; the URL's hash carries all of it ---------------------------------
const state = { constitution: "kz", before: "2007-05-20", after: "2007-05-21", mode: "dates", index: "banzhaf",
                base: null, edits: {}, order: [], align: {} };
const undoStack = [];
let fields = [];            // the editor's fields for the version being edited
let fieldsKey = "";
let generation = 0;         // results of an older edit never overwrite a newer one
let options = null;
let riskJob = null;
const VIEWS_AFTER_MS = 400;   // how long the edits must pause before the further views are asked for

function b64url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
function unb64url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

async function api(path, body) {
  const response = await fetch(path, body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const data = await response.json().catch(() => ({ error: { message: `HTTP ${response.status}` } }));
  if (!response.ok) { const problem = new Error(data.error?.message || `HTTP ${response.status}`); problem.info = data.error || {}; throw problem; }
  return data;
}

// -- the two sides and the reform the editor builds -----------------------------------------------------------
const target = (date) => `${state.constitution}@${date}`;
const alignments = () => ({ ...state.align });

function editedSide() {   // the version the editor edits: the after date, or the chosen reform
  if (state.mode === "reform" && state.base) return { reform: state.base };
  return { target: target(state.after) };
}

const templated = (field) => (field.choices || []).some((c) => "template" in c);
function holds(when) {   // a field (or link) shown only while the field at when.path holds one of when.values
  if (!when) return true;
  const owner = fields.find((f) => f.path === when.path && holds(f.when));
  return !!owner && when.values.includes(fieldValue(owner));
}
function fieldAt(path) { return fields.find((f) => f.path === path && holds(f.when)); }

function editChanges() {
  const changes = [];
  const explicit = new Set(state.order);
  const links = new Map();   // linked path -> its value, every edit linked to it counted (tier seats add up)
  for (const path of state.order) {
    const field = fieldAt(path);
    if (!field || !(path in state.edits)) continue;
    let value = state.edits[path];
    if (templated(field)) value = (field.choices.find((c) => c.value === value) || {}).template;
    changes.push({ op: field.op, path, value, note: "edited in the reformlab web app" });
    for (const link of field.linked || []) {
      if (explicit.has(link.path) || typeof value !== "number" || !holds(link.when)) continue;
      const before = links.has(link.path) ? links.get(link.path).value : link.base;
      const linked = link.mode === "delta" ? before + (value - field.value) : value;
      links.set(link.path, { op: "set", path: link.path, value: linked, note: `follows ${path}` });
    }
  }
  return [...changes, ...links.values()];
}

function reform() {
  const changes = editChanges();
  if (state.mode === "reform" && state.base) {
    if (!changes.length) return state.base;
    return { ...state.base, changes: [...(state.base.changes || []), ...changes] };
  }
  if (!changes.length) return null;
  return { reform: "web_edit", base: state.constitution, date: state.after,
           label: `Edited in the reformlab web app from ${target(state.after)}`, changes };
}

function sides() {
  const align = alignments();
  const made = reform();
  const after = made ? { reform: made, alignments: align } : { target: target(state.after), alignments: align };
  return { before: { target: target(state.before), alignments: align }, after };
}

// -- the URL: a shareable encoding of the whole state --------------------------------------------------------
function saveURL() {
  const shared = { c: state.constitution, b: state.before, a: state.after, m: state.mode, i: state.index,
                   base: state.base, e: state.edits, o: state.order, al: state.align };
  window.history.replaceState(null, "", "#s=" + b64url(JSON.stringify(shared)));
}
function loadURL() {
  const match = location.hash.match(/^#s=([A-Za-z0-9_-]+)$/);
  if (!match) return;
  try {
    const s = JSON.parse(unb64url(match[1]));
    Object.assign(state, { constitution: s.c || state.constitution, before: s.b || state.before, after: s.a || state.after,
      mode: s.m || "dates", index: s.i || "banzhaf", base: s.base || null, edits: s.e || {}, order: s.o || Object.keys(s.e || {}),
      align: s.al || {} });
  } catch (problem) { showError(null, "the shared address does not decode; showing the default instead"); }
}

// -- errors, shown next to the field they concern -------------------------------------------------------------
function clearErrors() { document.querySelectorAll(".error").forEach((node) => { node.textContent = ""; }); }
function showError(where, message) {
  const node = (where && document.querySelector(`.error[data-for="${CSS.escape(where)}"]`)) || $("#global-error");
  node.textContent = message;
}
function placeError(problem, side) {
  const info = problem.info || {};
  const field = info.field || "";
  if (side === "risk") return showError("draws", problem.message);
  const changes = editChanges();
  const numbered = field.match(/^changes\.(\d+)/);
  const edited = [...state.order].reverse();
  let path = null;
  if (numbered) {
    const offset = state.mode === "reform" && state.base ? (state.base.changes || []).length : 0;
    const change = changes[Number(numbered[1]) - offset];
    path = change ? change.path : null;
  }
  path = path || edited.find((p) => p === field || p.startsWith(field + ".") || field.startsWith(p + "."))
              || fields.find((f) => f.path === field)?.path;
  const box = path && document.querySelector(`.error[data-field="${CSS.escape(path)}"]`);
  if (box) { box.textContent = problem.message; box.scrollIntoView({ block: "nearest" }); return; }
  if (info.file === "reform.yaml" || (state.mode === "reform" && !Object.keys(state.edits).length)) return showError("reform", problem.message);
  if (field === "target" || field === "--scenario") return showError(side || "after", problem.message);
  showError(Object.keys(state.edits).length ? "editor" : side, problem.message);
}

// -- the editor ----------------------------------------------------------------------------------------------
function fieldValue(field) { return field.path in state.edits ? state.edits[field.path] : field.value; }
function shown(value) { return Array.isArray(value) ? value.join(", ") : value === null || value === undefined ? "" : String(value); }

function renderEditor() {
  const form = $("#fields");
  form.replaceChildren();
  const filter = $("#field-filter").value.trim().toLowerCase();
  let section = null, group = null, box = null;
  for (const field of fields) {
    if (!holds(field.when)) continue;
    if (field.path.startsWith("align:")) {
      const party = field.path.slice(6);
      if (party in state.align) state.edits[field.path] = state.align[party];
    }
    if (filter && !field.label.toLowerCase().includes(filter) && !field.path.toLowerCase().includes(filter)) continue;
    if (field.section !== section) { section = field.section; group = null; form.append(el("h3", {}, section)); box = form; }
    if (field.group !== group) {
      group = field.group;
      if (group) { const details = el("details", { "data-group": group }, el("summary", {}, group)); form.append(details); box = details; }
      else box = form;
      if (group && (filter || Object.keys(state.edits).some((p) => p.startsWith(field.path.split(".").slice(0, 4).join("."))))) box.open = true;
    }
    const id = "f-" + b64url(field.path);
    let input;
    const value = fieldValue(field);
    if (field.choices && field.kind !== "share" && field.kind !== "actors") {
      input = el("select", { id });
      for (const choice of field.choices) {
        const option = el("option", { value: JSON.stringify(choice.value) }, choice.label);
        if (JSON.stringify(choice.value) === JSON.stringify(value)) option.selected = true;
        input.append(option);
      }
      if (!field.choices.some((c) => JSON.stringify(c.value) === JSON.stringify(value))) {
        const option = el("option", { value: JSON.stringify(value) }, shown(value)); option.selected = true; input.prepend(option);
      }
    } else {
      input = el("input", { id, type: field.kind === "int" ? "number" : "text", value: shown(value),
                            list: field.kind === "share" ? "shares" : null, placeholder: field.kind === "threshold" ? "none (e.g. 5%)" : null });
    }
    input.dataset.path = field.path;
    input.addEventListener("change", () => edit(field, input));
    const changed = field.path in state.edits;
    const row = el("div", { class: "field" + (changed ? " changed" : "") },
      el("label", { for: id }, field.label.replace(group ? group + ": " : "", "")), input,
      el("span", { class: "error", "data-field": field.path }));
    if (field.confidence) row.append(el("small", { class: "assumption" },
      `assumption, confidence ${field.confidence}${field.sources?.length ? "; source " + field.sources.join(", ") : ""}${field.note ? ": " + field.note : ""}`));
    box.append(row);
  }
  $("#undo").disabled = undoStack.length === 0;
}

function parse(field, input) {
  const raw = input.tagName === "SELECT" ? JSON.parse(input.value) : input.value.trim();
  if (field.kind === "int") return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (field.kind === "actors") return raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (field.kind === "threshold") return raw ? { share: raw, base: "valid" } : null;
  return raw;
}

function edit(field, input) {
  undoStack.push(JSON.stringify({ edits: state.edits, order: state.order, align: state.align }));
  const value = parse(field, input);
  const original = field.value;
  if (field.path.startsWith("align:")) {
    const party = field.path.slice(6);
    if (JSON.stringify(value) === JSON.stringify(original)) delete state.align[party]; else state.align[party] = value;
  }
  if (JSON.stringify(value) === JSON.stringify(original) || (field.kind === "threshold" && value === null)) {
    delete state.edits[field.path];
    state.order = state.order.filter((p) => p !== field.path);
  } else {
    state.edits[field.path] = value;
    state.order = [...state.order.filter((p) => p !== field.path), field.path];
  }
  if (field.kind === "system_kind") {   // another kind of system: the edits of the old one's fields go
    for (const path of Object.keys(state.edits)) {
      if (path.startsWith(field.path + ".")) delete state.edits[path];
    }
    state.order = state.order.filter((p) => p in state.edits);
  }
  if (field.path.startsWith("align:")) { delete state.edits[field.path]; state.order = state.order.filter((p) => p !== field.path); }
  refresh();
}

function undo() {
  if (!undoStack.length) return;
  Object.assign(state, JSON.parse(undoStack.pop()));
  refresh(true);
}

// -- the views -----------------------------------------------------------------------------------------------
function fill(selector, rows) { $(selector).querySelector("tbody").replaceChildren(...rows); }
const roleText = (role) => role === null || role === undefined ? "cannot tell" : role;

function gameOf(entry) {
  if (!entry) return null;
  if (entry.control) return entry.control;
  return entry.alternatives?.length ? entry.alternatives[0] : null;
}

function marginText(margins, before) {
  const same = (a, b) => a && b && a.body === b.body && a.role === b.role && a.majority === b.majority && a.assumption === b.assumption;
  return margins.map((m) => {
    const reading = m.assumption ? ` [${m.assumption}]` : "";
    if (m.margin === null) return `cannot tell: ${m.unknown}${reading}`;
    const rule = `${m.body} ${m.strict ? ">" : "≥"}${m.majority}${m.base ? " of " + m.base : ""}${m.role === "consent" ? "" : " (" + m.role + ")"}`;
    const old = (before || []).find((b) => same(b, m));
    const was = old && old.margin !== null && old.margin !== m.margin ? ` (before: ${old.margin >= 0 ? "+" : ""}${old.margin})` : "";
    return `${rule}: ${m.held} of ${m.members} seats, ${m.needed} needed, margin ${m.margin >= 0 ? "+" : ""}${m.margin}${was}${reading}`;
  });
}

function renderControl(comparison, before, after) {
  const rows = [];
  for (const [proc, actors] of Object.entries(comparison.control)) {
    const president = actors.president || {};
    const entry = after.procedures[proc];
    const game = gameOf(entry);
    const lines = entry ? marginText(entry.margins || [], before.procedures[proc]?.margins) : [];
    const moved = president.before !== president.after;
    rows.push(el("tr", { "data-decision": proc, class: moved ? "moved" : "" },
      el("td", {}, comparison.labels[proc] || proc),
      el("td", {}, roleText(president.before)), el("td", {}, roleText(president.after)),
      el("td", {}, game ? (game.veto_players.join(", ") || "none") : entry?.unknown || "cannot tell"),
      el("td", {}, game ? (game.smallest_winning ? game.smallest_winning.join(" + ") : "nothing wins") : ""),
      el("td", { class: "margins" }, ...lines.map((line) => el("div", {}, line)))));
  }
  fill("#control-table", rows);
  const notes = (comparison.assumptions.after || []).map((a) =>
    el("li", {}, `${a.what} ${a.principal} (assumption, confidence ${a.confidence}${a.sources.length ? "; " + a.sources.join(", ") : ""})`));
  const modelled = (comparison.votes?.modelled?.after || []).map((m) => el("li", {}, m));
  const said = modelled.length
    ? [el("p", { class: "hint" }, "Modelled, not taken from results:"), el("ul", { id: "modelled" }, ...modelled)] : [];
  $("#assumptions").replaceChildren(el("p", { class: "hint" }, "These results depend on the assumptions of the scenario (after):"),
    el("ul", {}, ...notes), ...said);
}

function renderPower(comparison) {
  const rows = [];
  for (const [proc, actors] of Object.entries(comparison.power)) {
    for (const [actor, values] of Object.entries(actors)) {
      const number = (v) => v === null ? "cannot tell" : Number(eval_fraction(v)).toFixed(3) + (String(v).includes("/") ? ` (${v})` : "");
      rows.push(el("tr", { class: values.before !== values.after ? "moved" : "" },
        el("td", {}, comparison.labels[proc] || proc), el("td", {}, actor), el("td", {}, number(values.before)), el("td", {}, number(values.after))));
    }
  }
  fill("#power-table", rows);
}
function eval_fraction(text) { const [p, q] = String(text).split("/"); return Number(p) / (q ? Number(q) : 1); }

function renderClaims(claims) {
  $("#claims-note").textContent = `Checked on ${claims.before} → ${claims.after} (the study compares ${claims.study.before} → ${claims.study.after}). ` +
    `${claims.counts.holds} hold, ${claims.counts.fails} fail, ${claims.counts["cannot tell"]} cannot be told.`;
  const text = (value) => value === null || value === undefined ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value);
  fill("#claims-table", claims.results.map((r) => el("tr", { class: "verdict-" + r.verdict.replace(" ", "-") },
    el("td", {}, el("b", {}, r.id), el("br"), r.text), el("td", {}, text(r.expected)), el("td", {}, text(r.computed)),
    el("td", {}, r.verdict, r.reason ? el("div", { class: "hint" }, r.reason) : ""))));
}

function renderChanges(comparison) {
  const text = (value) => value === null || value === undefined ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value);
  const cell = (value) => { const full = text(value); return el("td", { title: full.length > 160 ? full : null }, full.length > 160 ? full.slice(0, 157) + "…" : full); };
  fill("#changes-table", comparison.changes.map((c) => el("tr", {}, el("td", {}, c.path), cell(c.before), cell(c.after),
    el("td", {}, c.article || ""))));
}

function svgInto(container, svgs) {
  container.replaceChildren(...svgs.filter(Boolean).map((svg) => {
    const holder = el("figure"); holder.innerHTML = svg; return holder;   // SVG drawn by our own chart code
  }));
}
function renderCharts(charts) {
  svgInto($("#hemicycles"), charts.hemicycles.flatMap((h) => [h.before, h.after]));
  svgInto($("#graphs"), charts.graphs);
  svgInto($("#power-bars"), charts.power.map((p) => p.svg));
}

// -- computing ----------------------------------------------------------------------------------------------
async function loadFields() {   // the edited side's rules, and the parties of both sides (alignments hold for both)
  const side = editedSide();
  const key = JSON.stringify([side, state.before]);
  if (key === fieldsKey) return;
  const [edited, before] = await Promise.all([api("/api/editor", side), api("/api/editor", { target: target(state.before) })]);
  const known = new Set(edited.fields.map((f) => f.path));
  const parties = before.fields.filter((f) => f.path.startsWith("align:") && !known.has(f.path))
    .map((f) => ({ ...f, label: f.label + " (before)" }));
  fields = [...edited.fields, ...parties];
  fieldsKey = key;
}

async function refresh(keepScroll) {
  const mine = ++generation;
  clearErrors();
  saveURL();
  $("#status").textContent = "Computing…";
  document.body.classList.add("busy");
  try { await loadFields(); } catch (problem) { placeError(problem, "after"); }
  renderEditor();
  const { before, after } = sides();
  const made = reform();
  const download = $("#download");
  if (made) {
    download.href = "/api/reform.yaml?r=" + b64url(JSON.stringify({ reform: made, alignments: alignments() }));
    download.classList.remove("disabled");
  } else { download.removeAttribute("href"); download.classList.add("disabled"); }
  const started = performance.now();
  try {
    const [comparison, controlBefore, controlAfter, claims, yaml] = await Promise.all([
      api("/api/compare", { before, after, index: state.index }),
      api("/api/control", before), api("/api/control", after),
      api("/api/claims", { before, after }),
      made ? api("/api/reform", { reform: made, alignments: alignments() }) : Promise.resolve(null),
    ]);
    if (mine !== generation) return;
    renderControl(comparison, controlBefore, controlAfter);
    renderPower(comparison);
    renderClaims(claims);
    renderChanges(comparison);
    $("#yaml").textContent = yaml ? yaml.yaml : "(no change yet: edit a field to build a reform)";
    $("#status").textContent = `${comparison.before.name} → ${comparison.after.name}: ${comparison.changes.length} rules changed ` +
      `(computed in ${Math.round(performance.now() - started)} ms)`;
    document.body.dataset.ready = String(mine);
    // the further views cost the server far more than an edit: ask once the edits pause
    setTimeout(() => { if (mine === generation) loadViews(mine, before, after); }, VIEWS_AFTER_MS);
    api("/api/charts", { before, after, index: state.index }).then((charts) => { if (mine === generation) renderCharts(charts); })
      .catch((problem) => showError(null, problem.message));
  } catch (problem) {
    if (mine !== generation) return;
    placeError(problem, "after");
    $("#status").textContent = "This change cannot be computed; the message says why. The results below are from the last good state.";
    document.body.dataset.ready = String(mine);
  } finally { document.body.classList.remove("busy"); }
}

// -- risk, as a job with progress and cancel -------------------------------------------------------------------
async function runRisk() {
  const { before, after } = sides();
  clearErrors();
  try {
    riskJob = await api("/api/risk", { before, after, draws: Number($("#risk-draws").value), seed: 2007 });
  } catch (problem) { return placeError(problem, "risk"); }
  $("#risk-cancel").disabled = false;
  $("#risk-run").disabled = true;
  while (riskJob && riskJob.state === "running") {
    await new Promise((resolve) => setTimeout(resolve, 300));
    riskJob = await api(`/api/risk/${riskJob.id}`).catch((problem) => ({ state: "failed", error: { message: problem.message } }));
    $("#risk-progress").value = riskJob.progress || 0;
    $("#risk-status").textContent = `${riskJob.state}: ${riskJob.done ?? 0} of ${riskJob.total ?? 0} draws`;
  }
  $("#risk-cancel").disabled = true;
  $("#risk-run").disabled = false;
  if (riskJob?.state === "failed") showError("draws", riskJob.error.message);
  if (riskJob?.state === "done") renderRisk(riskJob.result);
}
function renderRisk(result) {
  const [before, after] = result.versions;
  const percent = (p) => p === null || p === undefined ? "cannot tell" : (100 * p).toFixed(1) + "%";
  const rows = [el("tr", {}, el("th", {}, "decision"), el("th", {}, `P(lose passing alone) ${before.target}`), el("th", {}, after.target))];
  after.procedures.forEach((p) => {
    const old = before.procedures.find((q) => q.procedure === p.procedure) || {};
    rows.push(el("tr", {}, el("td", {}, p.label + (p.assumption ? ` (${p.assumption})` : "")), el("td", {}, percent(old.p_lose_pass)), el("td", {}, percent(p.p_lose_pass))));
  });
  $("#risk-table").querySelector("tbody").replaceChildren(...rows);
}

// -- start ---------------------------------------------------------------------------------------------------
async function chooseReform(body) {
  clearErrors();
  try {
    state.base = (await api("/api/reform/parse", body)).reform;
    state.mode = "reform"; state.edits = {}; state.order = [];
    document.querySelector('input[name=mode][value=reform]').checked = true;
    syncMode();
    refresh();
  } catch (problem) { showError("reform", problem.message); }
}
function syncMode() { document.body.dataset.mode = state.mode; }

async function start() {
  options = await api("/api/options");
  loadURL();
  const constitutions = $("#constitution");
  for (const [id, c] of Object.entries(options.constitutions)) constitutions.append(el("option", { value: id }, `${c.label} (${id})`));
  for (const [id, label] of Object.entries(options.examples)) $("#example").append(el("option", { value: id }, label));
  for (const index of options.indices) $("#index").append(el("option", { value: index }, index));
  const shares = el("datalist", { id: "shares" }, ...["1/2", "3/5", "2/3", "3/4", "3%", "5%", "7%"].map((v) => el("option", { value: v })));
  document.body.append(shares);
  constitutions.value = state.constitution; $("#index").value = state.index;
  $("#before-date").value = state.before; $("#after-date").value = state.after;
  document.querySelector(`input[name=mode][value=${state.mode}]`).checked = true;
  syncMode();
  constitutions.addEventListener("change", () => { state.constitution = constitutions.value; state.edits = {}; state.order = []; refresh(); });
  $("#before-date").addEventListener("change", (e) => { state.before = e.target.value; refresh(); });
  $("#after-date").addEventListener("change", (e) => { state.after = e.target.value; state.edits = {}; state.order = []; refresh(); });
  $("#index").addEventListener("change", (e) => { state.index = e.target.value; refresh(); });
  document.querySelectorAll("input[name=mode]").forEach((radio) => radio.addEventListener("change", () => {
    state.mode = radio.value; state.edits = {}; state.order = []; syncMode();
    if (state.mode === "reform" && !state.base && $("#example").value) chooseReform({ example: $("#example").value }); else refresh();
  }));
  $("#example").addEventListener("change", (e) => { if (e.target.value) chooseReform({ example: e.target.value }); });
  $("#upload").addEventListener("change", (e) => {
    const file = e.target.files[0];
    if (!file) return;
    if (file.size > 200000) return showError("reform", `${file.name} is ${file.size} bytes; reforms up to 200,000 bytes are accepted.`);
    file.text().then((text) => chooseReform({ reform_yaml: text }));
  });
  $("#undo").addEventListener("click", undo);
  $("#reset").addEventListener("click", () => { undoStack.push(JSON.stringify({ edits: state.edits, order: state.order, align: state.align }));
    state.edits = {}; state.order = []; state.align = {}; refresh(); });
  $("#share").addEventListener("click", () => { saveURL(); navigator.clipboard?.writeText(location.href).catch(() => {});
    $("#status").textContent = "The address of this page now encodes the reform: " + location.href.slice(0, 80) + "…"; });
  $("#field-filter").addEventListener("input", renderEditor);
  $("#risk-run").addEventListener("click", runRisk);
  $("#risk-cancel").addEventListener("click", () => riskJob && fetch(`/api/risk/${riskJob.id}`, { method: "DELETE" }));
  await refresh();
}

start().catch((problem) => showError(null, problem.message));
