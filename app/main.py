"""`app.main:app`, the ASGI application uvicorn serves."""

from __future__ import annotations

from app.bootstrap import create_web_app

app = create_web_app()
