"""The LTI pages in a real browser on `mastery serve` over the demo district: headless Chromium
opens each role's page at desktop (1280) and phone (390) widths; axe-core finds no serious or
critical WCAG 2.1 A/AA violation, no request leaves the machine, the policy refuses nothing; a
teacher reaches and submits the override form by keyboard alone.

Page sessions are issued here with the server's own signing key, as the launch would issue
them. With MASTERY_WRITE_SCREENSHOTS=1 each page is saved under docs/screenshots/lti/.

Skipped where /usr/bin/chromium is absent; CI sets MASTERY_TEST_REQUIRE_BROWSER=1."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from app.adapters.security.keys import key_ring
from app.adapters.security.page_sessions import JwtPageSessionCodec
from app.domain.access import TenantId
from app.domain.lti.session import PAGE_PATHS, PAGE_SESSION_SECONDS, PageRole, PageSession
from tests.e2e.browser import AXE, Visit, accessibility_violations, needs_chromium, visit
from tests.e2e.launcher import e2e_env, mastery, prepare, serving

pytestmark = needs_chromium

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCREENSHOTS = DOCS / "screenshots" / "lti"
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}
SERIOUS = ("serious", "critical")
# The demo district: a grade 3 maths class at North Elementary and two of its students.
CLASS = "demo-math-03-a"
STUDENTS = ("demo-stu-0001", "demo-stu-0002")
SCHOOL = "demo-north"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[PageRole, str]]]:
    """The demo district served, and a page session of each role for it."""
    folder = tmp_path_factory.mktemp("lti-pages")
    env = e2e_env(f"sqlite+aiosqlite:///{folder / 'lti.db'}", folder)
    prepare(env, "db", "upgrade")
    mastery(env, "demo", "load")
    tenants = json.loads(mastery(env, "tenants", "list", "--json").stdout)
    tenant = next(t for t in tenants if t["slug"] == "demo")
    codec = JwtPageSessionCodec(key_ring(env["MASTERY_SECRET_KEY"]))

    def issue(role: PageRole, **fields: Any) -> str:
        blank = PageSession(TenantId(tenant["id"]), "demo", role, f"lti-{role.value}", None)
        session = replace(blank, **fields)
        return codec.issue(session, datetime.now(UTC), PAGE_SESSION_SECONDS)

    tokens = {
        PageRole.STUDENT: issue(PageRole.STUDENT, person_id=STUDENTS[0], student_ids=STUDENTS[:1]),
        PageRole.TEACHER: issue(PageRole.TEACHER, class_id=CLASS, can_override=True),
        PageRole.GUARDIAN: issue(PageRole.GUARDIAN, student_ids=STUDENTS),
        PageRole.LEADER: issue(PageRole.LEADER, org_ids=(SCHOOL,)),
    }
    with serving(env) as (base, _output):
        yield base, tokens


def _open(browser: Browser, width: str, url: str) -> tuple[Page, Visit]:
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h})
    context.add_init_script(path=str(AXE))
    tab = visit(context)
    tab.page.goto(url)
    return tab.page, tab


def _save(page: Page, name: str) -> None:
    if os.environ.get("MASTERY_WRITE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        # The first screenful: what a student or teacher sees on opening the page.
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def _serious(page: Page) -> list[str]:
    found = page.evaluate(
        """async () => {
            const r = await axe.run(document, { runOnly: { type: "tag", values:
                ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            return r.violations.map((v) => ({ id: v.id, impact: v.impact,
                nodes: v.nodes.map((n) => n.target) }));
        }"""
    )
    return [f"{v['id']} ({v['impact']}): {v['nodes']}" for v in found if v["impact"] in SERIOUS]


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("role", list(PageRole))
def test_every_page_passes_axe_at_both_widths(
    demo: tuple[str, dict[PageRole, str]], browser: Browser, role: PageRole, width: str
) -> None:
    base, tokens = demo
    page, tab = _open(browser, width, f"{base}{PAGE_PATHS[role]}?session={tokens[role]}")
    expect(page.locator("h1")).to_be_visible()
    assert page.locator("main").count() == 1
    assert page.get_attribute("html", "lang") == "en"
    _save(page, f"{role.value}-{width}")
    serious = _serious(page)
    every = accessibility_violations(page, exclude=[])
    page.context.close()
    assert serious == []
    assert tab.offsite == []
    assert tab.refused == []
    assert tab.errors == []
    assert every == []  # not even a minor or moderate one


def test_a_teacher_overrides_by_keyboard_alone(
    demo: tuple[str, dict[PageRole, str]], browser: Browser
) -> None:
    base, tokens = demo
    page, tab = _open(
        browser, "desktop", f"{base}/lti/pages/class?session={tokens[PageRole.TEACHER]}"
    )
    # Tab from the top of the page until the form's first field has the focus.
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "o-student":
            break
    assert page.evaluate("document.activeElement.id") == "o-student"
    page.keyboard.press("Tab")  # competency: the first one
    page.keyboard.press("Tab")  # level
    page.keyboard.press("ArrowDown")  # 1 ...
    page.keyboard.press("ArrowDown")  # ... 2
    page.keyboard.press("Tab")  # status: from the level
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "o-reason"
    page.keyboard.type("Keyboard check")
    # Past the expiry, left empty: a date field takes a Tab per part (month, day, year, picker).
    for _ in range(8):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Save override":
            break
    assert page.evaluate("document.activeElement.textContent") == "Save override"
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Override saved for ")
    expect(page.get_by_role("status")).to_contain_text("level 2 Developing")
    _save(page, "teacher-override-desktop")
    page.context.close()
    assert tab.offsite == []
    assert tab.refused == []


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_the_expired_session_page_passes_axe(
    demo: tuple[str, dict[PageRole, str]], browser: Browser, width: str
) -> None:
    base, _tokens = demo
    page, tab = _open(browser, width, f"{base}/lti/pages/student?session=expired")
    expect(page.locator("h1")).to_have_text("Open this page from your LMS again")
    _save(page, f"expired-{width}")
    violations = accessibility_violations(page, exclude=[])
    page.context.close()
    assert violations == []
    assert tab.offsite == []
    assert tab.refused == []


def _demo_grade(levels: list[float]) -> str:
    """The demo's grade rules (app/use_cases/demo_framework.py), worked out apart from the
    rule language: A when more than half are at 4 and none below 3, B at a mean of 3, C at 2."""
    share_4 = sum(1 for v in levels if v >= 4) / len(levels) if levels else 0.0
    mean = sum(levels) / len(levels) if levels else 0.0
    if share_4 > 0.5 and all(v >= 3 for v in levels):
        return "A"
    return "B" if levels and mean >= 3 else "C" if levels and mean >= 2 else "D"


def _words(text: str) -> str:
    return "".join(text.split())


def test_a_report_card_prints_to_pdf_with_its_grade_and_reason(
    demo: tuple[str, dict[PageRole, str]], browser: Browser
) -> None:
    """The student's card passes axe, and Chromium prints it (print styles: no skip link, no
    footer) with the name, the grade the rules give for the levels shown, and its reason.
    With MASTERY_WRITE_SCREENSHOTS=1 the PDF is docs/report-card-sample.pdf."""
    base, tokens = demo
    page, tab = _open(
        browser, "desktop", f"{base}/lti/pages/report-card?session={tokens[PageRole.STUDENT]}"
    )
    expect(page.locator("h1")).to_contain_text("Report card: ")
    name = page.locator("h1").inner_text().removeprefix("Report card: ")
    levels = [
        float(cell.split()[0])
        for cell in page.locator("table.standards tbody td:nth-child(3)").all_inner_texts()
        if cell != "—"
    ]
    grade = page.locator(".course-grade .grade").first.inner_text()
    reason = page.locator(".course-grade .why").first.inner_text()
    violations = accessibility_violations(page, exclude=[])
    pdf = page.pdf(format="Letter")
    page.context.close()
    if os.environ.get("MASTERY_WRITE_SCREENSHOTS") == "1":
        (DOCS / "report-card-sample.pdf").write_bytes(pdf)
    assert violations == []
    assert (tab.offsite, tab.refused, tab.errors) == ([], [], [])
    assert levels, "the demo student has levels on the card"
    assert grade == _demo_grade(levels)
    assert reason.startswith(f"{grade} because ")
    printed = PdfReader(BytesIO(pdf))
    text = _words(" ".join(p.extract_text() for p in printed.pages))
    for words in (f"Report card: {name}", f"Course grade {grade}", reason):
        assert _words(words) in text, words
    # Print styles: the footer and the skip link stay on screen.
    assert _words("Skip to main content") not in text
    assert _words("What each status means") not in text
