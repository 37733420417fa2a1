// The evidence view: the article with source, target, trigger, quote and speaker highlighted.
import { getJSON } from "./api.js";
import { el, flagBadges, setStatus } from "./ui.js";

function spansOf(found) {
  const e = found.event, spans = [];
  const add = (s, cls) => { if (s && s.start != null && s.end > s.start) spans.push({ start: s.start, end: s.end, cls }); };
  add({ start: e.start, end: e.end }, "sentence");
  add(found.source_span, "hl-source"); add(found.target_span, "hl-target"); add(e.trigger, "hl-trigger");
  if (found.quote) add(found.quote, "hl-quote");
  add(found.speaker, "hl-speaker");
  return spans;
}

export function highlight(text, spans) {
  // Cut the text at every span edge; each piece carries the classes of the spans that cover it.
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); }
  const edges = [...cuts].sort((a, b) => a - b), pieces = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = [edges[i], edges[i + 1]];
    const classes = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.cls);
    let node = document.createTextNode(text.slice(a, b));
    for (const cls of ["hl-trigger", "hl-speaker", "hl-target", "hl-source", "hl-quote", "sentence"]) {  // innermost first
      if (!classes.includes(cls)) continue;
      const wrap = cls === "sentence" ? el("span", { class: "sentence" }) : el("mark", { class: cls });
      wrap.append(node); node = wrap;
    }
    pieces.push(node);
  }
  return pieces;
}

export async function showEvidence(key) {
  const found = await getJSON(`/api/events/${key}`);
  const e = found.event, panel = document.getElementById("evidence");
  document.getElementById("evidence-title").textContent = e.article.title || e.article.id;
  document.getElementById("evidence-meta").textContent =
    `${e.article.source ?? "unknown source"} · published ${e.article.published ?? "?"} · event ${e.id} on ${e.date ?? (e.day ? `${e.day} (its article's date)` : "?")}: ` +
    `${e.source?.code ?? "?"} ${e.cameo} (${e.plover.type ?? "-"}) ${e.target?.code ?? "—"}, Goldstein ${e.goldstein}`;
  document.getElementById("evidence-flags").replaceChildren(...flagBadges(e));
  const box = document.getElementById("evidence-text");
  box.replaceChildren(...highlight(found.text, spansOf(found)));
  panel.hidden = false;
  box.querySelector(".sentence")?.scrollIntoView({ block: "center" });
  setStatus(`evidence for event ${e.id}`);
}

export function initEvidence() {
  document.getElementById("evidence-close").addEventListener("click", () => { document.getElementById("evidence").hidden = true; });
  return el;
}

export async function showQuote(quote) {
  const article = await getJSON(`/api/articles/${quote.article_hash}`);
  const spans = [{ start: quote.start, end: quote.end, cls: "hl-quote" }];
  const speaker = article.mentions.filter((m) => m.actor_id === quote.speaker_actor_id)
    .sort((a, b) => Math.abs(a.start - quote.end) - Math.abs(b.start - quote.end))[0];
  if (speaker) spans.push({ start: speaker.start, end: speaker.end, cls: "hl-speaker" });
  document.getElementById("evidence-title").textContent = article.title || article.id;
  document.getElementById("evidence-meta").textContent =
    `${article.source ?? "unknown source"} · published ${article.published ?? "?"} · ${quote.kind} quote by ${quote.speaker_text ?? "unknown speaker"}`;
  document.getElementById("evidence-flags").replaceChildren();
  const box = document.getElementById("evidence-text");
  box.replaceChildren(...highlight(article.text, spans));
  document.getElementById("evidence").hidden = false;
  box.querySelector(".hl-quote")?.scrollIntoView({ block: "center" });
}
