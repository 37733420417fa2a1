// The map of event places: country outlines from world-atlas (no tile server), circles by events and Goldstein.
import { formValues, getJSON } from "./api.js";
import { el, escapeHTML, hideTip, setStatus, showTip } from "./ui.js";

export function initMap() {
  const form = document.getElementById("map-form"), box = document.getElementById("map-chart");
  let world = null;
  async function draw() {
    world = world || (await (await fetch("/vendor/countries-110m.json")).json());
    const data = await getJSON("/api/places", { ...formValues(form), limit: 500 });
    box.replaceChildren();
    const width = box.clientWidth || 900, height = box.clientHeight || 620;
    const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${width} ${height}`).attr("height", height);
    const land = topojson.feature(world, world.objects.countries);
    const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
    const path = d3.geoPath(projection);
    svg.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
    svg.append("g").selectAll("path").data(land.features).join("path").attr("class", "land").attr("d", path)
      .append("title").text((f) => f.properties.name);
    const color = d3.scaleDiverging(d3.interpolateRdBu).domain([-10, 0, 10]);
    const r = d3.scaleSqrt().domain([1, d3.max(data.items, (p) => p.events) || 1]).range([4, 26]);
    svg.append("g").selectAll("circle").data(data.items).join("circle").attr("class", "place")
      .attr("cx", (p) => projection([p.lon, p.lat])[0]).attr("cy", (p) => projection([p.lon, p.lat])[1])
      .attr("r", (p) => r(p.events)).attr("fill", (p) => color(p.goldstein_mean)).attr("fill-opacity", 0.8).attr("stroke", "#14202e")
      .on("mousemove", (ev, p) => showTip(ev, `<b>${escapeHTML(p.name)}</b> (${escapeHTML(p.country ?? "")})<br>${p.events} events, ${p.conflict} conflict<br>mean Goldstein ${p.goldstein_mean}`))
      .on("mouseleave", hideTip);
    if (!data.items.length) box.append(el("div", { class: "empty" }, "No located events for this filter."));
    setStatus(`map: ${data.items.length} places`);
  }
  form.addEventListener("submit", (ev) => { ev.preventDefault(); draw().catch((err) => setStatus(`error: ${err.message}`)); });
  return draw;
}
