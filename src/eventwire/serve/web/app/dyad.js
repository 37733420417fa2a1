// The dyad view: cooperation above the axis, conflict below, mean Goldstein as a line; the events under it.
import { formValues, getJSON } from "./api.js";
import { el, eventRow, hideTip, setStatus, showTip } from "./ui.js";
import { showEvidence } from "./evidence.js";

const COLORS = { 1: "#8bbbe6", 2: "#2f6fb0", 3: "#ef9a6b", 4: "#c53030" };

export function drawDyad(box, data) {
  box.replaceChildren();
  if (!data.series.length) { box.append(el("div", { class: "empty" }, "No events between these two.")); return; }
  const width = box.clientWidth || 900, height = 320, m = { top: 24, right: 56, bottom: 34, left: 48 };
  const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("id", "dyad-svg");
  const inner = Math.min(width - m.left - m.right, data.series.length * 90);  // no bar wider than ~70px
  const left = m.left + (width - m.left - m.right - inner) / 2;
  const x = d3.scaleBand().domain(data.series.map((d) => d.period)).range([left, left + inner]).padding(0.2);
  const most = d3.max(data.series, (d) => Math.max(d.cooperation, d.conflict)) || 1;
  const y = d3.scaleLinear().domain([-most, most]).nice().range([height - m.bottom, m.top]);
  const g = d3.scaleLinear().domain([-10, 10]).range([height - m.bottom, m.top]);
  const stack = (d, quads, sign) => { let base = 0; return quads.map((q) => { const v = d.quad[q]; const s = { q, y0: base, y1: base + sign * v, d }; base += sign * v; return s; }); };
  const pieces = data.series.flatMap((d) => [...stack(d, ["1", "2"], 1), ...stack(d, ["3", "4"], -1)]).filter((p) => p.y0 !== p.y1);
  svg.append("g").selectAll("rect").data(pieces).join("rect")
    .attr("class", (p) => (p.q >= "3" ? "bar conflict" : "bar cooperation"))
    .attr("data-period", (p) => p.d.period).attr("data-quad", (p) => p.q)
    .attr("x", (p) => x(p.d.period)).attr("width", x.bandwidth())
    .attr("y", (p) => y(Math.max(p.y0, p.y1))).attr("height", (p) => Math.abs(y(p.y0) - y(p.y1)))
    .attr("fill", (p) => COLORS[p.q])
    .on("mousemove", (ev, p) => showTip(ev, `<b>${p.d.period}</b><br>cooperation ${p.d.cooperation} · conflict ${p.d.conflict}<br>mean Goldstein ${p.d.goldstein_mean}`))
    .on("mouseleave", hideTip);
  svg.append("line").attr("x1", m.left).attr("x2", width - m.right).attr("y1", y(0)).attr("y2", y(0)).attr("stroke", "#8795a3");
  const line = d3.line().x((d) => x(d.period) + x.bandwidth() / 2).y((d) => g(d.goldstein_mean));
  svg.append("path").datum(data.series).attr("class", "goldstein").attr("fill", "none").attr("stroke", "#e0a526").attr("stroke-width", 2.5).attr("d", line);
  svg.append("g").selectAll("circle").data(data.series).join("circle").attr("r", 3.5).attr("fill", "#e0a526")
    .attr("cx", (d) => x(d.period) + x.bandwidth() / 2).attr("cy", (d) => g(d.goldstein_mean));
  const every = Math.ceil(data.series.length / 12);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - m.bottom})`)
    .call(d3.axisBottom(x).tickValues(x.domain().filter((_, i) => i % every === 0)));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(6).tickFormat((v) => Math.abs(v)));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${width - m.right},0)`).call(d3.axisRight(g).ticks(5));
  svg.append("text").attr("x", width - m.right + 36).attr("y", m.top - 8).attr("class", "muted").attr("font-size", 11).attr("text-anchor", "end").text("Goldstein");
  const legend = [["cooperation (verbal)", COLORS[1]], ["cooperation (material)", COLORS[2]], ["conflict (verbal)", COLORS[3]], ["conflict (material)", COLORS[4]], ["mean Goldstein", "#e0a526"]];
  const lg = svg.append("g").attr("transform", `translate(${m.left + 6},${m.top - 12})`);
  legend.forEach(([label, color], i) => {
    const item = lg.append("g").attr("class", "legend-item").attr("transform", `translate(${i * 150},0)`);
    item.append("rect").attr("width", 10).attr("height", 10).attr("y", -9).attr("fill", color);
    item.append("text").attr("x", 14).text(label);
  });
}

export function initDyad() {
  const form = document.getElementById("dyad-form"), tbody = document.querySelector("#dyad-events tbody");
  const more = document.getElementById("dyad-more");
  let params = null, cursor = null;
  async function loadEvents(reset) {
    const page = await getJSON("/api/dyads/events", { ...params, limit: 50, cursor: reset ? null : cursor });
    if (reset) tbody.replaceChildren();
    for (const event of page.items) tbody.append(eventRow(event, showEvidence));
    cursor = page.next_cursor; more.hidden = !cursor;
    document.getElementById("dyad-count").textContent = `(${tbody.children.length}${cursor ? "+" : ""})`;
  }
  async function show() {
    params = formValues(form);
    params.a = params.a.trim().toUpperCase(); params.b = params.b.trim().toUpperCase();
    setStatus(`loading ${params.a}–${params.b}…`);
    try {
      const data = await getJSON("/api/dyads", params);
      document.getElementById("dyad-summary").innerHTML =
        `<b>${data.a}–${data.b}</b>: ${data.total} events` + (data.total ? `, mean Goldstein <b>${data.goldstein_mean}</b>, ` +
        `${d3.sum(data.series, (d) => d.cooperation)} cooperation, ${d3.sum(data.series, (d) => d.conflict)} conflict` : "");
      drawDyad(document.getElementById("dyad-chart"), data);
      await loadEvents(true);
      setStatus(`${data.a}–${data.b}: ${data.total} events`);
      document.body.dataset.dyad = `${data.a}-${data.b}`;
    } catch (err) { setStatus(`error: ${err.message}`); }
  }
  form.addEventListener("submit", (ev) => { ev.preventDefault(); show(); });
  more.addEventListener("click", () => loadEvents(false));
  const list = document.getElementById("actor-list");
  form.querySelectorAll("input[list]").forEach((input) => input.addEventListener("input", async () => {
    if (input.value.length < 2) return;
    const found = await getJSON("/api/actors", { q: input.value, limit: 10 }).catch(() => ({ items: [] }));
    list.replaceChildren(...found.items.map((a) => el("option", { value: a.code || a.id }, a.name)));
  }));
  return show;
}
