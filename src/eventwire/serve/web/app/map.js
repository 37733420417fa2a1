// The map of located events: only events the text places somewhere (never a country's centroid standing in
// for "no place"), one circle a place, labelled with its name and event count.
import { apiParams, formValues, getJSON, setExports } from "./api.js";
import { el, escapeHTML, hideTip, loaded, setStatus, showTip } from "./ui.js";

const LABELLED = 25;  // the busiest places get a label on the map; every place has its tooltip

export function initMap() {
  const form = document.getElementById("map-form"), box = document.getElementById("map-chart");
  let world = null;
  async function draw() {
    world = world || (await (await fetch("/vendor/countries-110m.json")).json());
    const params = apiParams(formValues(form));
    if (params.country) params.country = params.country.toUpperCase();
    const data = await getJSON("/api/places", { ...params, limit: 500 });
    setExports(document.getElementById("map-exports"), { places: { path: "/api/export/places", extra: { limit: 500 } } }, params);
    const summary = document.getElementById("map-summary");
    summary.dataset.located = data.located_events; summary.dataset.unlocated = data.events_without_place;
    summary.textContent = `${data.located_events} located events at ${data.items.length} places; ` +
      `${data.events_without_place} events without a place in their text are not on the map.`;
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
    const at = (p) => projection([p.lon, p.lat]);
    svg.append("g").selectAll("circle").data(data.items).join("circle").attr("class", "place")
      .attr("data-name", (p) => p.name).attr("data-events", (p) => p.events)
      .attr("cx", (p) => at(p)[0]).attr("cy", (p) => at(p)[1])
      .attr("r", (p) => r(p.events)).attr("fill", (p) => color(p.goldstein_mean)).attr("fill-opacity", 0.8).attr("stroke", "#14202e")
      .on("mousemove", (ev, p) => showTip(ev, `<b>${escapeHTML(p.name)}</b> (${escapeHTML(p.country ?? "")})<br>${p.events} events, ${p.conflict} conflict<br>mean Goldstein ${p.goldstein_mean}`))
      .on("mouseleave", hideTip);
    svg.append("g").selectAll("text").data(data.items.slice(0, LABELLED)).join("text").attr("class", "place-label")
      .attr("x", (p) => at(p)[0] + r(p.events) + 3).attr("y", (p) => at(p)[1] + 4).text((p) => `${p.name} (${p.events})`);
    if (!data.items.length) box.append(el("div", { class: "empty" }, "No located events for this filter."));
    setStatus(`map: ${data.items.length} places`);
    loaded("map");
  }
  return draw;
}
