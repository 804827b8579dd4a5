// Starts Swagger UI from a file rather than an inline script, so the page works under script-src 'self'.
window.addEventListener("load", function () {
  var container = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: container.dataset.specUrl, dom_id: "#swagger-ui" });
});
