"""The demo district's mathematics framework (grades 3 to 8, with prerequisites): a CASE package
shipped with the service, loaded through the same importer as any district's."""

from __future__ import annotations

from importlib.resources import files

from app.domain.access import Tenant
from app.domain.errors import NotFound
from app.use_cases.case_import import CaseImported, CaseImports, operator
from app.use_cases.grading import Grading

DEMO_PACKAGE = files("app.use_cases.demo_data") / "riverside-math-3-8.case.json"


async def load_demo_framework(imports: CaseImports, tenant: Tenant) -> CaseImported:
    """Import the demo framework into `tenant`; importing it again changes nothing."""
    return await imports.import_case(operator(tenant), DEMO_PACKAGE.read_bytes())


# The demo's report cards show a course grade, under the example rules of issue #16 (the
# README's "Report cards" section names them).
DEMO_GRADE_RULES = (
    "A: share(level >= 4) > 0.5 and none(level < 3)\n"
    "B: mean(level) >= 3\n"
    "C: mean(level) >= 2\n"
    "otherwise: D\n"
)


async def write_demo_grade_rules(grading: Grading, tenant: Tenant, framework_id: str) -> None:
    """Give the demo framework its grade rules, unless the district has written its own."""
    try:
        await grading.read(operator(tenant), framework_id)
    except NotFound:
        await grading.write(operator(tenant), framework_id, DEMO_GRADE_RULES)
