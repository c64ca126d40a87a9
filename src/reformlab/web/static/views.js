// reformlab web app: the comparison's further views (rules or election, robustness, which amendment did what).
// Loaded before app.js, whose helpers ($, el, fill, svgInto, api) and page state (generation) these call.
"use strict";

// They take seconds, not milliseconds, when not cached: asked for after the rest of the page is drawn.
function viewStatus(selector, stateName, ...children) {
  const node = $(selector);
  node.dataset.state = stateName;
  node.replaceChildren(...children);
}

function renderSplit(split) {
  if (split.unavailable) return viewStatus("#split", "unavailable", el("p", { class: "hint" }, "Not split: " + split.unavailable + "."));
  const rows = Object.entries(split.decisions).map(([key, d]) => el("tr", { "data-decision": key },
    el("td", {}, key), el("td", {}, `${d.control.before} → ${d.control.after}`), el("td", {}, d.control.rules),
    el("td", {}, d.control.election), el("td", {}, d.control.interaction),
    el("td", {}, d.surplus ? `${d.surplus.before} → ${d.surplus.after} (rules ${d.surplus.rules}, vote ${d.surplus.election})` : "—")));
  const table = el("table", { id: "split-table" }, el("thead", {}, el("tr", {}, ...["decision", "control", "rules", "election",
    "interaction", "seats beyond the quota"].map((h) => el("th", {}, h)))), el("tbody", {}, ...rows));
  const modelled = (split.modelled || []).map((m) => el("li", {}, m));
  viewStatus("#split", "done", el("p", {}, `Elections: ${split.elections.join(" → ")}. ` +
    (rows.length ? `${rows.length} decision(s) where the ${split.actor}'s control moved:` : `The ${split.actor}'s control moved in no decision.`)),
    ...(rows.length ? [table] : []), ...(modelled.length ? [el("p", { class: "hint" }, "Modelled, not taken from results:"), el("ul", {}, ...modelled)] : []));
}

function renderRobust(robust) {
  const percent = (share) => (100 * share).toFixed(0) + "%";
  fill("#robust-table", robust.results.map((r) => el("tr", { class: r.share < 1 ? "fragile" : "" },
    el("td", {}, r.id), el("td", {}, r.default),
    el("td", {}, `${r.holds} of ${r.total} (${percent(r.share)}; weighted by confidence ${percent(r.weighted_share)})` +
      (r.interval ? `, 95% interval ${percent(r.interval[0])}–${percent(r.interval[1])}` : "")),
    el("td", {}, r.flipping_set ? r.flipping_set.map((f) => `${f.assumption} ${f.to} instead of ${f.from}`).join("; ") +
      ` → ${r.flipped_to}` : "no combination flips it"))));
  const claims = robust.claims;
  fill("#robust-claims-table", claims.results.map((r) => el("tr", { class: r.share < 1 ? "fragile" : "", "data-claim": r.id },
    el("td", {}, r.id), el("td", {}, r.default), el("td", {}, `${r.holds} of ${r.total} (${percent(r.share)})`),
    el("td", {}, r.flipping_set ? r.flipping_set.map((f) => `${f.assumption} ${f.to} instead of ${f.from}`).join("; ") +
      ` → ${r.flipped_to}` : "no combination flips it"))));
  $("#robust-claims-note").textContent = `The study's claims (${claims.claims}) over every reading of its own versions, ` +
    `${claims.before} → ${claims.after}: ${claims.results.filter((r) => r.share === 1).length} of ${claims.results.length} verdicts hold in all of them.`;
  viewStatus("#robust", "done", el("p", {}, `${robust.readings} readings (${robust.exact ? "every combination" : robust.samples + " drawn, seed " + robust.seed}); ` +
    `${robust.results.filter((r) => r.share === 1).length} of ${robust.results.length} roles hold in all of them. ${robust.note}.`));
}

function renderAttribution(found) {
  $("#waterfalls").replaceChildren();
  if (found.unavailable) return viewStatus("#attribution", "unavailable", el("p", { class: "hint" }, "Not attributed: " + found.unavailable + "."));
  svgInto($("#waterfalls"), found.waterfalls.map((w) => w.svg));
  $("#waterfalls").querySelectorAll("figure").forEach((figure, i) => figure.append(el("figcaption", {}, found.waterfalls[i].sentence)));
  const blocked = found.cannot_tell.map((c) => el("li", {}, `${c.decision}: ${c.reason}`));
  viewStatus("#attribution", "done", el("p", {}, `${found.package}: ${found.amendments} amendment(s), from ${found.source}; seats from ${found.scenario || "no scenario"}. ` +
    (found.waterfalls.length ? `${found.waterfalls.length} waterfall(s) where the ${found.camp}'s control or power moved` :
      `No decision's control or Banzhaf power of the ${found.camp} moved`) + ` (${found.evaluations} versions evaluated).`),
    ...(blocked.length ? [el("details", {}, el("summary", {}, `${blocked.length} decision(s) cannot be attributed`), el("ul", {}, ...blocked))] : []));
}

function loadViews(mine, before, after) {
  for (const [name, path, render] of [["split", "/api/split", renderSplit], ["robust", "/api/robust", renderRobust],
                                       ["attribution", "/api/attribution", renderAttribution]]) {
    viewStatus("#" + name, "computing", el("p", { class: "hint" }, "Computing…"));
    api(path, { before, after }).then((found) => { if (mine === generation) render(found); })
      .catch((problem) => { if (mine === generation) viewStatus("#" + name, "failed", el("p", { class: "error" }, problem.message)); });
  }
}

