"""Every use case of the service, one object per area: what the driving adapters (REST,
GraphQL, the standards' endpoints, the CLI) are given. Built only by `app.bootstrap`; no use
case receives it (each takes only what it uses)."""

from __future__ import annotations

from dataclasses import dataclass

from app.use_cases.access import Access
from app.use_cases.audit import AuditTrail
from app.use_cases.caliper import CaliperEvents
from app.use_cases.case_import import CaseImports
from app.use_cases.case_provider import CaseProvider
from app.use_cases.changes import ChangeFeedReading
from app.use_cases.credentials import Credentials
from app.use_cases.crosswalks import Crosswalks
from app.use_cases.demo import Demo
from app.use_cases.evidence import EvidenceRecords
from app.use_cases.forecasts import Forecasts
from app.use_cases.frameworks import Frameworks
from app.use_cases.gradebook import Gradebook
from app.use_cases.gradebook_provider import GradebookProvider
from app.use_cases.grading import Grading
from app.use_cases.grading_terms import GradingTerms
from app.use_cases.health import Health
from app.use_cases.jobs import Jobs
from app.use_cases.lti_launch import LtiTool
from app.use_cases.lti_pages import LtiPages
from app.use_cases.lti_registration import LtiRegistration
from app.use_cases.lti_services import LtiServices
from app.use_cases.mastery import MasteryReads
from app.use_cases.overrides import Overrides
from app.use_cases.prerequisites import Prerequisites
from app.use_cases.report_cards import ReportCards
from app.use_cases.reports import Reports
from app.use_cases.roster import Roster
from app.use_cases.roster_import import RosterImports
from app.use_cases.roster_sync import RosterSync
from app.use_cases.simulation import PolicySimulation
from app.use_cases.student_records import StudentDataRights
from app.use_cases.webhook_delivery import WebhookDelivery
from app.use_cases.webhooks import Webhooks
from app.use_cases.xapi import LearningRecordStore


@dataclass(frozen=True, kw_only=True)
class UseCases:
    access: Access
    health: Health
    jobs: Jobs
    roster: Roster
    roster_imports: RosterImports
    roster_sync: RosterSync
    frameworks: Frameworks
    simulation: PolicySimulation
    prerequisites: Prerequisites
    case_imports: CaseImports
    case_provider: CaseProvider
    evidence: EvidenceRecords
    mastery: MasteryReads
    overrides: Overrides
    gradebook: Gradebook
    # The same use case over assessment line items and results (the ASSESSMENTS book).
    assessment_gradebook: Gradebook
    gradebook_provider: GradebookProvider
    reports: Reports
    demo: Demo
    audit: AuditTrail
    student_data: StudentDataRights
    lti: LtiTool
    lti_registration: LtiRegistration
    lti_pages: LtiPages
    changes: ChangeFeedReading
    grading: Grading
    report_cards: ReportCards
    grading_terms: GradingTerms
    learning_records: LearningRecordStore
    caliper_events: CaliperEvents
    credentials: Credentials
    forecasts: Forecasts
    crosswalks: Crosswalks
    # Wired when the service knows its LTI keys and platforms (app/bootstrap_lti.py).
    lti_services: LtiServices | None = None
    # Wired where the subscriptions' store is (app/bootstrap_webhooks.py).
    webhooks: Webhooks | None = None
    webhook_delivery: WebhookDelivery | None = None
    # What GraphQL reads through: the same use cases wired on a streaming replica, when the
    # service has one (app/bootstrap_replica.py); None: these.
    reading: UseCases | None = None
