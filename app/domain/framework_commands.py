"""Commands that author a framework: create one, change it, add or change a competency, and
try a candidate policy. They are typed but not yet validated: the API builds them from a
request, and app.domain.framework_authoring checks them, every problem at once, located by
the field the author wrote."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final

from app.domain.categories import EvidenceCategory
from app.domain.frameworks import CalculationMethod, ModeTie, RollupKind, RollupScore, Status


class Unset(Enum):
    """A field a change leaves as it is (null, by contrast, clears it or is refused)."""

    UNSET = "unset"


UNSET: Final = Unset.UNSET


@dataclass(frozen=True)
class LevelSpec:
    """One level of a scale as the author gives it."""

    value: float
    label: str


@dataclass(frozen=True)
class BandSpec:
    """A performance band as the author gives it."""

    at_least: float
    label: str
    color: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class ScaleSpec:
    """A scale's levels, mastery threshold and bands as the author gives them."""

    levels: tuple[LevelSpec, ...]
    mastery_threshold: float
    bands: tuple[BandSpec, ...] = ()


@dataclass(frozen=True)
class CalculationSpec:
    """A calculation method and its parameters as the author gives them (defaults apply)."""

    method: CalculationMethod
    weight: float | None = None
    n: int | None = None
    tie: ModeTie | None = None


@dataclass(frozen=True)
class RollupSpec:
    """A rollup rule as the author gives it."""

    rule: RollupKind = RollupKind.ALL
    k: int | None = None
    percent: float | None = None
    score: RollupScore | None = None


@dataclass(frozen=True)
class CompetencySpec:
    """A competency with its nested children; ids left out are made up. Its place comes from
    the nesting: `position` (else its index among its siblings) orders it, and `parent_id` or
    `framework_id`, when given (a read sent back), must agree with where it is."""

    code: str
    statement: str
    id: str | None = None
    kind: str | None = None
    status: Status | None = None
    calculation: CalculationSpec | None = None
    rollup: RollupSpec | None = None
    weight: float | None = None
    min_evidence: int | None = None
    scale: ScaleSpec | None = None
    mastery_threshold: float | None = None
    children: tuple[CompetencySpec, ...] = ()
    position: int | None = None
    parent_id: str | Unset | None = UNSET
    framework_id: str | None = None


@dataclass(frozen=True)
class CreateFramework:
    """A framework with its whole competency tree, new or replacing one (PUT); parts left out
    take their defaults."""

    title: str
    id: str | None = None
    description: str | None = None
    version: str | None = None
    status: Status | None = None
    scale: ScaleSpec | None = None
    calculation: CalculationSpec | None = None
    min_evidence: int | None = None
    include_formative: bool = False
    categories: tuple[EvidenceCategory, ...] = ()
    missing_level: float | None = None
    uncategorised_category: str | None = None
    category_map: tuple[tuple[str, str], ...] = ()
    competencies: tuple[CompetencySpec, ...] = ()
    rollup_score: RollupScore | None = None


@dataclass(frozen=True)
class UpdateFramework:
    """Some fields of a framework changed; the others (UNSET) left as they are."""

    title: str | Unset | None = UNSET
    description: str | Unset | None = UNSET
    version: str | Unset | None = UNSET
    status: Status | Unset | None = UNSET
    scale: ScaleSpec | Unset | None = UNSET
    calculation: CalculationSpec | Unset | None = UNSET
    min_evidence: int | Unset | None = UNSET
    include_formative: bool | Unset | None = UNSET
    rollup_score: RollupScore | Unset | None = UNSET


@dataclass(frozen=True)
class AddCompetency:
    """A competency (with nested children) added under `parent_id` (None: a root), last among
    its siblings unless `position` says where."""

    competency: CompetencySpec
    parent_id: str | None = None
    position: int | None = None


@dataclass(frozen=True)
class UpdateCompetency:
    """Some fields of a competency changed; a null calculation gives it the framework's."""

    code: str | Unset | None = UNSET
    statement: str | Unset | None = UNSET
    kind: str | Unset | None = UNSET
    status: Status | Unset | None = UNSET
    calculation: CalculationSpec | Unset | None = UNSET
    rollup: RollupSpec | Unset | None = UNSET
    weight: float | Unset | None = UNSET
    min_evidence: int | Unset | None = UNSET
    scale: ScaleSpec | Unset | None = UNSET
    mastery_threshold: float | Unset | None = UNSET
    position: int | Unset | None = UNSET
    parent_id: str | Unset | None = UNSET


@dataclass(frozen=True)
class CompetencyScaleCandidate:
    """A competency's own scale and threshold in a candidate policy, stated whole (None: the
    nearest ancestor's, else the framework's)."""

    competency_id: str
    scale: ScaleSpec | None = None
    mastery_threshold: float | None = None


@dataclass(frozen=True)
class CandidatePolicy:
    """A policy to compare a framework's decisions under; what is left out stays as it is."""

    calculation: CalculationSpec | None = None
    mastery_threshold: float | None = None
    min_evidence: int | None = None
    include_formative: bool | None = None
    competencies: tuple[CompetencyScaleCandidate, ...] = ()
