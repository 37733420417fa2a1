// Calls to the eventwire API; every error body is {"error": {"message"}}.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, v);
  return q.toString();
}

export async function getJSON(path, params = {}) {
  const q = query(params);
  const response = await fetch(q ? `${path}?${q}` : path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

export function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}

// A form's values as API parameters: the "only" select becomes its flag (negated=true...), view-only fields go.
const VIEW_ONLY = new Set(["flag", "measure"]);
export function apiParams(values) {
  const params = {};
  for (const [k, v] of Object.entries(values)) if (v !== "" && v != null && !VIEW_ONLY.has(k)) params[k] = v;
  if (values.flag) params[values.flag] = "true";
  return params;
}

// Point a view's download links at what it shows: each link's format, and the path of its data-what.
export function setExports(box, paths, params) {
  for (const a of box.querySelectorAll("a[data-format]")) {
    const { path, extra } = paths[a.dataset.what];
    a.href = `${path}?${query({ ...params, ...(extra || {}), format: a.dataset.format })}`;
  }
}
