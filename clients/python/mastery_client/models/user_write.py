from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.user_role import UserRole, check_user_role
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.role_assignment_fields import RoleAssignmentFields


T = TypeVar("T", bound="UserWrite")


@_attrs_define
class UserWrite:
    """
    Attributes:
        role (UserRole): OneRoster 1.1's roles and 1.2's finer ones (a 1.2 SIS says which administrator).
        given_name (str):
        family_name (str):
        id (None | str | Unset): Optional; when given it must equal the id in the path.
        middle_name (None | str | Unset):
        org_ids (list[str] | Unset):
        grades (list[str] | Unset):
        identifier (None | str | Unset):
        email (None | str | Unset):
        username (None | str | Unset):
        enabled (bool | Unset):  Default: True.
        primary_org_id (None | str | Unset):
        roles (list[RoleAssignmentFields] | Unset): Every role the user holds at an org (OneRoster 1.2).
    """

    role: UserRole
    given_name: str
    family_name: str
    id: None | str | Unset = UNSET
    middle_name: None | str | Unset = UNSET
    org_ids: list[str] | Unset = UNSET
    grades: list[str] | Unset = UNSET
    identifier: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    username: None | str | Unset = UNSET
    enabled: bool | Unset = True
    primary_org_id: None | str | Unset = UNSET
    roles: list[RoleAssignmentFields] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        role: str = self.role

        given_name = self.given_name

        family_name = self.family_name

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        middle_name: None | str | Unset
        if isinstance(self.middle_name, Unset):
            middle_name = UNSET
        else:
            middle_name = self.middle_name

        org_ids: list[str] | Unset = UNSET
        if not isinstance(self.org_ids, Unset):
            org_ids = self.org_ids

        grades: list[str] | Unset = UNSET
        if not isinstance(self.grades, Unset):
            grades = self.grades

        identifier: None | str | Unset
        if isinstance(self.identifier, Unset):
            identifier = UNSET
        else:
            identifier = self.identifier

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        enabled = self.enabled

        primary_org_id: None | str | Unset
        if isinstance(self.primary_org_id, Unset):
            primary_org_id = UNSET
        else:
            primary_org_id = self.primary_org_id

        roles: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item = roles_item_data.to_dict()
                roles.append(roles_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
                "given_name": given_name,
                "family_name": family_name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if middle_name is not UNSET:
            field_dict["middle_name"] = middle_name
        if org_ids is not UNSET:
            field_dict["org_ids"] = org_ids
        if grades is not UNSET:
            field_dict["grades"] = grades
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if email is not UNSET:
            field_dict["email"] = email
        if username is not UNSET:
            field_dict["username"] = username
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if primary_org_id is not UNSET:
            field_dict["primary_org_id"] = primary_org_id
        if roles is not UNSET:
            field_dict["roles"] = roles

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.role_assignment_fields import RoleAssignmentFields

        d = dict(src_dict)
        role = check_user_role(d.pop("role"))

        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_middle_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        middle_name = _parse_middle_name(d.pop("middle_name", UNSET))

        org_ids = cast(list[str], d.pop("org_ids", UNSET))

        grades = cast(list[str], d.pop("grades", UNSET))

        def _parse_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        identifier = _parse_identifier(d.pop("identifier", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        enabled = d.pop("enabled", UNSET)

        def _parse_primary_org_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        primary_org_id = _parse_primary_org_id(d.pop("primary_org_id", UNSET))

        _roles = d.pop("roles", UNSET)
        roles: list[RoleAssignmentFields] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = RoleAssignmentFields.from_dict(roles_item_data)

                roles.append(roles_item)

        user_write = cls(
            role=role,
            given_name=given_name,
            family_name=family_name,
            id=id,
            middle_name=middle_name,
            org_ids=org_ids,
            grades=grades,
            identifier=identifier,
            email=email,
            username=username,
            enabled=enabled,
            primary_org_id=primary_org_id,
            roles=roles,
        )

        return user_write
