// The API documentation (/docs): Swagger UI from this server's node_modules, reading this server's
// /openapi.json. Nothing is fetched from anywhere else (the online validator is off).
const box = document.getElementById("swagger-ui");
if (typeof SwaggerUIBundle === "undefined") {
  box.textContent = "Swagger UI is not installed on this server (run `make web`); the OpenAPI document is at /openapi.json.";
} else {
  SwaggerUIBundle({
    url: "/openapi.json", dom_id: "#swagger-ui", layout: "BaseLayout", deepLinking: true, validatorUrl: null,
    showExtensions: true, showCommonExtensions: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  });
  document.body.dataset.docs = "loading";
}
