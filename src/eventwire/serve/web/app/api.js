// Calls to the eventwire API; every error body is {"error": {"message"}}.
export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") query.set(k, v);
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

export function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}
