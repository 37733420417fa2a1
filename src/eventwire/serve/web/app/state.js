// Each view's state in the URL (#view=dyad&a=RUS&b=ARM&interval=month...): a link opens the same view with
// the same filters. Only the fields of the view's form are kept.
export function readState() {
  return Object.fromEntries(new URLSearchParams(location.hash.slice(1)).entries());
}

export function writeState(view, values) {
  const q = new URLSearchParams({ view });
  for (const [k, v] of Object.entries(values)) if (v !== "" && v != null) q.set(k, v);
  history.replaceState(null, "", `#${q}`);
}

export function fillForm(form, state) {
  for (const element of form.elements) {
    if (!element.name) continue;
    if (element.type === "checkbox") element.checked = state[element.name] === element.value;
    else if (element.name in state) element.value = state[element.name];
  }
}
