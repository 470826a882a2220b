"""The LTI Advantage services a page session may use: the course roster (NRPS), grades in and
mastery out (AGS), and aligning assignments to competencies (Deep Linking)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.lti.session import PageSession
from app.ports.clock import Clock
from app.ports.lti import PageSessionCodec
from app.use_cases.lti_deep_linking import LtiDeepLinking
from app.use_cases.lti_grades import LtiGrades
from app.use_cases.lti_roster import LtiRoster
from app.use_cases.lti_scores import LtiScores


@dataclass(frozen=True, kw_only=True)
class LtiServices:
    sessions: PageSessionCodec
    clock: Clock
    roster: LtiRoster
    grades: LtiGrades
    scores: LtiScores
    deep_linking: LtiDeepLinking

    def read_session(self, token: str) -> PageSession:
        """The page session a token names; Unauthorized when forged or expired."""
        return self.sessions.read(token, self.clock.now())
