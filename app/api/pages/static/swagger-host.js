// Starts Swagger UI on /docs with FastAPI's usual options. It lives in a file, not inline, so
// the page's Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";
  const host = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: host.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    // Swagger UI would otherwise send our OpenAPI document's address to swagger.io's online
    // validator and show its badge: a request off the district's network.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  });
})();
