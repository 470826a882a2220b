"""The mastery engine: calculation methods, decisions, rollups, overrides, explanations."""

from app.domain.mastery.decision import (
    ComputedDecision,
    DecisionState,
    MasteryStatus,
    absorb,
    advance,
    decide,
    decision_from_state,
    recompute,
    round_score,
)
from app.domain.mastery.explanation import Explanation, explain
from app.domain.mastery.methods import score_series, weights
from app.domain.mastery.next_score import next_score_to_master
from app.domain.mastery.override import Override, ShownDecision, effective, set_override
from app.domain.mastery.rollup import (
    children_with_decisions,
    decide_all,
    decide_from_children,
    roll_up,
)
from app.domain.mastery.series import SeriesState, series_from_dict, start_series
from app.domain.mastery.simulation import Comparison, SimulationReport, compare_student, simulate

__all__ = [
    "Comparison",
    "ComputedDecision",
    "DecisionState",
    "Explanation",
    "MasteryStatus",
    "Override",
    "SeriesState",
    "ShownDecision",
    "SimulationReport",
    "absorb",
    "advance",
    "children_with_decisions",
    "compare_student",
    "decide",
    "decide_all",
    "decide_from_children",
    "decision_from_state",
    "effective",
    "explain",
    "next_score_to_master",
    "recompute",
    "roll_up",
    "round_score",
    "score_series",
    "series_from_dict",
    "set_override",
    "simulate",
    "start_series",
    "weights",
]
