"""The demo district's mathematics framework (grades 3 to 8, with prerequisites): a CASE package
shipped with the service, loaded through the same importer as any district's."""

from __future__ import annotations

from importlib.resources import files

from app.domain.access import Tenant
from app.use_cases.case_import import CaseImported, CaseImports, operator

DEMO_PACKAGE = files("app.use_cases.demo_data") / "riverside-math-3-8.case.json"


async def load_demo_framework(imports: CaseImports, tenant: Tenant) -> CaseImported:
    """Import the demo framework into `tenant`; importing it again changes nothing."""
    return await imports.import_case(operator(tenant), DEMO_PACKAGE.read_bytes())
