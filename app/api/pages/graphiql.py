"""GraphiQL's page for GET /graphql (in a browser), loading only our own files."""

from __future__ import annotations

from functools import cache

from app.api.pages.assets import own, vendored
from app.api.pages.html import render


@cache
def graphiql_html() -> str:
    return render(
        "graphiql.html",
        graphiql_css=vendored("graphiql", "graphiql.min.css"),
        pages_css=own("pages.css"),
        react_js=vendored("react", "react.production.min.js"),
        react_dom_js=vendored("react-dom", "react-dom.production.min.js"),
        graphiql_js=vendored("graphiql", "graphiql.min.js"),
        graphiql_host_js=own("graphiql-host.js"),
    )
