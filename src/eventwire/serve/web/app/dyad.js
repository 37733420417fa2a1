// The dyad view: every period of the window (zeros included), cooperation above the axis, conflict below,
// mean Goldstein as a line, the articles read per period beneath; its event clusters and events under it.
import { apiParams, formValues, getJSON, setExports } from "./api.js";
import { el, escapeHTML, eventRow, hideTip, loaded, setStatus, showTip } from "./ui.js";
import { showEvidence } from "./evidence.js";

const COLORS = { 1: "#8bbbe6", 2: "#2f6fb0", 3: "#ef9a6b", 4: "#c53030" };
const MEASURES = { events: "events", per100: "events per 100 articles", clusters: "event clusters" };

export function drawDyad(box, data, measure) {
  box.replaceChildren();
  const series = data.series;
  if (!series.length) { box.append(el("div", { class: "empty" }, "No periods: the store has no dated articles or events.")); return; }
  const width = box.clientWidth || 900, height = 400, m = { top: 24, right: 56, bottom: 34, left: 48 }, panel = 56;
  const chartBottom = height - m.bottom - panel - 34;
  const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("id", "dyad-svg")
    .attr("data-periods", series.length).attr("data-empty-periods", series.filter((d) => d.total === 0).length)
    .attr("data-measure", measure);
  const inner = Math.min(width - m.left - m.right, series.length * 90);  // no bar wider than ~70px
  const left = m.left + (width - m.left - m.right - inner) / 2;
  const x = d3.scaleBand().domain(series.map((d) => d.period)).range([left, left + inner]).padding(series.length > 200 ? 0 : 0.2);
  const scale = (d, v) => (measure === "per100" ? (d.articles ? (100 * v) / d.articles : 0) : v);
  const tip = (d) => `<b>${escapeHTML(d.period)}</b><br>${d.total} events: cooperation ${d.cooperation} · conflict ${d.conflict}` +
    `<br>mean Goldstein ${d.goldstein_mean ?? "—"}<br>${d.articles} articles read` +
    (d.per_100_articles != null ? ` · ${d.per_100_articles} events per 100` : "") + (d.clusters != null ? `<br>${d.clusters} event clusters` : "");
  let y;
  if (measure === "clusters") {
    const most = d3.max(series, (d) => d.clusters) || 1;
    y = d3.scaleLinear().domain([0, most]).nice().range([chartBottom, m.top]);
    svg.append("g").selectAll("rect").data(series.filter((d) => d.clusters)).join("rect").attr("class", "bar clusters")
      .attr("data-period", (d) => d.period).attr("data-value", (d) => d.clusters)
      .attr("x", (d) => x(d.period)).attr("width", x.bandwidth()).attr("y", (d) => y(d.clusters)).attr("height", (d) => y(0) - y(d.clusters))
      .on("mousemove", (ev, d) => showTip(ev, tip(d))).on("mouseleave", hideTip);
  } else {
    const most = d3.max(series, (d) => Math.max(scale(d, d.cooperation), scale(d, d.conflict))) || 1;
    y = d3.scaleLinear().domain([-most, most]).nice().range([chartBottom, m.top]);
    const stack = (d, quads, sign) => { let base = 0; return quads.map((q) => { const v = scale(d, d.quad[q]); const s = { q, y0: base, y1: base + sign * v, d }; base += sign * v; return s; }); };
    const pieces = series.flatMap((d) => [...stack(d, ["1", "2"], 1), ...stack(d, ["3", "4"], -1)]).filter((p) => p.y0 !== p.y1);
    svg.append("g").selectAll("rect").data(pieces).join("rect")
      .attr("class", (p) => (p.q >= "3" ? "bar conflict" : "bar cooperation"))
      .attr("data-period", (p) => p.d.period).attr("data-quad", (p) => p.q).attr("data-value", (p) => Math.abs(p.y1 - p.y0))
      .attr("x", (p) => x(p.d.period)).attr("width", x.bandwidth())
      .attr("y", (p) => y(Math.max(p.y0, p.y1))).attr("height", (p) => Math.abs(y(p.y0) - y(p.y1)))
      .attr("fill", (p) => COLORS[p.q])
      .on("mousemove", (ev, p) => showTip(ev, tip(p.d))).on("mouseleave", hideTip);
    const g = d3.scaleLinear().domain([-10, 10]).range([chartBottom, m.top]);
    const line = d3.line().defined((d) => d.goldstein_mean != null).x((d) => x(d.period) + x.bandwidth() / 2).y((d) => g(d.goldstein_mean));
    svg.append("path").datum(series).attr("class", "goldstein").attr("fill", "none").attr("stroke", "#e0a526").attr("stroke-width", 2.5).attr("d", line);
    svg.append("g").selectAll("circle").data(series.filter((d) => d.goldstein_mean != null)).join("circle").attr("r", 3).attr("fill", "#e0a526")
      .attr("cx", (d) => x(d.period) + x.bandwidth() / 2).attr("cy", (d) => g(d.goldstein_mean));
    svg.append("g").attr("class", "axis").attr("transform", `translate(${width - m.right},0)`).call(d3.axisRight(g).ticks(5));
    svg.append("text").attr("x", width - m.right + 36).attr("y", m.top - 8).attr("class", "muted").attr("font-size", 11).attr("text-anchor", "end").text("Goldstein");
  }
  svg.append("line").attr("x1", m.left).attr("x2", width - m.right).attr("y1", y(0)).attr("y2", y(0)).attr("stroke", "#8795a3");
  svg.append("g").attr("class", "axis").attr("transform", `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(6).tickFormat((v) => Math.abs(v)));
  // The articles read in each period: one bar a period, zero included, beneath the chart.
  const top = height - m.bottom - panel;
  const a = d3.scaleLinear().domain([0, d3.max(series, (d) => d.articles) || 1]).range([height - m.bottom, top]);
  svg.append("g").selectAll("rect").data(series).join("rect").attr("class", "articles-bar")
    .attr("data-period", (d) => d.period).attr("data-articles", (d) => d.articles).attr("data-total", (d) => d.total)
    .attr("x", (d) => x(d.period)).attr("width", Math.max(x.bandwidth(), 1)).attr("y", (d) => a(d.articles)).attr("height", (d) => a(0) - a(d.articles))
    .on("mousemove", (ev, d) => showTip(ev, tip(d))).on("mouseleave", hideTip);
  svg.append("g").attr("class", "axis").attr("transform", `translate(${m.left},0)`).call(d3.axisLeft(a).ticks(2));
  svg.append("text").attr("x", m.left + 4).attr("y", top - 4).attr("class", "muted").attr("font-size", 11).text("articles read");
  const every = Math.ceil(series.length / 12);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - m.bottom})`)
    .call(d3.axisBottom(x).tickValues(x.domain().filter((_, i) => i % every === 0)));
  const legend = measure === "clusters" ? [["event clusters (one real-world event each)", "#2f6fb0"]] :
    [["cooperation (verbal)", COLORS[1]], ["cooperation (material)", COLORS[2]], ["conflict (verbal)", COLORS[3]], ["conflict (material)", COLORS[4]], ["mean Goldstein", "#e0a526"]];
  const lg = svg.append("g").attr("transform", `translate(${m.left + 6},${m.top - 12})`);
  legend.forEach(([label, color], i) => {
    const item = lg.append("g").attr("class", "legend-item").attr("transform", `translate(${i * 150},0)`);
    item.append("rect").attr("width", 10).attr("height", 10).attr("y", -9).attr("fill", color);
    item.append("text").attr("x", 14).text(label);
  });
}

function clusterRow(c) {
  const key = c.key, flags = [key.negated ? "negated" : "", key.hypothetical ? "hypothetical" : ""].filter(Boolean);
  const mentions = c.members.map((mention) => el("a", { class: "mention", "data-key": mention.key, title: "open the evidence",
    onclick: () => showEvidence(mention.key) }, `${mention.article.id}: ${mention.evidence.length > 120 ? mention.evidence.slice(0, 117) + "…" : mention.evidence}`));
  return el("tr", { class: "cluster", "data-id": c.id, "data-articles": c.num_articles, "data-sources": c.num_sources },
    el("td", {}, c.first_date ?? ""),
    el("td", {}, el("span", { class: "code" }, `${key.source_code ?? "?"} ${key.cameo} ${key.target_code ?? "—"}`),
      ...flags.map((f) => el("span", { class: `flag ${f}` }, f))),
    el("td", {}, String(c.num_mentions)), el("td", {}, String(c.num_articles)),
    el("td", { title: c.sources.join(", ") }, `${c.num_sources}${c.sources.length ? ": " + c.sources.join(", ") : ""}`),
    el("td", { class: "evidence" }, ...mentions));
}

export function initDyad() {
  const form = document.getElementById("dyad-form"), tbody = document.querySelector("#dyad-events tbody");
  const clusterBody = document.querySelector("#dyad-clusters tbody");
  const more = document.getElementById("dyad-more"), moreClusters = document.getElementById("dyad-clusters-more");
  let params = null, cursor = null, clusterCursor = null;
  async function loadEvents(reset) {
    const page = await getJSON("/api/dyads/events", { ...params, limit: 50, cursor: reset ? null : cursor });
    if (reset) tbody.replaceChildren();
    for (const event of page.items) tbody.append(eventRow(event, showEvidence));
    cursor = page.next_cursor; more.hidden = !cursor;
    document.getElementById("dyad-count").textContent = `(${tbody.children.length}${cursor ? "+" : ""})`;
  }
  async function loadClusters(reset) {
    const page = await getJSON("/api/dyads/clusters", { ...params, limit: 20, cursor: reset ? null : clusterCursor });
    if (reset) clusterBody.replaceChildren();
    for (const c of page.items) clusterBody.append(clusterRow(c));
    clusterCursor = page.next_cursor; moreClusters.hidden = !clusterCursor;
    document.getElementById("dyad-cluster-count").textContent = `(${clusterBody.children.length}${clusterCursor ? "+" : ""})`;
    document.getElementById("dyad-cluster-note").textContent = page.note ?? "";
  }
  async function show() {
    const values = formValues(form);
    values.a = values.a.trim().toUpperCase(); values.b = values.b.trim().toUpperCase();
    const measure = values.measure || "events";
    params = apiParams(values);
    setStatus(`loading ${params.a}–${params.b}…`);
    try {
      const data = await getJSON("/api/dyads", { ...params, clusters: measure === "clusters" ? "true" : null });
      const summary = document.getElementById("dyad-summary");
      summary.dataset.total = data.total; summary.dataset.articles = data.articles;
      summary.innerHTML =
        `<b>${escapeHTML(data.a)}–${escapeHTML(data.b)}</b>: ${data.total} ${data.all_events ? "events (all, flags included)" : "actual events"}` +
        (data.total ? `, mean Goldstein <b>${data.goldstein_mean}</b>, ${d3.sum(data.series, (d) => d.cooperation)} cooperation, ${d3.sum(data.series, (d) => d.conflict)} conflict` : "") +
        ` · ${data.articles} articles read in ${data.series.length} ${data.interval}s · showing ${MEASURES[measure]}` +
        (data.clusters != null ? ` · ${data.clusters} event clusters` : "");
      drawDyad(document.getElementById("dyad-chart"), data, measure);
      setExports(document.getElementById("dyad-exports"), {
        events: { path: "/api/export/dyad", extra: { what: "events" } },
        series: { path: "/api/export/dyad", extra: { what: "series", clusters: measure === "clusters" ? "true" : null } },
      }, params);
      await Promise.all([loadEvents(true), loadClusters(true)]);
      setStatus(`${data.a}–${data.b}: ${data.total} events`);
      document.body.dataset.dyad = `${data.a}-${data.b}`;
      loaded("dyad");
    } catch (err) { setStatus(`error: ${err.message}`); }
  }
  more.addEventListener("click", () => loadEvents(false));
  moreClusters.addEventListener("click", () => loadClusters(false));
  const list = document.getElementById("actor-list");
  form.querySelectorAll("input[list]").forEach((input) => input.addEventListener("input", async () => {
    if (input.value.length < 2) return;
    const found = await getJSON("/api/actors", { q: input.value, limit: 10 }).catch(() => ({ items: [] }));
    list.replaceChildren(...found.items.map((a) => el("option", { value: a.code || a.id }, a.name)));
  }));
  return show;
}
