from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.objective_result_in import ObjectiveResultIn


T = TypeVar("T", bound="ObjectiveSetIn")


@_attrs_define
class ObjectiveSetIn:
    """
    Attributes:
        source (None | str | Unset): `case` (CASE identifiers), `unknown`
        learning_objective_ids (list[str] | None | Unset):
        learning_objective_results (list[ObjectiveResultIn] | None | Unset):
    """

    source: None | str | Unset = UNSET
    learning_objective_ids: list[str] | None | Unset = UNSET
    learning_objective_results: list[ObjectiveResultIn] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        learning_objective_ids: list[str] | None | Unset
        if isinstance(self.learning_objective_ids, Unset):
            learning_objective_ids = UNSET
        elif isinstance(self.learning_objective_ids, list):
            learning_objective_ids = self.learning_objective_ids

        else:
            learning_objective_ids = self.learning_objective_ids

        learning_objective_results: list[dict[str, Any]] | None | Unset
        if isinstance(self.learning_objective_results, Unset):
            learning_objective_results = UNSET
        elif isinstance(self.learning_objective_results, list):
            learning_objective_results = []
            for learning_objective_results_type_0_item_data in self.learning_objective_results:
                learning_objective_results_type_0_item = (
                    learning_objective_results_type_0_item_data.to_dict()
                )
                learning_objective_results.append(learning_objective_results_type_0_item)

        else:
            learning_objective_results = self.learning_objective_results

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if source is not UNSET:
            field_dict["source"] = source
        if learning_objective_ids is not UNSET:
            field_dict["learningObjectiveIds"] = learning_objective_ids
        if learning_objective_results is not UNSET:
            field_dict["learningObjectiveResults"] = learning_objective_results

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.objective_result_in import ObjectiveResultIn

        d = dict(src_dict)

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_learning_objective_ids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                learning_objective_ids_type_0 = cast(list[str], data)

                return learning_objective_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        learning_objective_ids = _parse_learning_objective_ids(d.pop("learningObjectiveIds", UNSET))

        def _parse_learning_objective_results(
            data: object,
        ) -> list[ObjectiveResultIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                learning_objective_results_type_0 = []
                _learning_objective_results_type_0 = data
                for (
                    learning_objective_results_type_0_item_data
                ) in _learning_objective_results_type_0:
                    learning_objective_results_type_0_item = ObjectiveResultIn.from_dict(
                        learning_objective_results_type_0_item_data
                    )

                    learning_objective_results_type_0.append(learning_objective_results_type_0_item)

                return learning_objective_results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ObjectiveResultIn] | None | Unset, data)

        learning_objective_results = _parse_learning_objective_results(
            d.pop("learningObjectiveResults", UNSET)
        )

        objective_set_in = cls(
            source=source,
            learning_objective_ids=learning_objective_ids,
            learning_objective_results=learning_objective_results,
        )

        objective_set_in.additional_properties = d
        return objective_set_in

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
