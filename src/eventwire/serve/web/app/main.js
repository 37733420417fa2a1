// The dashboard's entry: tabs, and each view drawn the first time it is opened.
import { initBrowse } from "./browse.js";
import { initDyad } from "./dyad.js";
import { initEvidence } from "./evidence.js";
import { initMap } from "./map.js";
import { initNetwork } from "./network.js";
import { setStatus } from "./ui.js";

const showDyad = initDyad();
const drawn = new Set(["dyad"]);

function openDyad(a, b, level) {
  const form = document.getElementById("dyad-form");
  form.elements.a.value = a; form.elements.b.value = b; form.elements.kind.value = level === "actor" ? "actor" : "country";
  selectView("dyad"); showDyad();
}

const draws = { network: initNetwork(openDyad), map: initMap(), browse: initBrowse() };

function selectView(name) {
  document.querySelectorAll("#tabs button").forEach((b) => b.classList.toggle("active", b.dataset.view === name));
  document.querySelectorAll(".view").forEach((v) => v.classList.toggle("active", v.id === `view-${name}`));
  if (!drawn.has(name)) { drawn.add(name); draws[name]().catch((err) => setStatus(`error: ${err.message}`)); }
}

document.querySelectorAll("#tabs button").forEach((b) => b.addEventListener("click", () => selectView(b.dataset.view)));
initEvidence();
if (typeof d3 === "undefined") setStatus("the chart libraries are missing: run `make web`");
else showDyad();
