// tripwire dashboard: plain JavaScript over the JSON API; every number leads to its sentences.
"use strict";

// quads, types and modalities come from /api/ontology (one colour per quad, as in the report)
let QUADS = [];
const state = { filters: {}, page: 1, pageSize: 25, total: 0, sort: "-date", alerts: [], names: {}, loading: 0, errorWhere: null };

// ---- small helpers ---------------------------------------------------------------------
const $ = (selector) => document.querySelector(selector);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "onclick") node.addEventListener("click", value);
    else if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function apiUrl(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v) => url.searchParams.append(key, v));
    else if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
  }
  return url;
}

function setLoading(change) {
  state.loading += change;
  $("#loading").hidden = state.loading === 0;
  document.body.setAttribute("aria-busy", String(state.loading > 0));
}

async function api(path, params = {}) {
  setLoading(1);
  try {
    let response;
    try { response = await fetch(apiUrl(path, params)); }
    catch (error) { throw new Error(`the server cannot be reached (${error.message})`); }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.message || `${response.status} ${response.statusText}`);
    return body;
  } finally {
    setLoading(-1);
  }
}

// ---- errors: shown in the page, where the reader looks -----------------------------------
function showError(where, error) {
  state.errorWhere = where;
  $("#error-text").textContent = `${where}: ${error.message || error}`;
  $("#error").hidden = false;
}

function clearError(where) {
  if (state.errorWhere !== where) return;
  state.errorWhere = null;
  $("#error").hidden = true;
}

async function guarded(where, load) {
  try { await load(); clearError(where); }
  catch (error) { showError(where, error); }
}

// A dyad as the API reads it: "->" separates ids that may themselves hold hyphens.
function dyadValue(source, target) { return `${source}->${target}`; }
function actorName(id) { return state.names[id] || id; }
function dyadLabel(value) {
  const [source, target] = value.split("->");
  return `${actorName(source)} \u2192 ${actorName(target)}`;
}
function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// ---- alerts ----------------------------------------------------------------------------
async function loadAlerts() {
  const body = await api("/api/alerts");
  state.alerts = body.alerts;
  const note = $("#alerts-note");
  note.hidden = !body.note;
  note.textContent = body.note || "";
  const list = $("#alert-list");
  list.replaceChildren();
  if (!body.alerts.length) list.append(el("li", { class: "empty" }, "No alerts."));
  for (const alert of body.alerts) {
    list.append(el("li", {
      class: `alert ${alert.level}`, "data-alert": alert.id, tabindex: "0",
      onclick: (event) => openAlert(alert, event.currentTarget),
    },
    el("span", { class: "level" }, alert.level),
    el("span", { class: "dyad" }, `${alert.source} \u2192 ${alert.target}`),
    ` ${alert.start} to ${alert.end} \u00b7 ${alert.event_ids.length} events`,
    el("span", { class: "summary" }, alert.summary)));
  }
}

function openAlert(alert, item) {
  document.querySelectorAll(".alert.active").forEach((n) => n.classList.remove("active"));
  if (item) item.classList.add("active");
  $("#timeline-both").checked = !alert.directed;
  selectDyad(dyadValue(alert.source, alert.target));
  setFilters({ id: alert.event_ids }, `the ${alert.event_ids.length} events behind alert ${alert.source} \u2192 ${alert.target}, ${alert.start} to ${alert.end}`);
}

// ---- timeline --------------------------------------------------------------------------
function offerDyad(value) {
  const select = $("#timeline-dyad");
  if (![...select.options].some((o) => o.value === value)) select.append(el("option", { value }, dyadLabel(value)));
}

function selectDyad(value) {
  offerDyad(value);
  $("#timeline-dyad").value = value;
  return guarded("timeline", loadTimeline);
}

async function loadTimeline() {
  const dyad = $("#timeline-dyad").value;
  const by = $("#timeline-by").value;
  const chart = $("#timeline");
  if (!dyad) { chart.replaceChildren(el("p", { class: "note" }, "No dyad to show yet.")); return; }
  const directed = !$("#timeline-both").checked;
  let body;
  try { body = await api("/api/signals", { dyad, by, directed }); }
  catch (error) { Plotly.purge(chart); chart.replaceChildren(); throw error; }
  const note = $("#timeline-note");
  note.hidden = !body.note;
  note.textContent = body.note || "";
  const periods = body.series.map((p) => p.period);
  const tallest = Math.max(0, ...body.series.map((p) => QUADS.reduce((sum, q) => sum + p[q.name], 0)));
  const traces = QUADS.map((quad) => ({
    type: "bar", name: quad.label, x: periods, y: body.series.map((p) => p[quad.name]),
    marker: { color: quad.colour }, customdata: body.series.map(() => quad.name),
    hovertemplate: `%{x}: %{y} ${quad.label}<extra></extra>`,
  }));
  traces.push({
    type: "scatter", mode: "lines+markers", name: "conflict share index", yaxis: "y2",
    x: body.index.map((p) => p.period), y: body.index.map((p) => p.index),
    line: { color: "#1d2330", width: 2 }, customdata: body.index.map(() => null),
  });
  // a day's bar is centred on its midnight: shade alerts from half a day before to after
  const halfDay = (day, sign) => new Date(Date.parse(`${day}T00:00:00Z`) + sign * 43200000).toISOString();
  const shapes = body.alerts.map((a) => ({
    type: "rect", xref: "x", yref: "paper", x0: halfDay(a.start, -1), x1: halfDay(a.end, 1), y0: 0, y1: 1,
    fillcolor: "rgba(192,57,43,0.12)", line: { width: 0 },
  }));
  const annotations = body.alerts.map((a) => ({
    x: halfDay(a.start, -1), y: 1, xref: "x", yref: "paper", text: `\u26a0 ${a.level}`, showarrow: false, xanchor: "left",
    yanchor: "bottom", font: { color: "#c0392b" },
  }));
  const layout = {
    barmode: "stack", height: 340, margin: { l: 40, r: 40, t: 24, b: 40 },
    legend: { orientation: "h", y: -0.2 }, shapes, annotations,
    xaxis: { type: "date", tickformat: "%b %d, %Y", range: recentRange(body.series, by),
      dtick: periods.length <= 14 ? (by === "week" ? 7 : 1) * 86400000 : undefined },
    yaxis: { title: "incidents", tickformat: ",d", rangemode: "tozero", dtick: tallest <= 6 ? 1 : undefined },
    yaxis2: { title: "index", overlaying: "y", side: "right", zeroline: false },
  };
  await Plotly.react(chart, traces, layout, { displayModeBar: false, responsive: true });
  chart.removeAllListeners?.("plotly_click");
  chart.on("plotly_click", (data) => {
    const point = data.points[0];
    const day = String(point.x).slice(0, 10);
    const last = by === "week" ? addDays(day, 6) : day;
    const quad = point.customdata || "";
    setFilters({ dyad, directed, quad, from: day, to: last },
      `${dyadLabel(dyad)} ${quad ? quad.replace("_", " ") + " " : ""}events, ${day}${last !== day ? " to " + last : ""}`);
  });
}

function recentRange(series, by) {
  // open on the latest months; an old historical incident stays reachable by panning
  const active = series.filter((p) => p.incidents > 0).map((p) => p.period);
  if (!active.length) return undefined;
  const last = active[active.length - 1];
  const span = by === "week" ? 364 : 120;
  const first = active.find((p) => p >= addDays(last, -span)) || last;
  const pad = by === "week" ? 7 : 1;
  return [addDays(first, -pad), addDays(last, pad)];
}

function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

// ---- event table -----------------------------------------------------------------------
function setFilters(filters, label) {
  state.filters = filters;
  state.label = label || "";
  state.page = 1;
  const form = $("#filters");
  for (const input of form.elements) {
    if (input.name) input.value = Array.isArray(filters[input.name]) ? "" : (filters[input.name] || "");
  }
  loadEvents();
}

function showSort() {
  const [column, descending] = [state.sort.replace(/^-/, ""), state.sort.startsWith("-")];
  for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
    if (th.dataset.sort === column) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    else th.removeAttribute("aria-sort");
  }
}

function sortBy(column) {
  // a new column starts newest / Z first for dates, A first otherwise; a second click reverses
  const current = state.sort.replace(/^-/, "");
  if (current === column) state.sort = state.sort.startsWith("-") ? column : `-${column}`;
  else state.sort = column === "date" ? "-date" : column;
  state.page = 1;
  loadEvents();
}

function showExports(filters) {
  for (const [id, format] of [["#export-csv", "csv"], ["#export-plover", "plover"]]) {
    const link = $(id);
    if (filters) link.href = apiUrl("/api/export/events", { ...filters, format }).toString();
    else link.removeAttribute("href");
  }
}

async function loadEvents() {
  showSort();
  const rows = $("#events-table tbody");
  let body;
  try {
    body = await api("/api/events", { ...state.filters, sort: state.sort, page: state.page, page_size: state.pageSize });
  } catch (error) {
    // stale rows would pass for the answer to the new filter: clear them
    rows.replaceChildren();
    state.total = 0;
    $("#events-summary").textContent = `no events: ${error.message}`;
    $("#page-info").textContent = "";
    $("#page-prev").disabled = $("#page-next").disabled = true;
    showExports(null);
    showError("events", error);
    return;
  }
  clearError("events");
  state.total = body.total;
  showExports(state.filters);
  rows.replaceChildren();
  for (const e of body.events) {
    rows.append(el("tr", { "data-event": e.id, onclick: (ev) => showEvent(e.id, ev.currentTarget) },
      el("td", {}, e.date || e.published || ""),
      quadCell(e),
      el("td", {}, e.source_actor || ""),
      el("td", {}, e.target_actor || ""),
      el("td", {}, e.modality),
      el("td", { class: "sentence" }, e.sentence_text || "")));
  }
  const pages = Math.max(1, Math.ceil(body.total / state.pageSize));
  $("#events-summary").textContent = `${body.total} events${state.label ? ": " + state.label : ""}`;
  $("#page-info").textContent = `page ${state.page} of ${pages}`;
  $("#page-prev").disabled = state.page <= 1;
  $("#page-next").disabled = state.page >= pages;
}

// ---- article view ----------------------------------------------------------------------
function showEvent(eventId, row) {
  return guarded("event", () => openEvent(eventId, row));
}

async function openEvent(eventId, row) {
  document.querySelectorAll("#events-table tr.active").forEach((n) => n.classList.remove("active"));
  if (row) row.classList.add("active");
  const event = await api(`/api/events/${encodeURIComponent(eventId)}`);
  const facts = [
    ["Event", `${event.type}${event.mode ? " (" + event.mode + ")" : ""}`],
    ["Who", `${event.source_actor || "?"} \u2192 ${event.target_actor || "?"}`],
    ["When", event.date || `reported ${event.published || "?"}`],
    ["Modality", event.modality + (event.attributed_to ? `, according to ${event.attributed_to}` : "")],
    ["Trigger", event.trigger_text || ""],
  ];
  if (event.incident) {
    facts.push(["Incident", `${plural(event.incident.num_events, "report")} in ${plural(event.incident.num_articles, "article")}`]);
  }
  $("#event-detail").replaceChildren(el("dl", { "data-event": event.id },
    ...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
  await openArticle(event.article_id, { start: event.sentence_start, end: event.sentence_end });
}

function segments(text, spans) {
  // Cut the text at every span boundary; each piece carries every span that covers it.
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    pieces.push({ start, end, spans: spans.filter((s) => s.start <= start && s.end >= end) });
  }
  return pieces;
}

function webUrl(text) {
  // only http(s) addresses become links: a stored "javascript:" or "data:" URL must not run
  try { return ["http:", "https:"].includes(new URL(text).protocol) ? text : null; }
  catch { return null; }
}

function showArticle(articleId, selected) {
  return guarded("article", () => openArticle(articleId, selected));
}

async function openArticle(articleId, selected) {
  const article = await api(`/api/articles/${encodeURIComponent(articleId)}`);
  const original = article.url ? webUrl(article.url) : null;
  $("#article-heading").textContent = article.title || article.id;
  $("#article-meta").replaceChildren(
    [article.source, article.published].filter(Boolean).join(" \u00b7 "), " ",
    original ? el("a", { href: original, rel: "noreferrer noopener", target: "_blank" }, "original") : null);
  const box = $("#article-text");
  box.replaceChildren();
  const spans = selected ? [...article.spans, { kind: "selected", ...selected }] : article.spans;
  for (const piece of segments(article.text, spans)) {
    const text = article.text.slice(piece.start, piece.end);
    if (!piece.spans.length) { box.append(text); continue; }
    const classes = [...new Set(piece.spans.map((s) => (s.kind === "selected" ? "sel" : `sp-${s.kind}`)))];
    const titles = piece.spans.filter((s) => s.kind !== "selected")
      .map((s) => `${s.kind}${s.label ? ": " + s.label : ""}`);
    const sentence = piece.spans.find((s) => s.kind === "sentence");
    const node = el("span", { class: classes.join(" "), title: titles.join("\n"),
      "data-event": sentence ? sentence.ref : null }, text);
    if (sentence) node.addEventListener("click", () => showEvent(sentence.ref));
    box.append(node);
  }
  const first = box.querySelector(".sel");
  if (first) first.scrollIntoView({ block: "center" });
}

// ---- quotes by speaker -----------------------------------------------------------------
async function loadQuotes() {
  const speakers = await api("/api/quotes", { speakers: 15, per_speaker: 5 });
  const box = $("#quotes");
  box.replaceChildren();
  if (!speakers.length) box.append(el("p", { class: "note" }, "No attributed quotes."));
  for (const s of speakers) {
    const items = s.quotes.map((q) => el("li", {
      onclick: () => showArticle(q.article_id, { start: q.start, end: q.end }),
    }, `\u201c${q.text}\u201d `, el("span", { class: "kind" }, `${q.kind}, ${q.published || ""}`)));
    box.append(el("details", { class: "speaker" },
      el("summary", {}, s.speaker, " ", el("span", { class: "count" }, `(${s.count} quotes${s.actor ? ", " + s.actor : ""})`)),
      el("ul", {}, ...items)));
  }
}

// ---- actor network ---------------------------------------------------------------------
async function loadNetwork() {
  const net = await api("/api/network", { limit: 30 });
  const chart = $("#network");
  for (const a of net.actors) if (a.name) state.names[a.id] = a.name;
  const dyads = net.edges.map((e) => dyadValue(e.source, e.target));
  for (const alert of state.alerts) dyads.unshift(dyadValue(alert.source, alert.target));
  for (const value of [...new Set(dyads)]) offerDyad(value);
  if (!net.actors.length) { chart.replaceChildren(el("p", { class: "note" }, "No events between actors yet.")); return; }
  const n = net.actors.length;
  const pos = {};
  net.actors.forEach((a, i) => {
    const angle = (2 * Math.PI * i) / n;
    pos[a.id] = [Math.cos(angle), Math.sin(angle)];
  });
  const biggest = Math.max(...net.edges.map((e) => e.events));
  // each direction of a pair is drawn beside the other: shift it to its own right
  const ends = (e) => {
    const [x0, y0] = pos[e.source];
    const [x1, y1] = pos[e.target];
    const length = Math.hypot(x1 - x0, y1 - y0) || 1;
    const [dx, dy] = [(0.04 * (y1 - y0)) / length, (-0.04 * (x1 - x0)) / length];
    return [[x0 + dx, y0 + dy], [x1 + dx, y1 + dy]];
  };
  const along = (e, t) => {
    const [[x0, y0], [x1, y1]] = ends(e);
    return [x0 + t * (x1 - x0), y0 + t * (y1 - y0)];
  };
  const traces = net.edges.map((e) => ({
    type: "scatter", mode: "lines", hoverinfo: "skip", showlegend: false,
    x: ends(e).map((p) => p[0]), y: ends(e).map((p) => p[1]),
    line: { width: 1 + (5 * e.events) / biggest, color: e.conflict >= e.cooperation ? "rgba(192,57,43,.6)" : "rgba(36,113,163,.6)" },
  }));
  traces.push({
    type: "scatter", mode: "markers", showlegend: false, marker: { size: 9, color: "#1d2330", symbol: "diamond" },
    x: net.edges.map((e) => along(e, 0.3)[0]), y: net.edges.map((e) => along(e, 0.3)[1]),
    customdata: net.edges.map((e) => ({ dyad: dyadValue(e.source, e.target) })),
    text: net.edges.map((e) => `${actorName(e.source)} \u2192 ${actorName(e.target)}: ${e.events} events (${e.conflict} conflict, ${e.cooperation} cooperation)`),
    hoverinfo: "text",
  });
  traces.push({
    type: "scatter", mode: "markers+text", showlegend: false, textposition: "top center",
    x: net.actors.map((a) => pos[a.id][0]), y: net.actors.map((a) => pos[a.id][1]),
    text: net.actors.map((a) => actorName(a.id)), customdata: net.actors.map((a) => ({ actor: a.id })),
    hovertext: net.actors.map((a) => `${actorName(a.id)} (${a.id}): ${a.as_source} as source, ${a.as_target} as target`),
    hoverinfo: "text", marker: { size: net.actors.map((a) => 10 + Math.sqrt(a.as_source + a.as_target) * 3), color: "#6c8ebf" },
  });
  const annotations = net.edges.map((e) => ({
    ax: along(e, 0.55)[0], ay: along(e, 0.55)[1], x: along(e, 0.88)[0], y: along(e, 0.88)[1],
    xref: "x", yref: "y", axref: "x", ayref: "y",
    showarrow: true, arrowhead: 2, arrowsize: 1, arrowwidth: 1.2, arrowcolor: "#7f8c8d", text: "",
  }));
  const axis = { visible: false, range: [-1.3, 1.3] };
  const height = Math.max(320, Math.min(520, chart.clientWidth));
  await Plotly.react(chart, traces, { height, margin: { l: 10, r: 10, t: 10, b: 10 }, xaxis: axis, yaxis: { ...axis, scaleanchor: "x" }, annotations }, { displayModeBar: false, responsive: true });
  chart.removeAllListeners?.("plotly_click");
  chart.on("plotly_click", (data) => {
    const picked = data.points[0].customdata;
    if (!picked) return;
    if (picked.dyad) { selectDyad(picked.dyad); setFilters({ dyad: picked.dyad }, `events ${dyadLabel(picked.dyad)}`); }
    if (picked.actor) setFilters({ actor: picked.actor }, `events of ${actorName(picked.actor)}`);
  });
}

// ---- start -----------------------------------------------------------------------------
async function fillVocabularies() {
  const ontology = await api("/api/ontology");
  QUADS = ontology.quads;
  for (const [field, entries] of [["type", ontology.types], ["quad", ontology.quads], ["modality", ontology.modalities]]) {
    const select = $(`#filters select[name=${field}]`);
    for (const { name } of entries) select.append(el("option", { value: name }, name));
  }
}

function quadCell(e) {
  const cell = el("td", { class: "quad" }, e.type);
  cell.style.color = (QUADS.find((q) => q.name === e.quad) || {}).colour || "inherit";  // CSSOM: CSP-safe
  return cell;
}

function wireForms() {
  $("#filters").addEventListener("submit", (event) => {
    event.preventDefault();
    const filters = Object.fromEntries([...new FormData(event.target)].filter(([, v]) => v !== ""));
    setFilters(filters, "filtered");
  });
  $("#filters-clear").addEventListener("click", () => setFilters({}, ""));
  $("#page-prev").addEventListener("click", () => { state.page -= 1; loadEvents(); });
  $("#page-next").addEventListener("click", () => { state.page += 1; loadEvents(); });
  const timeline = () => guarded("timeline", loadTimeline);
  $("#timeline-dyad").addEventListener("change", timeline);
  $("#timeline-by").addEventListener("change", timeline);
  $("#timeline-both").addEventListener("change", timeline);
  for (const th of document.querySelectorAll("#events-table th[data-sort]")) {
    th.querySelector("button").addEventListener("click", () => sortBy(th.dataset.sort));
  }
  $("#error-close").addEventListener("click", () => clearError(state.errorWhere));
}

async function start() {
  wireForms();
  await guarded("vocabularies", fillVocabularies);
  await guarded("alerts", loadAlerts);
  await guarded("network", loadNetwork);
  if (state.alerts.length) {
    $("#timeline-both").checked = !state.alerts[0].directed;
    await selectDyad(dyadValue(state.alerts[0].source, state.alerts[0].target));
  }
  else await guarded("timeline", loadTimeline);
  await Promise.all([loadEvents(), guarded("quotes", loadQuotes)]);
}

window.addEventListener("error", (event) => showError("page", event.error || new Error(event.message)));
window.addEventListener("unhandledrejection", (event) => showError("page", event.reason));
start().finally(() => { document.body.dataset.ready = "true"; });
