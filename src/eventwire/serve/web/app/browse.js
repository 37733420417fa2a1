// The event and quote browser: one search form, events and quotes side by side, cursor "more" buttons.
import { apiParams, formValues, getJSON, setExports } from "./api.js";
import { el, eventRow, loaded, setStatus } from "./ui.js";
import { showEvidence, showQuote } from "./evidence.js";

export function initBrowse() {
  const form = document.getElementById("browse-form"), tbody = document.querySelector("#browse-events tbody");
  const quotes = document.getElementById("browse-quotes"), more = document.getElementById("browse-more");
  let params = {}, cursor = null;
  async function loadEvents(reset) {
    const page = await getJSON("/api/events", { ...params, limit: 50, cursor: reset ? null : cursor });
    if (reset) tbody.replaceChildren();
    for (const event of page.items) tbody.append(eventRow(event, showEvidence));
    cursor = page.next_cursor; more.hidden = !cursor;
    document.getElementById("browse-count").textContent = `(${tbody.children.length}${cursor ? "+" : ""})`;
  }
  async function loadQuotes() {
    const page = await getJSON("/api/quotes", { q: params.q, limit: 50 });
    quotes.replaceChildren(...page.items.map((q) => el("li", { onclick: () => showQuote(q) },
      el("div", {}, `“${q.text}”`), el("div", { class: "muted" }, `${q.speaker_text ?? "unknown"} ${q.speaker_code ? "(" + q.speaker_code + ")" : ""} · ${q.article_title ?? q.article_id}`))));
    if (!page.items.length) quotes.append(el("li", { class: "empty" }, "No quotes."));
  }
  async function search() {
    params = apiParams(formValues(form));
    for (const k of ["country", "actor"]) if (params[k]) params[k] = params[k].toUpperCase();
    setExports(document.getElementById("browse-exports"), { events: { path: "/api/export/events" } }, params);
    try {
      await Promise.all([loadEvents(true), loadQuotes()]);
      setStatus(`browser: ${tbody.children.length} events shown`);
      loaded("browse");
    } catch (err) { setStatus(`error: ${err.message}`); }
  }
  more.addEventListener("click", () => loadEvents(false));
  return search;
}
