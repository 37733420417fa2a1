// The dashboard's entry: tabs, each view drawn the first time it is opened, and each view's state in the
// URL (state.js): opening a link restores the view and its filters; every draw writes them back.
import { formValues, getJSON } from "./api.js";
import { initAlerts } from "./alerts.js";
import { initBrowse } from "./browse.js";
import { initDyad } from "./dyad.js";
import { initEvidence } from "./evidence.js";
import { initMap } from "./map.js";
import { initNetwork } from "./network.js";
import { fillForm, readState, writeState } from "./state.js";
import { el, setStatus } from "./ui.js";

const FORMS = { dyad: "dyad-form", network: "network-form", map: "map-form", browse: "browse-form", alerts: "alerts-form" };
const drawn = new Set();

function openDyad(a, b, level) {
  const form = document.getElementById("dyad-form");
  form.elements.a.value = a; form.elements.b.value = b; form.elements.kind.value = level === "actor" ? "actor" : "country";
  selectView("dyad", true);
}

const draws = { dyad: initDyad(), network: initNetwork(openDyad), map: initMap(), browse: initBrowse(), alerts: initAlerts(openDyad) };

function run(name) {
  writeState(name, formValues(document.getElementById(FORMS[name])));
  drawn.add(name);
  return draws[name]().catch((err) => setStatus(`error: ${err.message}`));
}

function selectView(name, redraw = false) {
  document.querySelectorAll("#tabs button").forEach((b) => b.classList.toggle("active", b.dataset.view === name));
  document.querySelectorAll(".view").forEach((v) => v.classList.toggle("active", v.id === `view-${name}`));
  if (redraw || !drawn.has(name)) return run(name);
  writeState(name, formValues(document.getElementById(FORMS[name])));
  return Promise.resolve();
}

for (const [name, id] of Object.entries(FORMS)) {
  document.getElementById(id).addEventListener("submit", (ev) => { ev.preventDefault(); run(name); });
}
document.querySelectorAll("#tabs button").forEach((b) => b.addEventListener("click", () => selectView(b.dataset.view)));
initEvidence();

async function start() {
  // The flags this store's events carry: "background" only where the event coder records it.
  const health = await getJSON("/api/health").catch(() => ({ event_flags: [] }));
  if ((health.event_flags || []).includes("background")) {
    document.querySelectorAll("select[name=flag]").forEach((s) => s.append(el("option", { value: "background" }, "background")));
  }
  const state = readState();
  const view = FORMS[state.view] ? state.view : "dyad";
  if (state.view) fillForm(document.getElementById(FORMS[view]), state);
  if (typeof d3 === "undefined") { setStatus("the chart libraries are missing: run `make web`"); return; }
  await selectView(view, true);
}
window.addEventListener("hashchange", () => {
  const state = readState();
  if (!FORMS[state.view]) return;
  fillForm(document.getElementById(FORMS[state.view]), state);
  selectView(state.view, true);
});
start();
