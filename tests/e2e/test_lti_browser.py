"""LTI 1.3 in a real browser, as a school's LMS frames it: headless Chromium with third-party
cookies blocked opens a fake LMS at https://lms.test:PORT whose course pages frame the tool at
https://tool.test:PORT (the real service under uvicorn over TLS, on the demo district); two
sites, so the tool's cookies inside the LMS's frame are third-party and the browser drops them.

- a student launch in the frame completes through the platform's storage
  (`lti_storage_target=_parent`, LTI Client Side postMessages) and shows her competencies;
- a teacher launch without the platform's storage is offered "open in a new window", and the
  new window (first-party there) completes the launch and shows the class page;
- a deep linking launch shows the picker in the frame; an expired id_token, the error page;
- axe-core finds no serious or critical violation on the launch flow's pages.

The certificates come from a throwaway CA made here; Chromium trusts the two server
certificates by their public keys only (--ignore-certificate-errors-spki-list), and the service
trusts the CA for its fetch of the LMS's JWKS (MASTERY_OUTBOUND_CA_FILE). With
MASTERY_WRITE_SCREENSHOTS=1 the pages are saved under docs/screenshots/lti/ at 1280 and 390
pixels wide. See docs/decisions/0040-lti-browser.md.

Skipped where /usr/bin/chromium is absent; CI sets MASTERY_TEST_REQUIRE_BROWSER=1."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import ssl
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from playwright.sync_api import BrowserContext, Frame, Page, Playwright, expect, sync_playwright

from tests.e2e.browser import AXE, CHROMIUM, Visit, needs_chromium, visit
from tests.e2e.launcher import e2e_env, free_port, launch, mastery, prepare
from tests.e2e.lti_browser.lms import BrowserLms, TlsServer
from tests.fakes.certificates import authority

pytestmark = needs_chromium

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "lti"
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}
HOSTS = frozenset({"tool.test", "lms.test"})
SERIOUS = ("serious", "critical")
STUDENT_NAME = "Aisha Ramirez"  # demo-stu-0001 in app/demo/oneroster/users.csv


@dataclass(frozen=True)
class Stack:
    tool: str  # https://tool.test:PORT
    lms: BrowserLms
    playwright: Playwright
    args: tuple[str, ...]  # Chromium's switches
    profiles: Path  # where each test's browser profile is made


def _spki_hash(cert_pem: bytes) -> str:
    """What --ignore-certificate-errors-spki-list takes: base64 SHA-256 of the public key."""
    public = x509.load_pem_x509_certificate(cert_pem).public_key()
    der = public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(hashlib.sha256(der).digest()).decode()


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    folder = tmp_path_factory.mktemp("lti-browser")
    ca = authority()
    files = {}
    for name in ("tool", "lms"):
        # 127.0.0.1 too: the service fetches the LMS's JWKS there (it cannot resolve lms.test)
        # and the launcher checks the tool's /healthz there.
        cert, key = ca.issue(f"{name}.test", addresses=("127.0.0.1",))
        files[name] = (folder / f"{name}.pem", folder / f"{name}-key.pem")
        files[name][0].write_bytes(cert)
        files[name][1].write_bytes(key)
    (folder / "ca.pem").write_bytes(ca.pem)
    tool_port, lms_port = free_port(), free_port()
    tool = f"https://tool.test:{tool_port}"
    lms = BrowserLms(f"https://lms.test:{lms_port}", tool, f"https://127.0.0.1:{lms_port}/jwks")
    env = {
        **e2e_env(f"sqlite+aiosqlite:///{folder / 'lti.db'}", folder),
        "MASTERY_PUBLIC_BASE_URL": tool,
        "MASTERY_OUTBOUND_ALLOWED_HOSTS": f"127.0.0.1:{lms_port}",
        "MASTERY_OUTBOUND_CA_FILE": str(folder / "ca.pem"),
    }
    prepare(env, "db", "upgrade")
    mastery(env, "demo", "load")
    p = lms.platform
    register = (
        "lti", "platforms", "add", "--tenant", "demo", "--issuer", p.issuer,
        "--client-id", p.client_id, "--auth-login-url", p.auth_login_url,
        "--token-url", p.token_url, "--jwks-url", p.jwks_url,
        "--deployment-id", lms.keys.deployment_id,
    )  # fmt: skip
    client = ssl.create_default_context(cadata=ca.pem.decode())
    cert, key = files["tool"]
    uvicorn = (sys.executable, "-m", "uvicorn")
    serve = ("app.main:app", "--ssl-certfile", str(cert), "--ssl-keyfile", str(key))
    with (
        TlsServer(lms.app, lms_port, *files["lms"]),
        sync_playwright() as playwright,
        ThreadPoolExecutor(1) as pool,
    ):
        # The registration while the server starts: a launch reads it from the database, and
        # each of the two takes seconds on a loaded machine.
        registered = pool.submit(mastery, env, *register)
        server = launch(env, program=uvicorn, command=serve, port=tool_port, tls=client)
        trusted = ",".join(_spki_hash(files[n][0].read_bytes()) for n in ("tool", "lms"))
        args = (
            "--host-resolver-rules=MAP tool.test 127.0.0.1,MAP lms.test 127.0.0.1",
            f"--ignore-certificate-errors-spki-list={trusted}",
        )
        (folder / "profiles").mkdir()
        try:
            registered.result()
            yield Stack(tool, lms, playwright, args, folder / "profiles")
        finally:
            server.stop()


@contextmanager
def _tab(
    stack: Stack, width: str = "desktop", *, third_party_cookies: bool = False
) -> Iterator[tuple[BrowserContext, Visit]]:
    """A tab of Chromium on a profile of its own that blocks third-party cookies (or, for a
    control, allows them): the setting a user or a school's policy turns on, "Block
    third-party cookies" (the profile preference `profile.cookie_controls_mode`: 0 allows, 1
    blocks). This Chromium (156) ignores --test-third-party-cookie-phaseout once the profile
    says otherwise, so the preference is what the test sets."""
    profile = Path(tempfile.mkdtemp(dir=stack.profiles))
    (profile / "Default").mkdir()
    mode = 0 if third_party_cookies else 1
    preferences = {"profile": {"cookie_controls_mode": mode}}
    (profile / "Default" / "Preferences").write_text(json.dumps(preferences))
    w, h = WIDTHS[width]
    context = stack.playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=str(CHROMIUM),
        args=list(stack.args),
        viewport={"width": w, "height": h},
    )
    context.add_init_script(path=str(AXE))
    tab = visit(context, also=HOSTS)
    try:
        yield context, tab
    finally:
        context.close()
    assert tab.offsite == []
    assert tab.refused == []
    assert tab.errors == []


def _tool_frame(page: Page) -> Frame:
    frame = page.frame_locator("#tool").owner.element_handle().content_frame()
    assert frame is not None
    return frame


def _serious(frame: Frame | Page) -> list[str]:
    found = frame.evaluate(
        """async () => {
            const r = await axe.run(document, { runOnly: { type: "tag", values:
                ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            return r.violations.map((v) => ({ id: v.id, impact: v.impact,
                nodes: v.nodes.map((n) => n.target) }));
        }"""
    )
    return [f"{v['id']} ({v['impact']}): {v['nodes']}" for v in found if v["impact"] in SERIOUS]


def _save_both_widths(page: Page, name: str) -> None:
    """The page as a desktop and a phone show it (the viewport resized: the page reflows)."""
    if os.environ.get("MASTERY_WRITE_SCREENSHOTS") != "1":
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width, (w, h) in WIDTHS.items():
        page.set_viewport_size({"width": w, "height": h})
        page.wait_for_timeout(100)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"))


def _cookie_names(context: BrowserContext, url: str) -> list[str]:
    return [c["name"] for c in context.cookies(url)]


SET_COOKIE = "document.cookie = 'probe=1; Path=/; SameSite=None; Secure'; document.cookie"


def test_the_browser_blocks_the_tools_cookies_in_the_lms_frame(stack: Stack) -> None:
    with _tab(stack) as (_context, tab):
        tab.page.goto(f"{stack.lms.origin}/probe")
        frame = _tool_frame(tab.page)
        expect(frame.locator("h1")).to_have_text("This launch could not be completed")
        assert frame.evaluate(SET_COOKIE) == ""  # third-party: dropped
        # The same script on the tool's own page (first-party) keeps it.
        tab.page.goto(f"{stack.tool}/lti/login")
        assert tab.page.evaluate(SET_COOKIE) == "probe=1"


def test_the_probe_keeps_the_cookie_where_third_party_cookies_are_allowed(stack: Stack) -> None:
    # The control: the same probe, the profile allowing third-party cookies. The block above
    # is the setting's doing, not the probe's.
    with _tab(stack, third_party_cookies=True) as (_context, tab):
        tab.page.goto(f"{stack.lms.origin}/probe")
        frame = _tool_frame(tab.page)
        expect(frame.locator("h1")).to_have_text("This launch could not be completed")
        assert frame.evaluate(SET_COOKIE) == "probe=1"


def test_a_student_launch_in_the_frame_completes_through_the_platforms_storage(
    stack: Stack,
) -> None:
    with _tab(stack) as (context, tab):
        tab.page.goto(f"{stack.lms.origin}/course/student")
        frame = _tool_frame(tab.page)
        expect(frame.locator("h1")).to_have_text(STUDENT_NAME)
        assert frame.url.startswith(f"{stack.tool}/lti/pages/student?session=")
        assert frame.locator("li.competency").count() > 0
        expect(frame.locator("li.competency").first).to_contain_text("Level:")
        # The login's binding cookie was dropped: the launch read it from the LMS's storage.
        assert _cookie_names(context, stack.tool) == []
        assert _serious(frame) == []
        _save_both_widths(tab.page, "launch-student-framed")


def test_a_teacher_launch_without_storage_completes_in_a_new_window(stack: Stack) -> None:
    with _tab(stack) as (context, tab):
        tab.page.goto(f"{stack.lms.origin}/course/teacher")
        frame = _tool_frame(tab.page)
        offer = frame.get_by_role("link", name="Open the tool in a new window")
        expect(offer).to_be_visible()
        expect(frame.locator("#lti-storage-wait")).to_be_hidden()
        assert _cookie_names(context, stack.tool) == []
        assert _serious(frame) == []
        _save_both_widths(tab.page, "launch-new-window-offer")
        tab.page.set_viewport_size({"width": 1280, "height": 800})
        with context.expect_page() as opened:
            offer.click()
        popup = opened.value
        expect(popup.locator("h1")).to_have_text("Class mastery")
        assert popup.url.startswith(f"{stack.tool}/lti/pages/class?session=")
        expect(popup.locator("table").first).to_contain_text(STUDENT_NAME)
        assert _serious(popup) == []
        _save_both_widths(popup, "launch-teacher-window")


def test_a_teacher_launch_stays_in_the_frame_where_cookies_are_kept(stack: Stack) -> None:
    # The cookie check lets the launch go straight on when the browser keeps our cookie.
    with _tab(stack, third_party_cookies=True) as (_context, tab):
        tab.page.goto(f"{stack.lms.origin}/course/teacher")
        frame = _tool_frame(tab.page)
        expect(frame.locator("h1")).to_have_text("Class mastery")
        assert frame.url.startswith(f"{stack.tool}/lti/pages/class?session=")


def test_a_deep_linking_launch_shows_the_picker_in_the_frame(stack: Stack) -> None:
    with _tab(stack) as (_context, tab):
        tab.page.goto(f"{stack.lms.origin}/course/deep-link")
        frame = _tool_frame(tab.page)
        expect(frame.locator("h1")).to_have_text("Align this assignment to competencies")
        assert frame.url.startswith(f"{stack.tool}/lti/deep-link?session=")
        assert _serious(frame) == []
        _save_both_widths(tab.page, "launch-deep-link-framed")


def test_an_expired_launch_shows_the_error_page_in_the_frame(stack: Stack) -> None:
    with _tab(stack) as (_context, tab):
        tab.page.goto(f"{stack.lms.origin}/course/expired")
        frame = _tool_frame(tab.page)
        expect(frame.locator("#reason")).to_have_text("The id_token has expired")
        assert _serious(frame) == []
        _save_both_widths(tab.page, "launch-error-framed")


def test_the_storage_page_offers_a_new_window_where_there_is_no_platform_frame(
    stack: Stack,
) -> None:
    # Opened top-level, the page has no parent to hold the storage: it says so and offers the
    # new window (what a student sees where the LMS's storage does not answer).
    with _tab(stack) as (_context, tab):
        tab.page.goto(stack.lms.login_url("student"))
        expect(tab.page.locator("#lti-storage-failed")).to_be_visible()
        link = tab.page.get_by_role("link", name="Open the tool in a new window")
        assert "lti_storage_target" not in (link.get_attribute("href") or "")
        assert _serious(tab.page) == []
        _save_both_widths(tab.page, "launch-storage-unavailable")
