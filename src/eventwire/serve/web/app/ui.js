// Small DOM helpers shared by the views: event rows, tooltips, status line.
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

export function actorLabel(actor) {
  if (!actor) return el("span", { class: "muted" }, "—");
  return el("span", { title: `${actor.name} (${actor.text})` }, el("span", { class: "code" }, actor.code), " ", actor.name);
}

export function eventRow(event, onPick) {
  const tr = el("tr", { class: "event", "data-key": event.key, "data-quad": event.quad_class },
    el("td", event.date ? {} : { class: "muted", title: "its article's publication date (no date of its own)" },
      event.day ?? ""),
    el("td", {}, actorLabel(event.source)),
    el("td", {}, el("span", { class: `pill q${event.quad_class}`, title: QUADS[event.quad_class] }, `Q${event.quad_class}`), " ",
      el("span", { class: "code" }, event.cameo), " ", event.plover.type ?? "", " ", el("i", {}, event.trigger.text ?? "")),
    el("td", {}, actorLabel(event.target)),
    el("td", {}, event.goldstein.toFixed(1)),
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
