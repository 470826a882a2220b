"""The stored JSON of a framework's parts (app/adapters/db/framework_json.py): what is written
is read back equal, in the shapes the rows hold."""

from app.adapters.db.framework_json import (
    calculation_from_json,
    calculation_json,
    method_from_json,
    rollup_from_json,
    rollup_json,
    scale_from_json,
    scale_json,
)
from app.domain.frameworks import (
    DEFAULT_SCALE,
    Calculation,
    CalculationMethod,
    RollupKind,
    RollupRule,
)
from app.domain.mastery.decision import ComputedDecision, MasteryStatus
from app.domain.scales import Level, Scale

M = CalculationMethod


def test_a_scale_is_stored_as_its_levels_and_threshold_and_read_back() -> None:
    assert scale_json(DEFAULT_SCALE) == {
        "levels": [
            {"value": 1, "label": "Beginning"},
            {"value": 2, "label": "Developing"},
            {"value": 3, "label": "Proficient"},
            {"value": 4, "label": "Advanced"},
        ],
        "mastery_threshold": 3,
    }
    assert scale_from_json(scale_json(DEFAULT_SCALE)) == DEFAULT_SCALE
    # Values are read as numbers with a fraction, whatever JSON kept of them.
    read = scale_from_json(
        {
            "levels": [{"value": 0, "label": "No"}, {"value": 10, "label": "Yes"}],
            "mastery_threshold": 5,
        }
    )
    assert read == Scale((Level(0.0, "No"), Level(10.0, "Yes")), 5.0)
    assert [type(v) for v in read.values] == [float, float]


def test_a_calculation_is_stored_with_every_parameter_and_read_back() -> None:
    decaying = Calculation(M.STANDARD_DECAYING_AVERAGE, 0.5)
    assert calculation_json(decaying) == {
        "method": "standard_decaying_average",
        "weight": 0.5,
        "n": None,
    }
    assert calculation_from_json(calculation_json(decaying)) == decaying
    assert calculation_json(None) is None
    assert calculation_from_json(None) is None
    # A decision's method names it "name"; missing parameters take their defaults.
    assert calculation_from_json({"name": "median"}) == Calculation(M.MEDIAN)
    assert calculation_from_json({"name": "n_mastery"}) == Calculation(M.N_MASTERY, n=3)


def test_a_rollup_rule_is_stored_with_what_it_needs_and_read_back() -> None:
    rule = RollupRule(RollupKind.PERCENT, percent=50)
    assert rollup_json(rule) == {"rule": "percent", "percent": 50}
    assert rollup_from_json(rollup_json(rule)) == rule
    assert rollup_from_json({}) == RollupRule()


def test_a_decisions_method_names_its_calculation_or_its_rollup_rule() -> None:
    computed = ComputedDecision(MasteryStatus.MASTERED, 3.5, None, 2, Calculation(M.N_MASTERY, n=2))
    assert method_from_json(computed.method_dict()) == (Calculation(M.N_MASTERY, n=2), None)
    rolled = ComputedDecision(
        MasteryStatus.NOT_YET, 2.0, None, 3, None, RollupRule(RollupKind.AT_LEAST, k=2)
    )
    assert method_from_json(rolled.method_dict()) == (None, RollupRule(RollupKind.AT_LEAST, k=2))
    assert method_from_json({}) == (None, None)
