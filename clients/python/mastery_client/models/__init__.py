"""Contains all the data models used in inputs/outputs"""

from .academic_session_list import AcademicSessionList
from .academic_session_read import AcademicSessionRead
from .academic_session_report_cards_format_type_0 import AcademicSessionReportCardsFormatType0
from .academic_session_snapshot_format import AcademicSessionSnapshotFormat
from .academic_session_write import AcademicSessionWrite
from .assessment_line_item_in import AssessmentLineItemIn
from .assessment_line_item_in_metadata_type_0 import AssessmentLineItemInMetadataType0
from .assessment_line_item_out import AssessmentLineItemOut
from .assessment_line_item_out_metadata_type_0 import AssessmentLineItemOutMetadataType0
from .assessment_line_item_set import AssessmentLineItemSet
from .assessment_result_in import AssessmentResultIn
from .assessment_result_in_metadata_type_0 import AssessmentResultInMetadataType0
from .assessment_result_out import AssessmentResultOut
from .assessment_result_out_metadata_type_0 import AssessmentResultOutMetadataType0
from .assessment_result_set import AssessmentResultSet
from .audit_entry_read import AuditEntryRead
from .audit_entry_read_after_type_0 import AuditEntryReadAfterType0
from .audit_entry_read_before_type_0 import AuditEntryReadBeforeType0
from .audit_kind import AuditKind
from .band_read import BandRead
from .band_schema import BandSchema
from .body_import_roster import BodyImportRoster
from .body_issue_token import BodyIssueToken
from .calculation_method import CalculationMethod
from .calculation_patch import CalculationPatch
from .calculation_schema import CalculationSchema
from .card_line_read import CardLineRead
from .card_section_read import CardSectionRead
from .card_term_read import CardTermRead
from .case_code_minor import CaseCodeMinor
from .case_code_minor_field import CaseCodeMinorField
from .case_import_read import CaseImportRead
from .case_status_info import CaseStatusInfo
from .case_status_info_imsx_codemajor import CaseStatusInfoImsxCodemajor
from .case_status_info_imsx_severity import CaseStatusInfoImsxSeverity
from .case_warning_read import CaseWarningRead
from .category_in import CategoryIn
from .category_in_metadata_type_0 import CategoryInMetadataType0
from .category_out import CategoryOut
from .category_out_metadata_type_0 import CategoryOutMetadataType0
from .category_schema import CategorySchema
from .category_set import CategorySet
from .change_cause import ChangeCause
from .change_page_read import ChangePageRead
from .change_read import ChangeRead
from .change_read_data import ChangeReadData
from .change_type import ChangeType
from .check import Check
from .class_forecast_read import ClassForecastRead
from .class_grid_read import ClassGridRead
from .class_list import ClassList
from .class_mastery_format_type_0 import ClassMasteryFormatType0
from .class_member_list import ClassMemberList
from .class_read import ClassRead
from .class_write import ClassWrite
from .client_create import ClientCreate
from .client_read import ClientRead
from .client_secret_read import ClientSecretRead
from .code_minor import CodeMinor
from .code_minor_field import CodeMinorField
from .competency_add import CompetencyAdd
from .competency_create import CompetencyCreate
from .competency_forecast_read import CompetencyForecastRead
from .competency_patch import CompetencyPatch
from .competency_patch_children_type_0_item import CompetencyPatchChildrenType0Item
from .competency_read import CompetencyRead
from .competency_read_calculation_type_0 import CompetencyReadCalculationType0
from .competency_read_rollup import CompetencyReadRollup
from .competency_read_scale_type_0 import CompetencyReadScaleType0
from .competency_tally import CompetencyTally
from .computed_read import ComputedRead
from .connection_read import ConnectionRead
from .connection_write import ConnectionWrite
from .course_list import CourseList
from .course_read import CourseRead
from .course_write import CourseWrite
from .credential_create import CredentialCreate
from .credential_create_kind_type_0 import CredentialCreateKindType0
from .credential_issued import CredentialIssued
from .credential_issued_credential import CredentialIssuedCredential
from .credential_kind import CredentialKind
from .credential_list import CredentialList
from .credential_read import CredentialRead
from .decision_change_read import DecisionChangeRead
from .decision_detail_read import DecisionDetailRead
from .decision_detail_read_method import DecisionDetailReadMethod
from .decision_history import DecisionHistory
from .decision_history_format import DecisionHistoryFormat
from .decision_kind import DecisionKind
from .decision_list import DecisionList
from .decision_read import DecisionRead
from .decision_read_method import DecisionReadMethod
from .delivery_page import DeliveryPage
from .delivery_read import DeliveryRead
from .demographics_read import DemographicsRead
from .demographics_write import DemographicsWrite
from .denominator import Denominator
from .dimension import Dimension
from .enrollment_list import EnrollmentList
from .enrollment_read import EnrollmentRead
from .enrollment_role import EnrollmentRole
from .enrollment_write import EnrollmentWrite
from .erase_student_response_erase_student import EraseStudentResponseEraseStudent
from .evidence_batch import EvidenceBatch
from .evidence_in import EvidenceIn
from .evidence_kind import EvidenceKind
from .evidence_list import EvidenceList
from .evidence_read import EvidenceRead
from .exact_match_changed import ExactMatchChanged
from .exact_match_list import ExactMatchList
from .exact_match_read import ExactMatchRead
from .explanation_child import ExplanationChild
from .explanation_line import ExplanationLine
from .explanation_read import ExplanationRead
from .framework_create import FrameworkCreate
from .framework_create_category_map import FrameworkCreateCategoryMap
from .framework_create_recompute_job_type_0 import FrameworkCreateRecomputeJobType0
from .framework_list import FrameworkList
from .framework_patch import FrameworkPatch
from .framework_patch_category_map_type_0 import FrameworkPatchCategoryMapType0
from .framework_patch_recompute_job_type_0 import FrameworkPatchRecomputeJobType0
from .framework_read import FrameworkRead
from .framework_read_calculation import FrameworkReadCalculation
from .framework_read_category_map import FrameworkReadCategoryMap
from .framework_read_scale import FrameworkReadScale
from .framework_summary import FrameworkSummary
from .framework_summary_calculation import FrameworkSummaryCalculation
from .framework_summary_category_map import FrameworkSummaryCategoryMap
from .framework_summary_scale import FrameworkSummaryScale
from .framework_updated import FrameworkUpdated
from .framework_updated_calculation import FrameworkUpdatedCalculation
from .framework_updated_category_map import FrameworkUpdatedCategoryMap
from .framework_updated_scale import FrameworkUpdatedScale
from .get_all_cf_documents_orderby import GetAllCfDocumentsOrderby
from .get_report_card_format_type_0 import GetReportCardFormatType0
from .grade_read import GradeRead
from .grade_rules_read import GradeRulesRead
from .grade_rules_write import GradeRulesWrite
from .grade_simulation_read import GradeSimulationRead
from .grade_simulation_read_proposed_counts import GradeSimulationReadProposedCounts
from .grade_simulation_write import GradeSimulationWrite
from .grid_competency import GridCompetency
from .grid_habits_of_work import GridHabitsOfWork
from .grid_student import GridStudent
from .group_changes import GroupChanges
from .guid_ref import GUIDRef
from .guid_ref_out import GUIDRefOut
from .habits_of_work_read import HabitsOfWorkRead
from .healthz_response_healthz import HealthzResponseHealthz
from .http_validation_error import HTTPValidationError
from .import_case_case_provider_import import ImportCaseCaseProviderImport
from .import_case_case_provider_import_auth import ImportCaseCaseProviderImportAuth
from .import_case_cf_package import ImportCaseCFPackage
from .import_case_cf_package_cf_associations_item import ImportCaseCFPackageCFAssociationsItem
from .import_case_cf_package_cf_definitions import ImportCaseCFPackageCFDefinitions
from .import_case_cf_package_cf_document import ImportCaseCFPackageCFDocument
from .import_case_cf_package_cf_items_item import ImportCaseCFPackageCFItemsItem
from .import_case_cf_package_cf_rubrics_item import ImportCaseCFPackageCFRubricsItem
from .interval import Interval
from .item_outcome_read import ItemOutcomeRead
from .item_outcome_read_outcome import ItemOutcomeReadOutcome
from .job_link import JobLink
from .job_read import JobRead
from .job_read_errors_item import JobReadErrorsItem
from .job_read_result import JobReadResult
from .job_status import JobStatus
from .leniency_read import LeniencyRead
from .level_read import LevelRead
from .level_schema import LevelSchema
from .line_item_in import LineItemIn
from .line_item_in_metadata_type_0 import LineItemInMetadataType0
from .line_item_out import LineItemOut
from .line_item_out_metadata_type_0 import LineItemOutMetadataType0
from .line_item_set import LineItemSet
from .list_academic_sessions_format import ListAcademicSessionsFormat
from .list_all_overrides_format import ListAllOverridesFormat
from .list_audit_entries_format import ListAuditEntriesFormat
from .list_class_students_format import ListClassStudentsFormat
from .list_class_teachers_format import ListClassTeachersFormat
from .list_classes_format import ListClassesFormat
from .list_courses_format import ListCoursesFormat
from .list_enrollments_format import ListEnrollmentsFormat
from .list_evidence_format import ListEvidenceFormat
from .list_frameworks_format import ListFrameworksFormat
from .list_jobs_format import ListJobsFormat
from .list_orgs_format import ListOrgsFormat
from .list_page_audit_entry_read import ListPageAuditEntryRead
from .list_page_job_read import ListPageJobRead
from .list_unmatched_learning_records_kind import ListUnmatchedLearningRecordsKind
from .list_users_format import ListUsersFormat
from .list_webhook_deliveries_format import ListWebhookDeliveriesFormat
from .mark import Mark
from .mastery_status import MasteryStatus
from .mode_tie import ModeTie
from .no_forecast import NoForecast
from .not_counted import NotCounted
from .not_on_track_read import NotOnTrackRead
from .o_auth_error import OAuthError
from .objective_result_in import ObjectiveResultIn
from .objective_result_out import ObjectiveResultOut
from .objective_results_out import ObjectiveResultsOut
from .objective_set_in import ObjectiveSetIn
from .objective_set_out import ObjectiveSetOut
from .one_roster_version import OneRosterVersion
from .org_list import OrgList
from .org_read import OrgRead
from .org_type import OrgType
from .org_write import OrgWrite
from .override_history import OverrideHistory
from .override_history_item import OverrideHistoryItem
from .override_list import OverrideList
from .override_list_item import OverrideListItem
from .override_read import OverrideRead
from .override_state import OverrideState
from .override_write import OverrideWrite
from .override_write_status_type_0 import OverrideWriteStatusType0
from .platform_create import PlatformCreate
from .platform_list import PlatformList
from .platform_read import PlatformRead
from .prerequisite_read import PrerequisiteRead
from .problem_details import ProblemDetails
from .problem_item import ProblemItem
from .provider_auth import ProviderAuth
from .put_assessment_line_item_body import PutAssessmentLineItemBody
from .put_assessment_result_body import PutAssessmentResultBody
from .put_category_body import PutCategoryBody
from .put_line_item_body import PutLineItemBody
from .put_result_body import PutResultBody
from .put_score_scale_body import PutScoreScaleBody
from .race_ethnicity import RaceEthnicity
from .ready_list import ReadyList
from .ready_read import ReadyRead
from .record_status import RecordStatus
from .recorded_read import RecordedRead
from .report_card_read import ReportCardRead
from .report_cards_read import ReportCardsRead
from .report_read import ReportRead
from .report_row import ReportRow
from .report_standing_read import ReportStandingRead
from .report_summary_format import ReportSummaryFormat
from .report_trend_format import ReportTrendFormat
from .result_in import ResultIn
from .result_in_metadata_type_0 import ResultInMetadataType0
from .result_out import ResultOut
from .result_out_metadata_type_0 import ResultOutMetadataType0
from .result_set import ResultSet
from .role_assignment_fields import RoleAssignmentFields
from .role_type import RoleType
from .rollup_kind import RollupKind
from .rollup_patch import RollupPatch
from .rollup_schema import RollupSchema
from .rollup_score import RollupScore
from .rule_read import RuleRead
from .scale_patch import ScalePatch
from .scale_schema import ScaleSchema
from .score_scale_in import ScoreScaleIn
from .score_scale_in_metadata_type_0 import ScoreScaleInMetadataType0
from .score_scale_out import ScoreScaleOut
from .score_scale_out_metadata_type_0 import ScoreScaleOutMetadataType0
from .score_scale_set import ScoreScaleSet
from .score_scale_value_in import ScoreScaleValueIn
from .score_scale_value_out import ScoreScaleValueOut
from .session_type import SessionType
from .sex import Sex
from .simulated_grade_read import SimulatedGradeRead
from .simulation_read import SimulationRead
from .simulation_request import SimulationRequest
from .simulation_request_category_map_type_0 import SimulationRequestCategoryMapType0
from .simulation_request_recompute_job_type_0 import SimulationRequestRecomputeJobType0
from .single_assessment_line_item import SingleAssessmentLineItem
from .single_assessment_result import SingleAssessmentResult
from .single_category import SingleCategory
from .single_line_item import SingleLineItem
from .single_result import SingleResult
from .single_score_scale import SingleScoreScale
from .status import Status
from .status_info import StatusInfo
from .student_change import StudentChange
from .student_forecast_read import StudentForecastRead
from .student_grade_read import StudentGradeRead
from .student_mastery_format import StudentMasteryFormat
from .student_report_card_read import StudentReportCardRead
from .subscription_status import SubscriptionStatus
from .term_close_read import TermCloseRead
from .term_close_read_state import TermCloseReadState
from .term_close_write import TermCloseWrite
from .term_reopen_write import TermReopenWrite
from .term_reopened_read import TermReopenedRead
from .token_response import TokenResponse
from .unmatched_page_read import UnmatchedPageRead
from .unmatched_read import UnmatchedRead
from .unmatched_read_kind import UnmatchedReadKind
from .user_list import UserList
from .user_read import UserRead
from .user_role import UserRole
from .user_write import UserWrite
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .verification_read import VerificationRead
from .voided_read import VoidedRead
from .webhook_create import WebhookCreate
from .webhook_filters import WebhookFilters
from .webhook_read import WebhookRead
from .webhook_read_filters import WebhookReadFilters
from .webhook_replay import WebhookReplay
from .webhook_secret_read import WebhookSecretRead
from .webhook_secret_read_filters import WebhookSecretReadFilters
from .webhook_update import WebhookUpdate

__all__ = (
    "AcademicSessionList",
    "AcademicSessionRead",
    "AcademicSessionReportCardsFormatType0",
    "AcademicSessionSnapshotFormat",
    "AcademicSessionWrite",
    "AssessmentLineItemIn",
    "AssessmentLineItemInMetadataType0",
    "AssessmentLineItemOut",
    "AssessmentLineItemOutMetadataType0",
    "AssessmentLineItemSet",
    "AssessmentResultIn",
    "AssessmentResultInMetadataType0",
    "AssessmentResultOut",
    "AssessmentResultOutMetadataType0",
    "AssessmentResultSet",
    "AuditEntryRead",
    "AuditEntryReadAfterType0",
    "AuditEntryReadBeforeType0",
    "AuditKind",
    "BandRead",
    "BandSchema",
    "BodyImportRoster",
    "BodyIssueToken",
    "CalculationMethod",
    "CalculationPatch",
    "CalculationSchema",
    "CardLineRead",
    "CardSectionRead",
    "CardTermRead",
    "CaseCodeMinor",
    "CaseCodeMinorField",
    "CaseImportRead",
    "CaseStatusInfo",
    "CaseStatusInfoImsxCodemajor",
    "CaseStatusInfoImsxSeverity",
    "CaseWarningRead",
    "CategoryIn",
    "CategoryInMetadataType0",
    "CategoryOut",
    "CategoryOutMetadataType0",
    "CategorySchema",
    "CategorySet",
    "ChangeCause",
    "ChangePageRead",
    "ChangeRead",
    "ChangeReadData",
    "ChangeType",
    "Check",
    "ClassForecastRead",
    "ClassGridRead",
    "ClassList",
    "ClassMasteryFormatType0",
    "ClassMemberList",
    "ClassRead",
    "ClassWrite",
    "ClientCreate",
    "ClientRead",
    "ClientSecretRead",
    "CodeMinor",
    "CodeMinorField",
    "CompetencyAdd",
    "CompetencyCreate",
    "CompetencyForecastRead",
    "CompetencyPatch",
    "CompetencyPatchChildrenType0Item",
    "CompetencyRead",
    "CompetencyReadCalculationType0",
    "CompetencyReadRollup",
    "CompetencyReadScaleType0",
    "CompetencyTally",
    "ComputedRead",
    "ConnectionRead",
    "ConnectionWrite",
    "CourseList",
    "CourseRead",
    "CourseWrite",
    "CredentialCreate",
    "CredentialCreateKindType0",
    "CredentialIssued",
    "CredentialIssuedCredential",
    "CredentialKind",
    "CredentialList",
    "CredentialRead",
    "DecisionChangeRead",
    "DecisionDetailRead",
    "DecisionDetailReadMethod",
    "DecisionHistory",
    "DecisionHistoryFormat",
    "DecisionKind",
    "DecisionList",
    "DecisionRead",
    "DecisionReadMethod",
    "DeliveryPage",
    "DeliveryRead",
    "DemographicsRead",
    "DemographicsWrite",
    "Denominator",
    "Dimension",
    "EnrollmentList",
    "EnrollmentRead",
    "EnrollmentRole",
    "EnrollmentWrite",
    "EraseStudentResponseEraseStudent",
    "EvidenceBatch",
    "EvidenceIn",
    "EvidenceKind",
    "EvidenceList",
    "EvidenceRead",
    "ExactMatchChanged",
    "ExactMatchList",
    "ExactMatchRead",
    "ExplanationChild",
    "ExplanationLine",
    "ExplanationRead",
    "FrameworkCreate",
    "FrameworkCreateCategoryMap",
    "FrameworkCreateRecomputeJobType0",
    "FrameworkList",
    "FrameworkPatch",
    "FrameworkPatchCategoryMapType0",
    "FrameworkPatchRecomputeJobType0",
    "FrameworkRead",
    "FrameworkReadCalculation",
    "FrameworkReadCategoryMap",
    "FrameworkReadScale",
    "FrameworkSummary",
    "FrameworkSummaryCalculation",
    "FrameworkSummaryCategoryMap",
    "FrameworkSummaryScale",
    "FrameworkUpdated",
    "FrameworkUpdatedCalculation",
    "FrameworkUpdatedCategoryMap",
    "FrameworkUpdatedScale",
    "GUIDRef",
    "GUIDRefOut",
    "GetAllCfDocumentsOrderby",
    "GetReportCardFormatType0",
    "GradeRead",
    "GradeRulesRead",
    "GradeRulesWrite",
    "GradeSimulationRead",
    "GradeSimulationReadProposedCounts",
    "GradeSimulationWrite",
    "GridCompetency",
    "GridHabitsOfWork",
    "GridStudent",
    "GroupChanges",
    "HTTPValidationError",
    "HabitsOfWorkRead",
    "HealthzResponseHealthz",
    "ImportCaseCFPackage",
    "ImportCaseCFPackageCFAssociationsItem",
    "ImportCaseCFPackageCFDefinitions",
    "ImportCaseCFPackageCFDocument",
    "ImportCaseCFPackageCFItemsItem",
    "ImportCaseCFPackageCFRubricsItem",
    "ImportCaseCaseProviderImport",
    "ImportCaseCaseProviderImportAuth",
    "Interval",
    "ItemOutcomeRead",
    "ItemOutcomeReadOutcome",
    "JobLink",
    "JobRead",
    "JobReadErrorsItem",
    "JobReadResult",
    "JobStatus",
    "LeniencyRead",
    "LevelRead",
    "LevelSchema",
    "LineItemIn",
    "LineItemInMetadataType0",
    "LineItemOut",
    "LineItemOutMetadataType0",
    "LineItemSet",
    "ListAcademicSessionsFormat",
    "ListAllOverridesFormat",
    "ListAuditEntriesFormat",
    "ListClassStudentsFormat",
    "ListClassTeachersFormat",
    "ListClassesFormat",
    "ListCoursesFormat",
    "ListEnrollmentsFormat",
    "ListEvidenceFormat",
    "ListFrameworksFormat",
    "ListJobsFormat",
    "ListOrgsFormat",
    "ListPageAuditEntryRead",
    "ListPageJobRead",
    "ListUnmatchedLearningRecordsKind",
    "ListUsersFormat",
    "ListWebhookDeliveriesFormat",
    "Mark",
    "MasteryStatus",
    "ModeTie",
    "NoForecast",
    "NotCounted",
    "NotOnTrackRead",
    "OAuthError",
    "ObjectiveResultIn",
    "ObjectiveResultOut",
    "ObjectiveResultsOut",
    "ObjectiveSetIn",
    "ObjectiveSetOut",
    "OneRosterVersion",
    "OrgList",
    "OrgRead",
    "OrgType",
    "OrgWrite",
    "OverrideHistory",
    "OverrideHistoryItem",
    "OverrideList",
    "OverrideListItem",
    "OverrideRead",
    "OverrideState",
    "OverrideWrite",
    "OverrideWriteStatusType0",
    "PlatformCreate",
    "PlatformList",
    "PlatformRead",
    "PrerequisiteRead",
    "ProblemDetails",
    "ProblemItem",
    "ProviderAuth",
    "PutAssessmentLineItemBody",
    "PutAssessmentResultBody",
    "PutCategoryBody",
    "PutLineItemBody",
    "PutResultBody",
    "PutScoreScaleBody",
    "RaceEthnicity",
    "ReadyList",
    "ReadyRead",
    "RecordStatus",
    "RecordedRead",
    "ReportCardRead",
    "ReportCardsRead",
    "ReportRead",
    "ReportRow",
    "ReportStandingRead",
    "ReportSummaryFormat",
    "ReportTrendFormat",
    "ResultIn",
    "ResultInMetadataType0",
    "ResultOut",
    "ResultOutMetadataType0",
    "ResultSet",
    "RoleAssignmentFields",
    "RoleType",
    "RollupKind",
    "RollupPatch",
    "RollupSchema",
    "RollupScore",
    "RuleRead",
    "ScalePatch",
    "ScaleSchema",
    "ScoreScaleIn",
    "ScoreScaleInMetadataType0",
    "ScoreScaleOut",
    "ScoreScaleOutMetadataType0",
    "ScoreScaleSet",
    "ScoreScaleValueIn",
    "ScoreScaleValueOut",
    "SessionType",
    "Sex",
    "SimulatedGradeRead",
    "SimulationRead",
    "SimulationRequest",
    "SimulationRequestCategoryMapType0",
    "SimulationRequestRecomputeJobType0",
    "SingleAssessmentLineItem",
    "SingleAssessmentResult",
    "SingleCategory",
    "SingleLineItem",
    "SingleResult",
    "SingleScoreScale",
    "Status",
    "StatusInfo",
    "StudentChange",
    "StudentForecastRead",
    "StudentGradeRead",
    "StudentMasteryFormat",
    "StudentReportCardRead",
    "SubscriptionStatus",
    "TermCloseRead",
    "TermCloseReadState",
    "TermCloseWrite",
    "TermReopenWrite",
    "TermReopenedRead",
    "TokenResponse",
    "UnmatchedPageRead",
    "UnmatchedRead",
    "UnmatchedReadKind",
    "UserList",
    "UserRead",
    "UserRole",
    "UserWrite",
    "ValidationError",
    "ValidationErrorContext",
    "VerificationRead",
    "VoidedRead",
    "WebhookCreate",
    "WebhookFilters",
    "WebhookRead",
    "WebhookReadFilters",
    "WebhookReplay",
    "WebhookSecretRead",
    "WebhookSecretReadFilters",
    "WebhookUpdate",
)
