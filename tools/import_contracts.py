"""An import-linter contract type that import-linter does not ship: an allow-list.

`standard_library_only`: the modules under `source_modules` may import the standard library and
the project's own packages (which the other contracts govern), nothing else. A deny-list names
the libraries we thought of; this one also catches the one nobody thought of.

Registered in pyproject.toml (`contract_types`); lint-imports finds this module because it puts
the working directory on the import path."""

from __future__ import annotations

import sys
from dataclasses import asdict, dataclass

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output
from importlinter.domain.helpers import module_expressions_to_modules


@dataclass(frozen=True)
class OutsideImport:
    importer: str
    imported: str
    lines: tuple[int, ...]


def outside_imports(graph: ImportGraph, sources: set[str], roots: set[str]) -> list[OutsideImport]:
    """Every import by a module under `sources` of a module neither in the standard library nor
    under `roots`, with its line numbers."""
    found: list[OutsideImport] = []
    for source in sorted(sources):
        for importer in sorted({source} | graph.find_descendants(source)):
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                top = imported.partition(".")[0]
                if top in roots or top in sys.stdlib_module_names:
                    continue
                details = graph.get_import_details(importer=importer, imported=imported)
                lines = tuple(sorted(d["line_number"] for d in details))
                found.append(OutsideImport(importer, imported, lines))
    return found


class StandardLibraryOnlyContract(Contract):
    """The modules under `source_modules` import only the standard library and the project."""

    type_name = "standard_library_only"

    source_modules = fields.SetField(subfield=fields.ModuleExpressionField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        sources = {
            m.name
            for m in module_expressions_to_modules(
                graph,
                self.source_modules,  # type: ignore[arg-type]  # the field's parsed value
                raise_if_unmatched=True,
            )
        }
        roots = {r.partition(".")[0] for r in self.session_options["root_packages"]}
        found = outside_imports(graph, sources, roots)
        return ContractCheck(kept=not found, metadata={"imports": [asdict(i) for i in found]})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for found in check.metadata["imports"]:
            lines = ", ".join(f"l.{n}" for n in found["lines"])
            output.print_error(
                f"{found['importer']} imports {found['imported']} ({lines}), "
                "which is not in the standard library",
                bold=False,
            )
            output.new_line()
