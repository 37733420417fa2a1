// Small DOM helpers shared by the views: event rows with their flags, tooltips, status line.
const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return node;
}

export function setStatus(text) { document.getElementById("status").textContent = text; }

// Count one more load of a view (tests wait for it): body[data-<view>-loads].
export function loaded(view) {
  const key = `${view}Loads`;
  document.body.dataset[key] = String(Number(document.body.dataset[key] || 0) + 1);
}

export function actorLabel(actor) {
  if (!actor) return el("span", { class: "muted" }, "—");
  return el("span", { title: `${actor.name} (${actor.text})` }, el("span", { class: "code" }, actor.code), " ", actor.name);
}

// What an event is: negated, hypothetical, background, the coder's confidence, its date's precision.
export function flagBadges(event) {
  const badges = [];
  if (event.negated) badges.push(el("span", { class: "flag negated", title: "the text says it did not happen" }, "negated"));
  if (event.hypothetical) badges.push(el("span", { class: "flag hypothetical", title: "planned, conditional or possible, not reported as done" }, "hypothetical"));
  if (event.background) badges.push(el("span", { class: "flag background", title: "an earlier event recalled as background" }, "background"));
  if (event.confidence != null) badges.push(el("span", { class: "flag confidence", title: "the coder's confidence" }, `conf ${Number(event.confidence).toFixed(2)}`));
  badges.push(el("span", { class: "flag precision", title: "the precision of the event's own date" },
    event.date ? `date: ${event.date_precision ?? "?"}` : "date: article's"));
  return badges;
}

export function eventRow(event, onPick) {
  const tr = el("tr", { class: "event", "data-key": event.key, "data-quad": event.quad_class,
    "data-negated": String(event.negated), "data-hypothetical": String(event.hypothetical) },
    el("td", event.date ? {} : { class: "muted", title: "its article's publication date (no date of its own)" },
      event.day ?? ""),
    el("td", {}, actorLabel(event.source)),
    el("td", {}, el("span", { class: `pill q${event.quad_class}`, title: QUADS[event.quad_class] }, `Q${event.quad_class}`), " ",
      el("span", { class: "code" }, event.cameo), " ", event.plover.type ?? "", " ", el("i", {}, event.trigger.text ?? "")),
    el("td", {}, actorLabel(event.target)),
    el("td", {}, event.goldstein == null ? "" : event.goldstein.toFixed(1)),
    el("td", { class: "flags" }, ...flagBadges(event)),
    el("td", { class: "evidence" }, event.evidence.length > 160 ? event.evidence.slice(0, 157) + "…" : event.evidence));
  tr.addEventListener("click", () => {
    document.querySelectorAll("tr.selected").forEach((r) => r.classList.remove("selected"));
    tr.classList.add("selected");
    onPick(event.key);
  });
  return tr;
}

export function showTip(event, html) {
  const tip = document.getElementById("tooltip");
  tip.innerHTML = html; tip.hidden = false;
  tip.style.left = `${event.clientX + 12}px`; tip.style.top = `${event.clientY + 12}px`;
}

export function hideTip() { document.getElementById("tooltip").hidden = true; }

export function escapeHTML(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
