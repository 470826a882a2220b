"""`app.main:app`, the ASGI application uvicorn serves."""

from __future__ import annotations

from app.adapters.garbage_collection import space_out_collections

# Before the service is imported: building it allocates a few million objects that all live as
# long as the process, and CPython's default thresholds walk them again and again while it
# does (a tenth of a server's start, 0074). The lifespan then freezes them (settle_after_start_up).
space_out_collections()

from app.bootstrap import create_web_app  # noqa: E402  (after the collector is set)

app = create_web_app()
