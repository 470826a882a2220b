"""The LTI tool's registration and launch (LTI Core 1.3 §4-5; 1EdTech Security Framework 1.0
§5.1.1): a district registers the LMS platforms it uses; a login sends the browser to the
platform with a one-time state and nonce; a launch checks the platform's signed id_token in the
order the Security Framework gives, then opens a page session for the person it names."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from app.domain.access import TenantId
from app.domain.errors import Invalid, NotFound
from app.domain.lti.launch import DEEP_LINKING_REQUEST, Launch
from app.domain.lti.launch_check import LaunchRefused, check_audience, check_times, launch_of
from app.domain.lti.people import person_id
from app.domain.lti.platform import Platform, Registration, registration_problems
from app.domain.lti.roles import RoleKind, page_role, role_kind
from app.domain.lti.session import PAGE_SESSION_SECONDS, PageRole, PageSession
from app.domain.roster import RosterKind, User
from app.ports.clock import Clock
from app.ports.lti import LaunchRecords, PageSessionCodec, ToolKeys
from app.ports.lti_registry import (
    IdTokenSignatures,
    LoginState,
    LoginStates,
    LtiUsers,
    Platforms,
    ToolKeyRotation,
)
from app.ports.unit_of_work import AccessUnitOfWorkFactory, UnitOfWorkFactory

LOGIN_SECONDS = 600  # Security Framework §5.1.1.5: the state lives minutes, not hours
DEEP_LINK_PATH = "/lti/deep-link"


@dataclass(frozen=True)
class LoginRedirect:
    """Where a login sends the browser (the platform's OIDC auth URL and its parameters), the
    state and nonce it must bring back, and the secret that binds them to this browser (a
    cookie, or the platform's storage when cookies cannot be trusted in a frame)."""

    auth_url: str
    params: dict[str, str]
    state: str
    nonce: str
    binding: str


@dataclass(frozen=True)
class OpenedPage:
    """A launch's outcome: the page session's token and where it goes."""

    token: str
    path: str
    session: PageSession
    launch: Launch


class LtiTool:
    def __init__(
        self,
        *,
        platforms: Platforms,
        logins: LoginStates,
        users: LtiUsers,
        launches: LaunchRecords,
        signatures: IdTokenSignatures,
        rotation: ToolKeyRotation,
        tool_keys: ToolKeys,
        page_sessions: PageSessionCodec,
        directory: AccessUnitOfWorkFactory,
        uow: UnitOfWorkFactory,
        clock: Clock,
    ) -> None:
        self._platforms = platforms
        self._logins = logins
        self._users = users
        self._launches = launches
        self._signatures = signatures
        self._rotation = rotation
        self.tool_keys = tool_keys
        self._page_sessions = page_sessions
        self._directory = directory
        self._uow = uow
        self._clock = clock

    # --- registration (admin API, CLI) ---------------------------------------------------------

    async def register(
        self, tenant_id: TenantId, platform: Platform, deployment_ids: tuple[str, ...]
    ) -> Registration:
        problems = registration_problems(platform, deployment_ids)
        if problems:
            raise Invalid("The platform registration is not valid", problems)
        return await self._platforms.add(tenant_id, platform, deployment_ids, self._clock.now())

    async def registrations(self, tenant_id: TenantId) -> list[Registration]:
        return await self._platforms.list(tenant_id)

    async def registration(self, tenant_id: TenantId, registration_id: str) -> Registration:
        found = await self._platforms.get(tenant_id, registration_id)
        if found is None:
            raise NotFound(f"No LTI platform registration {registration_id!r}")
        return found

    async def unregister(self, tenant_id: TenantId, registration_id: str) -> None:
        if not await self._platforms.remove(tenant_id, registration_id):
            raise NotFound(f"No LTI platform registration {registration_id!r}")

    async def generate_keys(self) -> str | None:
        return await self._rotation.generate(self._clock.now())

    async def rotate_keys(self) -> str:
        return await self._rotation.rotate(self._clock.now())

    # --- login and launch ----------------------------------------------------------------------

    async def login(
        self,
        *,
        issuer: str,
        login_hint: str,
        target_link_uri: str,
        redirect_uri: str,
        client_id: str | None = None,
        lti_message_hint: str | None = None,
    ) -> LoginRedirect:
        """The redirect to the platform's auth endpoint (OIDC third-party-initiated login)."""
        registration = await self._platforms.find(issuer, client_id)
        if registration is None:
            raise LaunchRefused("No platform is registered for this issuer and client id")
        if not _same_origin(target_link_uri, redirect_uri):
            raise LaunchRefused("The target_link_uri is not this tool's")
        # 256 bits each: beyond guessing (the Security Framework asks for at least 128).
        state, nonce, binding = (secrets.token_urlsafe(32) for _ in range(3))
        expires_at = self._clock.now() + timedelta(seconds=LOGIN_SECONDS)
        login = LoginState(registration.id, _digest(binding))
        await self._logins.remember(state, nonce, login, expires_at)
        params = {
            "scope": "openid",
            "response_type": "id_token",
            "response_mode": "form_post",
            "prompt": "none",
            "client_id": registration.platform.client_id,
            "redirect_uri": redirect_uri,
            "login_hint": login_hint,
            "state": state,
            "nonce": nonce,
        }
        if lti_message_hint is not None:
            params["lti_message_hint"] = lti_message_hint
        return LoginRedirect(registration.platform.auth_login_url, params, state, nonce, binding)

    async def login_origin(self, issuer: object, audience: object) -> str | None:
        """The origin of the auth URL of the registration an (unverified) id_token names: the
        only origin whose storage frame the launch page listens to."""
        client_id = audience[0] if isinstance(audience, list) and audience else audience
        if not isinstance(issuer, str) or not isinstance(client_id, str):
            return None
        found = await self._platforms.find(issuer, client_id)
        return _origin(found.platform.auth_login_url) if found is not None else None

    async def launch(
        self, *, id_token: str, state: str, binding: str | None, our_origin: str
    ) -> OpenedPage:
        """The page a verified launch opens; LaunchRefused naming the first check that failed.
        `binding` is the secret the browser kept from the login (its cookie or the platform's
        storage): a state posted from another browser is refused (login CSRF)."""
        now = self._clock.now()
        login = await self._logins.take_state(state, now)
        if login is None:
            raise LaunchRefused("The login state is unknown, used or expired; launch again")
        if binding is None or not hmac.compare_digest(_digest(binding), login.binding_digest):
            raise LaunchRefused("The login did not begin in this browser; launch again")
        found = await self._platforms.by_id(login.registration_id)
        if found is None:
            raise LaunchRefused("The platform is no longer registered")
        platform = found.platform
        claims = await self._signatures.verify(id_token, platform.jwks_url)
        check_audience(claims, platform)
        check_times(claims, now)
        nonce = claims.get("nonce")
        if not isinstance(nonce, str) or not await self._logins.take_nonce(nonce, now):
            raise LaunchRefused("The id_token's nonce is not one of ours, or was used before")
        launch = launch_of(claims, platform)
        deployment = await self._platforms.deployment(
            platform.issuer, platform.client_id, launch.deployment_id
        )
        if deployment is None:
            raise LaunchRefused("The deployment is not registered with this tool")
        if not _same_origin(launch.target_link_uri, our_origin):
            raise LaunchRefused("The target_link_uri is not this tool's")
        return await self._open(deployment.tenant_id, launch, platform, now)

    async def _open(
        self, tenant_id: TenantId, launch: Launch, platform: Platform, now: datetime
    ) -> OpenedPage:
        role = page_role(launch.roles, launch.role_scope_mentor)
        if role is None:
            raise LaunchRefused("None of the launch's roles opens a page of this tool")
        person = person_id(launch.issuer, launch.sub, launch.person_sourcedid)
        await self._users.link(tenant_id, launch.issuer, launch.sub, person, launch.roles, now)
        async with self._directory(writes=False) as directory:
            tenant = await directory.tenants.by_id(tenant_id)
        if tenant is None:
            raise LaunchRefused("The deployment's district no longer exists")
        session = PageSession(
            tenant_id=tenant_id,
            tenant_slug=tenant.slug,
            role=role,
            user_id=f"{launch.issuer}#{launch.sub}",
            person_id=person,
            frame_origin=_origin(platform.auth_login_url) or _origin(platform.issuer),
            can_override=any(
                role_kind(r) in (RoleKind.INSTRUCTOR, RoleKind.ADMINISTRATOR) for r in launch.roles
            ),
        )
        session = await self._scope(session, launch)
        expires_at = now + timedelta(seconds=PAGE_SESSION_SECONDS)
        launch_id = await self._launches.keep(tenant_id, launch, expires_at)
        session = replace(session, launch_id=launch_id)
        token = self._page_sessions.issue(session, now, PAGE_SESSION_SECONDS)
        path = DEEP_LINK_PATH if launch.message_type == DEEP_LINKING_REQUEST else session.page_path
        return OpenedPage(token, path, session, launch)

    async def _scope(self, session: PageSession, launch: Launch) -> PageSession:
        """Whom the viewer may see: a learner themself (in the launch's class), a mentor their
        mentees, a teacher the class, a leader their orgs."""
        if session.role is PageRole.STUDENT:
            session = replace(session, student_ids=(session.person_id or "",))
        if session.role is PageRole.GUARDIAN:
            linked = await self._users.people(
                session.tenant_id, launch.issuer, launch.role_scope_mentor
            )
            mentees = tuple(
                linked.get(sub) or person_id(launch.issuer, sub) for sub in launch.role_scope_mentor
            )
            return replace(session, student_ids=mentees)
        async with self._uow(session.tenant_id, writes=False) as uow:
            class_id = launch.course_section_sourcedid
            context = launch.context_id
            if class_id is None and context is not None:
                # A class whose sourcedId is the LMS's context id, when the district has one.
                found = await uow.roster(RosterKind.CLASS).get(context)
                class_id = context if found is not None else None
            org_ids: tuple[str, ...] = ()
            if session.role is PageRole.LEADER and session.person_id is not None:
                user = await uow.roster(RosterKind.USER).get(session.person_id)
                if isinstance(user, User):
                    org_ids = user.org_ids
        return replace(session, class_id=class_id, org_ids=org_ids)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def _same_origin(url: str, ours: str) -> bool:
    origin = _origin(url)
    return origin is not None and origin == _origin(ours)
