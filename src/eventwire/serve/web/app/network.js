// The actor network: who acts on whom, edges coloured by mean Goldstein, width by number of events.
import { apiParams, formValues, getJSON, setExports } from "./api.js";
import { el, hideTip, loaded, setStatus, showTip } from "./ui.js";

export function initNetwork(openDyad) {
  const form = document.getElementById("network-form"), box = document.getElementById("network-chart");
  async function draw() {
    const p = apiParams(formValues(form)), data = await getJSON("/api/network", p);
    setExports(document.getElementById("network-exports"), { edges: { path: "/api/export/network" } }, p);
    box.replaceChildren();
    loaded("network");
    if (!data.edges.length) { box.append(el("div", { class: "empty" }, "No events with a target yet.")); return; }
    const width = box.clientWidth || 900, height = box.clientHeight || 620;
    const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("height", height);
    const color = d3.scaleDiverging(d3.interpolateRdBu).domain([-10, 0, 10]);
    const widthOf = d3.scaleSqrt().domain([1, d3.max(data.edges, (e) => e.events)]).range([1, 8]);
    const radius = d3.scaleSqrt().domain([1, d3.max(data.nodes, (n) => n.events)]).range([5, 22]);
    const nodes = data.nodes.map((n) => ({ ...n })), links = data.edges.map((e) => ({ ...e }));
    svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -4 8 8").attr("refX", 8).attr("markerWidth", 9)
      .attr("markerHeight", 9).attr("markerUnits", "userSpaceOnUse").attr("orient", "auto").append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", "#8795a3");
    const edge = svg.append("g").selectAll("path").data(links).join("path").attr("class", "edge").attr("fill", "none")
      .attr("stroke", (e) => color(e.goldstein_mean)).attr("stroke-opacity", 0.8).attr("stroke-width", (e) => widthOf(e.events))
      .attr("marker-end", "url(#arrow)")
      .on("mousemove", (ev, e) => showTip(ev, `${e.source.id} → ${e.target.id}: ${e.events} events, mean Goldstein ${e.goldstein_mean}`))
      .on("mouseleave", hideTip).on("click", (_, e) => { hideTip(); openDyad(e.source.id, e.target.id, p.level); });
    const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "node");
    node.append("circle").attr("r", (n) => radius(n.events)).attr("fill", "#14202e").attr("fill-opacity", 0.85).attr("stroke", "#fff");
    node.append("text").attr("dy", (n) => -radius(n.events) - 3).attr("text-anchor", "middle").text((n) => n.id);
    const sim = d3.forceSimulation(nodes).force("link", d3.forceLink(links).id((n) => n.id).distance(120))
      .force("charge", d3.forceManyBody().strength(-420)).force("center", d3.forceCenter(width / 2, height / 2))
      .force("collide", d3.forceCollide((n) => radius(n.events) + 12))
      .force("x", d3.forceX(width / 2).strength(0.08)).force("y", d3.forceY(height / 2).strength(0.12)).stop();
    for (let i = 0; i < 300; i++) sim.tick();  // lay out first, then draw once: the same picture every time
    edge.attr("d", (e) => {
      const dx = e.target.x - e.source.x, dy = e.target.y - e.source.y, len = Math.hypot(dx, dy) || 1, r = radius(e.target.events) + 3;
      const tx = e.target.x - (dx / len) * r, ty = e.target.y - (dy / len) * r;
      return `M${e.source.x},${e.source.y}Q${(e.source.x + tx) / 2 - dy * 0.15},${(e.source.y + ty) / 2 + dx * 0.15} ${tx},${ty}`;
    });
    node.attr("transform", (n) => `translate(${n.x},${n.y})`);
    setStatus(`network: ${nodes.length} actors, ${links.length} edges`);
  }
  return draw;
}
