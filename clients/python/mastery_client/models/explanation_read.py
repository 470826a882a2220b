from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.explanation_child import ExplanationChild
    from ..models.explanation_line import ExplanationLine
    from ..models.habits_of_work_read import HabitsOfWorkRead


T = TypeVar("T", bound="ExplanationRead")


@_attrs_define
class ExplanationRead:
    """
    Attributes:
        summary (str):
        evidence (list[ExplanationLine]):
        children (list[ExplanationChild]):
        habits_of_work (HabitsOfWorkRead | None): The decision from the results of habits-of-work categories, made apart
            from the academic one (which never counts them); null without such a category
    """

    summary: str
    evidence: list[ExplanationLine]
    children: list[ExplanationChild]
    habits_of_work: HabitsOfWorkRead | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.habits_of_work_read import HabitsOfWorkRead

        summary = self.summary

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item = evidence_item_data.to_dict()
            evidence.append(evidence_item)

        children = []
        for children_item_data in self.children:
            children_item = children_item_data.to_dict()
            children.append(children_item)

        habits_of_work: dict[str, Any] | None
        if isinstance(self.habits_of_work, HabitsOfWorkRead):
            habits_of_work = self.habits_of_work.to_dict()
        else:
            habits_of_work = self.habits_of_work

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "summary": summary,
                "evidence": evidence,
                "children": children,
                "habits_of_work": habits_of_work,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.explanation_child import ExplanationChild
        from ..models.explanation_line import ExplanationLine
        from ..models.habits_of_work_read import HabitsOfWorkRead

        d = dict(src_dict)
        summary = d.pop("summary")

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:
            evidence_item = ExplanationLine.from_dict(evidence_item_data)

            evidence.append(evidence_item)

        children = []
        _children = d.pop("children")
        for children_item_data in _children:
            children_item = ExplanationChild.from_dict(children_item_data)

            children.append(children_item)

        def _parse_habits_of_work(data: object) -> HabitsOfWorkRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                habits_of_work_type_0 = HabitsOfWorkRead.from_dict(data)

                return habits_of_work_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HabitsOfWorkRead | None, data)

        habits_of_work = _parse_habits_of_work(d.pop("habits_of_work"))

        explanation_read = cls(
            summary=summary,
            evidence=evidence,
            children=children,
            habits_of_work=habits_of_work,
        )

        explanation_read.additional_properties = d
        return explanation_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
