"""A fake LMS served over TLS as https://lms.test:PORT: the platform side of an LTI 1.3 launch
that a real browser walks through. Its keys, claims and signatures are FakePlatform's
(tests/fakes/lti_platform.py); what it adds is what a browser needs: a course page framing the
tool's login initiation (with `lti_storage_target=_parent` or without it), the platform's
storage in that page (platform_storage.js), and an OIDC auth endpoint that answers with the
auto-submitting form_post of the id_token to the tool (OpenID Connect Core §3.1.2.5,
form_post response mode).

Each course page launches one scenario, named in `lti_message_hint` so the auth endpoint knows
whom it signs for: a student through the storage path, a teacher with no storage (the new
window path), a deep linking request, and a launch whose id_token expired an hour ago."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from app.domain.lti.launch_check import DEEP_LINKING, LTI
from app.domain.lti.platform import Platform
from tests.fakes.lti_platform import INSTRUCTOR, LEARNER, FakePlatform

_STORAGE_SCRIPT = Path(__file__).with_name("platform_storage.js")
STORAGE_CLAIM = LTI + "lti1p3_platform_storage"


@dataclass(frozen=True)
class Scenario:
    sub: str
    roles: tuple[str, ...]
    storage: bool  # whether the course page offers its storage (lti_storage_target=_parent)
    lis: dict[str, str]
    deep_linking: bool = False
    age_seconds: int = 0  # how long ago the id_token was issued (300 s later it expires)


# The demo district (`mastery demo load`): a grade 3 maths class and one of its students.
SCENARIOS = {
    "student": Scenario("lms-student-1", (LEARNER,), True, {"person_sourcedid": "demo-stu-0001"}),
    "teacher": Scenario(
        "lms-teacher-1", (INSTRUCTOR,), False, {"course_section_sourcedid": "demo-math-03-a"}
    ),
    "deep-link": Scenario(
        "lms-teacher-1",
        (INSTRUCTOR,),
        True,
        {"course_section_sourcedid": "demo-math-03-a"},
        deep_linking=True,
    ),
    "expired": Scenario(
        "lms-student-1", (LEARNER,), True, {"person_sourcedid": "demo-stu-0001"}, age_seconds=3600
    ),
}


class BrowserLms:
    """The fake LMS at `origin` (https://lms.test:PORT), launching the tool at `tool`."""

    def __init__(self, origin: str, tool: str, jwks_url: str) -> None:
        self.origin, self.tool, self.jwks_url = origin, tool, jwks_url
        self.keys = FakePlatform(client_id="mastery-browser", deployment_id="deployment-1")
        self.auth_requests: list[dict[str, str]] = []
        self.app = self._build()

    @property
    def platform(self) -> Platform:
        return Platform(
            issuer=self.origin,
            client_id=self.keys.client_id,
            auth_login_url=f"{self.origin}/authorize",
            token_url=f"{self.origin}/token",
            jwks_url=self.jwks_url,
        )

    def login_url(self, scenario: str) -> str:
        """The tool's login initiation as the course page frames it (LTI Core §4.1)."""
        params = {
            "iss": self.origin,
            "login_hint": SCENARIOS[scenario].sub,
            "target_link_uri": f"{self.tool}/lti/launch",
            "client_id": self.keys.client_id,
            "lti_deployment_id": self.keys.deployment_id,
            "lti_message_hint": scenario,
        }
        if SCENARIOS[scenario].storage:
            params["lti_storage_target"] = "_parent"
        return f"{self.tool}/lti/login?{urlencode(params)}"

    def id_token(self, scenario: str, nonce: str) -> str:
        chosen = SCENARIOS[scenario]
        extra: dict[str, Any] = {
            LTI + "target_link_uri": f"{self.tool}/lti/launch",
            LTI + "lis": chosen.lis,
        }
        if chosen.storage:
            extra[STORAGE_CLAIM] = {"target": "_parent"}
        if chosen.deep_linking:
            extra[LTI + "message_type"] = "LtiDeepLinkingRequest"
            extra[DEEP_LINKING] = {
                "deep_link_return_url": f"{self.origin}/deep-link-return",
                "accept_types": ["ltiResourceLink"],
                "data": "course-1-module-2",
            }
        claims = self.keys.claims(
            nonce,
            sub=chosen.sub,
            roles=list(chosen.roles),
            now=time.time() - chosen.age_seconds,
            iss=self.origin,
            **extra,
        )
        if chosen.deep_linking:
            del claims[LTI + "resource_link"]
        return self.keys.sign(claims)

    def _build(self) -> FastAPI:
        app = FastAPI()

        @app.get("/course/{scenario}")
        async def course(scenario: str) -> HTMLResponse:
            return HTMLResponse(
                _page(
                    "Algebra 1 · Fake LMS",
                    "<header><h1>Algebra 1</h1><p>Module 2: Mastery</p></header>"
                    f'<iframe id="tool" title="Mastery" src="{escape(self.login_url(scenario))}">'
                    "</iframe>"
                    f'<script src="/platform_storage.js" data-tool-origin="{escape(self.tool)}">'
                    "</script>",
                )
            )

        @app.get("/probe")
        async def probe() -> HTMLResponse:
            # A frame of the tool's, for the test to try a cookie in (a 400 page, framable).
            frame = f"{self.tool}/lti/login"
            return HTMLResponse(
                _page("Probe", f'<iframe id="tool" title="Tool" src="{escape(frame)}"></iframe>')
            )

        @app.get("/platform_storage.js")
        async def storage_script() -> Response:
            return Response(_STORAGE_SCRIPT.read_bytes(), media_type="text/javascript")

        @app.get("/jwks")
        async def jwks() -> JSONResponse:
            return JSONResponse(
                {"keys": [k.jwk for k in self.keys.keys]},
                headers={"Cache-Control": "max-age=300"},
            )

        @app.get("/authorize")
        async def authorize(request: Request) -> HTMLResponse:
            params = dict(request.query_params)
            self.auth_requests.append(params)
            expected = {
                "scope": "openid",
                "response_type": "id_token",
                "response_mode": "form_post",
                "prompt": "none",
                "client_id": self.keys.client_id,
                "redirect_uri": f"{self.tool}/lti/launch",
            }
            wrong = {k for k, v in expected.items() if params.get(k) != v}
            scenario = params.get("lti_message_hint", "")
            if wrong or scenario not in SCENARIOS:
                return HTMLResponse(f"bad auth request: {sorted(wrong)}", status_code=400)
            fields = {
                "id_token": self.id_token(scenario, params["nonce"]),
                "state": params["state"],
            }
            inputs = "".join(
                f'<input type="hidden" name="{k}" value="{escape(v)}">' for k, v in fields.items()
            )
            return HTMLResponse(
                _page(
                    "Launching…",
                    f'<form method="post" action="{escape(expected["redirect_uri"])}">{inputs}'
                    "<noscript><button>Continue</button></noscript></form>"
                    "<script>document.forms[0].submit();</script>",
                )
            )

        @app.post("/deep-link-return")
        async def deep_link_return() -> HTMLResponse:
            return HTMLResponse(_page("Content added", "<p>Content added.</p>"))

        return app


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>body{{margin:0;font-family:sans-serif}}"
        "header{padding:.5rem 1rem;background:#123a5e;color:#fff}"
        "iframe{display:block;width:100%;height:calc(100vh - 6rem);border:0}</style>"
        f"</head><body>{body}</body></html>"
    )


class TlsServer:
    """An ASGI app served by uvicorn over TLS on 127.0.0.1:`port`, in a thread of the test."""

    def __init__(self, app: FastAPI, port: int, cert: Path, key: Path) -> None:
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=port,
            ssl_certfile=str(cert),
            ssl_keyfile=str(key),
            log_level="warning",
            lifespan="off",
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def __enter__(self) -> TlsServer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            assert time.monotonic() < deadline, "the fake LMS did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *_: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
