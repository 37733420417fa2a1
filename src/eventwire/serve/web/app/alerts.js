// The alerts view: dyads whose week departs from their own baseline (GET /api/alerts), each with its evidence.
import { apiParams, formValues, getJSON } from "./api.js";
import { el, loaded, setStatus } from "./ui.js";
import { showEvidence } from "./evidence.js";

const MEASURE = { conflict_share: "conflict share", goldstein_mean: "mean Goldstein" };

function alertItem(alert, openDyad) {
  const shifts = alert.shifts.map((s) => `${MEASURE[s.measure]} ${s.week_value} against ${s.baseline_value} (z ${s.z > 0 ? "+" : ""}${s.z})`);
  return el("li", { class: `alert ${alert.direction}`, "data-dyad": `${alert.a}-${alert.b}`, "data-week": alert.week },
    el("div", {}, el("b", {}, `${alert.a}–${alert.b}`), ` ${alert.direction} in the week of ${alert.week}: ${alert.events} events; ${shifts.join("; ")}; ` +
      `baseline ${alert.baseline.events} events over ${alert.baseline.weeks} weeks `,
      el("button", { type: "button", class: "link", onclick: () => openDyad(alert.a, alert.b, alert.kind) }, "open the dyad")),
    el("ol", {}, ...alert.evidence.map((e) => el("li", { class: "evidence", "data-key": e.key, onclick: () => showEvidence(e.key) },
      `${e.day} ${e.cameo} (${e.goldstein > 0 ? "+" : ""}${e.goldstein}) ${e.article_id}: ${e.evidence}`))));
}

export function initAlerts(openDyad) {
  const form = document.getElementById("alerts-form"), list = document.getElementById("alerts-list");
  async function find() {
    const data = await getJSON("/api/alerts", apiParams(formValues(form)));
    list.replaceChildren(...data.items.map((a) => alertItem(a, openDyad)));
    const summary = document.getElementById("alerts-summary");
    summary.dataset.count = data.items.length;
    summary.textContent = `${data.items.length} dyad shift alert${data.items.length === 1 ? "" : "s"} (baseline ${data.rule.weeks} weeks, |z| ≥ ${data.rule.z}, at least ${data.rule.min_events} events in the week and ${data.rule.min_baseline} in the baseline)`;
    setStatus(`alerts: ${data.items.length}`);
    loaded("alerts");
  }
  return find;
}
