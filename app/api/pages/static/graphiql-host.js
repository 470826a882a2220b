// Starts GraphiQL on GET /graphql. The address may carry `q`, `variables` and `headers`
// (shareable links; `headers` fills its headers editor, e.g. with an Authorization header).
// It lives in a file, not inline, so the page's Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";
  const parameters = Object.fromEntries(new URLSearchParams(window.location.search));

  function updateURL(changed) {
    Object.assign(parameters, changed);
    const kept = Object.entries(parameters).filter(([, value]) => Boolean(value));
    history.replaceState(null, "", "?" + new URLSearchParams(kept).toString());
  }

  const fetcher = GraphiQL.createFetcher({ url: window.location.href.split("?")[0] });

  function MasteryGraphiQL() {
    const [query, setQuery] = React.useState(parameters.q);
    const [variables, setVariables] = React.useState(parameters.variables);
    const [headers, setHeaders] = React.useState(parameters.headers);
    return React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      query: query,
      variables: variables,
      headers: headers,
      onEditQuery: function (value) {
        setQuery(value);
        updateURL({ q: value });
      },
      onEditVariables: function (value) {
        setVariables(value);
        updateURL({ variables: value });
      },
      // Headers (a token) stay out of the address bar and the browser's history.
      onEditHeaders: setHeaders,
      inputValueDeprecation: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    });
  }

  const root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(MasteryGraphiQL));
})();
