"""The small HTML answers of the launch flow: an error page saying which check failed, and the
pages that keep the login's state in the platform's storage (LTI Client Side postMessages)
when the browser may not keep our cookie in the LMS's frame."""

from __future__ import annotations

from html import escape

from fastapi.responses import HTMLResponse

# These pages show no one's data; they are framed by whichever LMS launched us, so they allow
# any framing ancestor. Scripts only our own (the storage script), no inline script.
_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'unsafe-inline'",
        "base-uri 'none'",
        "form-action *",
    ]
)
HEADERS = {
    "Content-Security-Policy": _CSP,
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
STORAGE_SCRIPT = "/lti/storage.js"


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title></head><body>{body}</body></html>"
    )


def error_page(status: int, reason: str) -> HTMLResponse:
    """A 4xx page that says what failed, in words the teacher can pass on."""
    body = (
        "<main><h1>This launch could not be completed</h1>"
        f'<p id="reason">{escape(reason)}</p>'
        "<p>Go back to the course and open the tool again. If this keeps happening, show "
        "this message to your LMS administrator.</p></main>"
    )
    return HTMLResponse(_page("Launch refused", body), status_code=status, headers=HEADERS)


def storage_page(title: str, data: dict[str, str]) -> HTMLResponse:
    """A page whose script (STORAGE_SCRIPT) works from `data` (data-* attributes, escaped):
    it puts or gets the login's values in the platform's storage frame, then goes on."""
    attributes = " ".join(f'data-{k.replace("_", "-")}="{escape(v)}"' for k, v in data.items())
    body = (
        f'<main id="lti-storage" {attributes}><p id="lti-storage-wait">Connecting to your '
        "course…</p>"
        '<p id="lti-storage-failed" hidden>Your browser did not let this tool remember the '
        'launch. <a id="lti-new-window" target="_blank" rel="opener">Open the tool in a new '
        f"window</a>.</p>{_without_script(data.get('new_window'))}</main>"
        f'<script src="{STORAGE_SCRIPT}"></script>'
    )
    return HTMLResponse(_page(title, body), headers=HEADERS)


def _without_script(new_window: str | None) -> str:
    """Where scripts do not run, nothing can check the cookie or reach the storage: the login
    in a window of its own is the way on."""
    if not new_window:
        return ""
    return (
        f'<noscript><p><a href="{escape(new_window)}" target="_blank">Open the tool in a new '
        "window</a>.</p></noscript>"
    )
