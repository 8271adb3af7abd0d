"""Contains all the data models used in inputs/outputs"""

from .activity_event_output import ActivityEventOutput
from .auth_tokens_output import AuthTokensOutput
from .board_column_output import BoardColumnOutput
from .board_output import BoardOutput
from .bulk_item_error_output import BulkItemErrorOutput
from .comment_capabilities import CommentCapabilities
from .comment_create_input import CommentCreateInput
from .comment_created_changes import CommentCreatedChanges
from .comment_created_changes_comment_id import CommentCreatedChangesCommentId
from .comment_created_feed_event import CommentCreatedFeedEvent
from .comment_created_feed_event_name import CommentCreatedFeedEventName
from .comment_deleted_changes import CommentDeletedChanges
from .comment_deleted_changes_comment_id import CommentDeletedChangesCommentId
from .comment_deleted_feed_event import CommentDeletedFeedEvent
from .comment_deleted_feed_event_name import CommentDeletedFeedEventName
from .comment_output import CommentOutput
from .comment_updated_changes import CommentUpdatedChanges
from .comment_updated_changes_comment_id import CommentUpdatedChangesCommentId
from .comment_updated_feed_event import CommentUpdatedFeedEvent
from .comment_updated_feed_event_name import CommentUpdatedFeedEventName
from .comments_list_ordering import CommentsListOrdering
from .cumulative_flow_day_output import CumulativeFlowDayOutput
from .event_actor_output import EventActorOutput
from .event_name import EventName
from .events_feed_ordering import EventsFeedOrdering
from .insights_output import InsightsOutput
from .invitation_accept_input import InvitationAcceptInput
from .invitation_accepted_changes import InvitationAcceptedChanges
from .invitation_accepted_changes_role import InvitationAcceptedChangesRole
from .invitation_accepted_changes_user_id import InvitationAcceptedChangesUserId
from .invitation_accepted_feed_event import InvitationAcceptedFeedEvent
from .invitation_accepted_feed_event_name import InvitationAcceptedFeedEventName
from .invitation_create_input import InvitationCreateInput
from .invitation_created_changes import InvitationCreatedChanges
from .invitation_created_changes_email import InvitationCreatedChangesEmail
from .invitation_created_changes_role import InvitationCreatedChangesRole
from .invitation_created_feed_event import InvitationCreatedFeedEvent
from .invitation_created_feed_event_name import InvitationCreatedFeedEventName
from .invitation_created_output import InvitationCreatedOutput
from .invitation_output import InvitationOutput
from .invitation_revoked_changes import InvitationRevokedChanges
from .invitation_revoked_feed_event import InvitationRevokedFeedEvent
from .invitation_revoked_feed_event_name import InvitationRevokedFeedEventName
from .invitations_list_ordering import InvitationsListOrdering
from .issue_bulk_changes_input import IssueBulkChangesInput
from .issue_bulk_create_input import IssueBulkCreateInput
from .issue_bulk_create_output import IssueBulkCreateOutput
from .issue_bulk_create_result_item import IssueBulkCreateResultItem
from .issue_bulk_update_input import IssueBulkUpdateInput
from .issue_bulk_update_output import IssueBulkUpdateOutput
from .issue_bulk_update_result_item import IssueBulkUpdateResultItem
from .issue_capabilities import IssueCapabilities
from .issue_create_input import IssueCreateInput
from .issue_created_changes import IssueCreatedChanges
from .issue_created_changes_assignees import IssueCreatedChangesAssignees
from .issue_created_changes_assignees_new_type_0_item import (
    IssueCreatedChangesAssigneesNewType0Item,
)
from .issue_created_changes_assignees_old_type_0_item import (
    IssueCreatedChangesAssigneesOldType0Item,
)
from .issue_created_changes_completed_at import IssueCreatedChangesCompletedAt
from .issue_created_changes_description import IssueCreatedChangesDescription
from .issue_created_changes_due_date import IssueCreatedChangesDueDate
from .issue_created_changes_estimate import IssueCreatedChangesEstimate
from .issue_created_changes_external_ref import IssueCreatedChangesExternalRef
from .issue_created_changes_labels import IssueCreatedChangesLabels
from .issue_created_changes_labels_new_type_0_item import (
    IssueCreatedChangesLabelsNewType0Item,
)
from .issue_created_changes_labels_old_type_0_item import (
    IssueCreatedChangesLabelsOldType0Item,
)
from .issue_created_changes_parent import IssueCreatedChangesParent
from .issue_created_changes_parent_new_type_0 import IssueCreatedChangesParentNewType0
from .issue_created_changes_parent_old_type_0 import IssueCreatedChangesParentOldType0
from .issue_created_changes_priority import IssueCreatedChangesPriority
from .issue_created_changes_state import IssueCreatedChangesState
from .issue_created_changes_state_new_type_0 import IssueCreatedChangesStateNewType0
from .issue_created_changes_state_old_type_0 import IssueCreatedChangesStateOldType0
from .issue_created_changes_title import IssueCreatedChangesTitle
from .issue_created_feed_event import IssueCreatedFeedEvent
from .issue_created_feed_event_name import IssueCreatedFeedEventName
from .issue_deleted_changes import IssueDeletedChanges
from .issue_deleted_feed_event import IssueDeletedFeedEvent
from .issue_deleted_feed_event_name import IssueDeletedFeedEventName
from .issue_linked_changes import IssueLinkedChanges
from .issue_linked_changes_issue import IssueLinkedChangesIssue
from .issue_linked_changes_issue_new_type_0 import IssueLinkedChangesIssueNewType0
from .issue_linked_changes_issue_old_type_0 import IssueLinkedChangesIssueOldType0
from .issue_linked_changes_relation import IssueLinkedChangesRelation
from .issue_linked_feed_event import IssueLinkedFeedEvent
from .issue_linked_feed_event_name import IssueLinkedFeedEventName
from .issue_list_item import IssueListItem
from .issue_move_input import IssueMoveInput
from .issue_moved_changes import IssueMovedChanges
from .issue_moved_changes_completed_at import IssueMovedChangesCompletedAt
from .issue_moved_changes_position import IssueMovedChangesPosition
from .issue_moved_changes_state import IssueMovedChangesState
from .issue_moved_changes_state_new_type_0 import IssueMovedChangesStateNewType0
from .issue_moved_changes_state_old_type_0 import IssueMovedChangesStateOldType0
from .issue_moved_feed_event import IssueMovedFeedEvent
from .issue_moved_feed_event_name import IssueMovedFeedEventName
from .issue_output import IssueOutput
from .issue_ref_output import IssueRefOutput
from .issue_relation_create_input import IssueRelationCreateInput
from .issue_relation_output import IssueRelationOutput
from .issue_state_output import IssueStateOutput
from .issue_unlinked_changes import IssueUnlinkedChanges
from .issue_unlinked_changes_issue import IssueUnlinkedChangesIssue
from .issue_unlinked_changes_issue_new_type_0 import IssueUnlinkedChangesIssueNewType0
from .issue_unlinked_changes_issue_old_type_0 import IssueUnlinkedChangesIssueOldType0
from .issue_unlinked_changes_relation import IssueUnlinkedChangesRelation
from .issue_unlinked_feed_event import IssueUnlinkedFeedEvent
from .issue_unlinked_feed_event_name import IssueUnlinkedFeedEventName
from .issue_updated_changes import IssueUpdatedChanges
from .issue_updated_changes_assignees import IssueUpdatedChangesAssignees
from .issue_updated_changes_assignees_new_type_0_item import (
    IssueUpdatedChangesAssigneesNewType0Item,
)
from .issue_updated_changes_assignees_old_type_0_item import (
    IssueUpdatedChangesAssigneesOldType0Item,
)
from .issue_updated_changes_completed_at import IssueUpdatedChangesCompletedAt
from .issue_updated_changes_description import IssueUpdatedChangesDescription
from .issue_updated_changes_due_date import IssueUpdatedChangesDueDate
from .issue_updated_changes_estimate import IssueUpdatedChangesEstimate
from .issue_updated_changes_external_ref import IssueUpdatedChangesExternalRef
from .issue_updated_changes_labels import IssueUpdatedChangesLabels
from .issue_updated_changes_labels_new_type_0_item import (
    IssueUpdatedChangesLabelsNewType0Item,
)
from .issue_updated_changes_labels_old_type_0_item import (
    IssueUpdatedChangesLabelsOldType0Item,
)
from .issue_updated_changes_parent import IssueUpdatedChangesParent
from .issue_updated_changes_parent_new_type_0 import IssueUpdatedChangesParentNewType0
from .issue_updated_changes_parent_old_type_0 import IssueUpdatedChangesParentOldType0
from .issue_updated_changes_priority import IssueUpdatedChangesPriority
from .issue_updated_changes_state import IssueUpdatedChangesState
from .issue_updated_changes_state_new_type_0 import IssueUpdatedChangesStateNewType0
from .issue_updated_changes_state_old_type_0 import IssueUpdatedChangesStateOldType0
from .issue_updated_changes_title import IssueUpdatedChangesTitle
from .issue_updated_feed_event import IssueUpdatedFeedEvent
from .issue_updated_feed_event_name import IssueUpdatedFeedEventName
from .issues_activity_ordering import IssuesActivityOrdering
from .issues_relations_list_ordering import IssuesRelationsListOrdering
from .label_create_input import LabelCreateInput
from .label_created_changes import LabelCreatedChanges
from .label_created_changes_color import LabelCreatedChangesColor
from .label_created_changes_name import LabelCreatedChangesName
from .label_created_feed_event import LabelCreatedFeedEvent
from .label_created_feed_event_name import LabelCreatedFeedEventName
from .label_deleted_changes import LabelDeletedChanges
from .label_deleted_changes_name import LabelDeletedChangesName
from .label_deleted_feed_event import LabelDeletedFeedEvent
from .label_deleted_feed_event_name import LabelDeletedFeedEventName
from .label_output import LabelOutput
from .label_updated_changes import LabelUpdatedChanges
from .label_updated_changes_color import LabelUpdatedChangesColor
from .label_updated_changes_name import LabelUpdatedChangesName
from .label_updated_feed_event import LabelUpdatedFeedEvent
from .label_updated_feed_event_name import LabelUpdatedFeedEventName
from .labels_list_ordering import LabelsListOrdering
from .logout_input import LogoutInput
from .marked_read_output import MarkedReadOutput
from .me_output import MeOutput
from .member_capabilities import MemberCapabilities
from .member_output import MemberOutput
from .member_removed_changes import MemberRemovedChanges
from .member_removed_changes_role import MemberRemovedChangesRole
from .member_removed_changes_user_id import MemberRemovedChangesUserId
from .member_removed_feed_event import MemberRemovedFeedEvent
from .member_removed_feed_event_name import MemberRemovedFeedEventName
from .member_role_changed_changes import MemberRoleChangedChanges
from .member_role_changed_changes_role import MemberRoleChangedChangesRole
from .member_role_changed_changes_user_id import MemberRoleChangedChangesUserId
from .member_role_changed_feed_event import MemberRoleChangedFeedEvent
from .member_role_changed_feed_event_name import MemberRoleChangedFeedEventName
from .members_list_ordering import MembersListOrdering
from .notification_output import NotificationOutput
from .notification_settings_input import NotificationSettingsInput
from .notification_settings_output import NotificationSettingsOutput
from .notifications_list_ordering import NotificationsListOrdering
from .paginated_activity_event_output_list import PaginatedActivityEventOutputList
from .paginated_comment_output_list import PaginatedCommentOutputList
from .paginated_feed_event_output_list import PaginatedFeedEventOutputList
from .paginated_invitation_output_list import PaginatedInvitationOutputList
from .paginated_issue_list_item_list import PaginatedIssueListItemList
from .paginated_issue_relation_output_list import PaginatedIssueRelationOutputList
from .paginated_label_output_list import PaginatedLabelOutputList
from .paginated_member_output_list import PaginatedMemberOutputList
from .paginated_notification_output_list import PaginatedNotificationOutputList
from .paginated_personal_token_output_list import PaginatedPersonalTokenOutputList
from .paginated_project_member_output_list import PaginatedProjectMemberOutputList
from .paginated_project_output_list import PaginatedProjectOutputList
from .paginated_state_output_list import PaginatedStateOutputList
from .paginated_webhook_delivery_output_list import PaginatedWebhookDeliveryOutputList
from .paginated_webhook_endpoint_output_list import PaginatedWebhookEndpointOutputList
from .paginated_workspace_output_list import PaginatedWorkspaceOutputList
from .password_change_input import PasswordChangeInput
from .patched_comment_update_input import PatchedCommentUpdateInput
from .patched_issue_update_input import PatchedIssueUpdateInput
from .patched_label_update_input import PatchedLabelUpdateInput
from .patched_me_update_input import PatchedMeUpdateInput
from .patched_member_role_update_input import PatchedMemberRoleUpdateInput
from .patched_project_update_input import PatchedProjectUpdateInput
from .patched_state_update_input import PatchedStateUpdateInput
from .patched_webhook_endpoint_update_input import PatchedWebhookEndpointUpdateInput
from .patched_workspace_update_input import PatchedWorkspaceUpdateInput
from .percentiles_output import PercentilesOutput
from .personal_token_create_input import PersonalTokenCreateInput
from .personal_token_created_output import PersonalTokenCreatedOutput
from .personal_token_output import PersonalTokenOutput
from .priority_enum import PriorityEnum
from .problem_field_error_output import ProblemFieldErrorOutput
from .problem_output import ProblemOutput
from .project_archived_changes import ProjectArchivedChanges
from .project_archived_changes_archived_at import ProjectArchivedChangesArchivedAt
from .project_archived_feed_event import ProjectArchivedFeedEvent
from .project_archived_feed_event_name import ProjectArchivedFeedEventName
from .project_capabilities import ProjectCapabilities
from .project_create_input import ProjectCreateInput
from .project_created_changes import ProjectCreatedChanges
from .project_created_changes_key import ProjectCreatedChangesKey
from .project_created_changes_name import ProjectCreatedChangesName
from .project_created_feed_event import ProjectCreatedFeedEvent
from .project_created_feed_event_name import ProjectCreatedFeedEventName
from .project_deleted_changes import ProjectDeletedChanges
from .project_deleted_changes_deleted_issues import ProjectDeletedChangesDeletedIssues
from .project_deleted_changes_key import ProjectDeletedChangesKey
from .project_deleted_feed_event import ProjectDeletedFeedEvent
from .project_deleted_feed_event_name import ProjectDeletedFeedEventName
from .project_issues_list_ordering import ProjectIssuesListOrdering
from .project_member_add_input import ProjectMemberAddInput
from .project_member_added_changes import ProjectMemberAddedChanges
from .project_member_added_changes_user_id import ProjectMemberAddedChangesUserId
from .project_member_added_feed_event import ProjectMemberAddedFeedEvent
from .project_member_added_feed_event_name import ProjectMemberAddedFeedEventName
from .project_member_output import ProjectMemberOutput
from .project_member_removed_changes import ProjectMemberRemovedChanges
from .project_member_removed_changes_user_id import ProjectMemberRemovedChangesUserId
from .project_member_removed_feed_event import ProjectMemberRemovedFeedEvent
from .project_member_removed_feed_event_name import ProjectMemberRemovedFeedEventName
from .project_members_list_ordering import ProjectMembersListOrdering
from .project_output import ProjectOutput
from .project_ref_output import ProjectRefOutput
from .project_states_reordered_changes import ProjectStatesReorderedChanges
from .project_states_reordered_changes_state_ids import (
    ProjectStatesReorderedChangesStateIds,
)
from .project_states_reordered_feed_event import ProjectStatesReorderedFeedEvent
from .project_states_reordered_feed_event_name import (
    ProjectStatesReorderedFeedEventName,
)
from .project_unarchived_changes import ProjectUnarchivedChanges
from .project_unarchived_changes_archived_at import ProjectUnarchivedChangesArchivedAt
from .project_unarchived_feed_event import ProjectUnarchivedFeedEvent
from .project_unarchived_feed_event_name import ProjectUnarchivedFeedEventName
from .project_updated_changes import ProjectUpdatedChanges
from .project_updated_changes_description import ProjectUpdatedChangesDescription
from .project_updated_changes_lead_id import ProjectUpdatedChangesLeadId
from .project_updated_changes_name import ProjectUpdatedChangesName
from .project_updated_feed_event import ProjectUpdatedFeedEvent
from .project_updated_feed_event_name import ProjectUpdatedFeedEventName
from .projects_list_ordering import ProjectsListOrdering
from .realtime_event_output import RealtimeEventOutput
from .realtime_event_output_subject import RealtimeEventOutputSubject
from .realtime_ticket_output import RealtimeTicketOutput
from .reason_enum import ReasonEnum
from .refresh_transport_enum import RefreshTransportEnum
from .register_input import RegisterInput
from .related_issue_output import RelatedIssueOutput
from .relation_kind_enum import RelationKindEnum
from .role_enum import RoleEnum
from .state_category_enum import StateCategoryEnum
from .state_create_input import StateCreateInput
from .state_created_changes import StateCreatedChanges
from .state_created_changes_category import StateCreatedChangesCategory
from .state_created_changes_color import StateCreatedChangesColor
from .state_created_changes_name import StateCreatedChangesName
from .state_created_feed_event import StateCreatedFeedEvent
from .state_created_feed_event_name import StateCreatedFeedEventName
from .state_deleted_changes import StateDeletedChanges
from .state_deleted_changes_category import StateDeletedChangesCategory
from .state_deleted_changes_color import StateDeletedChangesColor
from .state_deleted_changes_moved_issues import StateDeletedChangesMovedIssues
from .state_deleted_changes_name import StateDeletedChangesName
from .state_deleted_feed_event import StateDeletedFeedEvent
from .state_deleted_feed_event_name import StateDeletedFeedEventName
from .state_output import StateOutput
from .state_reorder_input import StateReorderInput
from .state_updated_changes import StateUpdatedChanges
from .state_updated_changes_category import StateUpdatedChangesCategory
from .state_updated_changes_color import StateUpdatedChangesColor
from .state_updated_changes_name import StateUpdatedChangesName
from .state_updated_feed_event import StateUpdatedFeedEvent
from .state_updated_feed_event_name import StateUpdatedFeedEventName
from .states_list_ordering import StatesListOrdering
from .status_enum import StatusEnum
from .subscription_input import SubscriptionInput
from .subscription_output import SubscriptionOutput
from .throughput_week_output import ThroughputWeekOutput
from .token_obtain_input import TokenObtainInput
from .token_refresh_input import TokenRefreshInput
from .token_scope_enum import TokenScopeEnum
from .tokens_list_ordering import TokensListOrdering
from .unread_count_output import UnreadCountOutput
from .user_summary_output import UserSummaryOutput
from .webhook_attempt_output import WebhookAttemptOutput
from .webhook_delivery_output import WebhookDeliveryOutput
from .webhook_endpoint_create_input import WebhookEndpointCreateInput
from .webhook_endpoint_created_output import WebhookEndpointCreatedOutput
from .webhook_endpoint_output import WebhookEndpointOutput
from .webhook_secret_output import WebhookSecretOutput
from .webhooks_deliveries_ordering import WebhooksDeliveriesOrdering
from .webhooks_list_ordering import WebhooksListOrdering
from .workspace_capabilities import WorkspaceCapabilities
from .workspace_create_input import WorkspaceCreateInput
from .workspace_created_changes import WorkspaceCreatedChanges
from .workspace_created_changes_name import WorkspaceCreatedChangesName
from .workspace_created_changes_slug import WorkspaceCreatedChangesSlug
from .workspace_created_feed_event import WorkspaceCreatedFeedEvent
from .workspace_created_feed_event_name import WorkspaceCreatedFeedEventName
from .workspace_deleted_changes import WorkspaceDeletedChanges
from .workspace_deleted_changes_slug import WorkspaceDeletedChangesSlug
from .workspace_deleted_feed_event import WorkspaceDeletedFeedEvent
from .workspace_deleted_feed_event_name import WorkspaceDeletedFeedEventName
from .workspace_issues_list_ordering import WorkspaceIssuesListOrdering
from .workspace_output import WorkspaceOutput
from .workspace_updated_changes import WorkspaceUpdatedChanges
from .workspace_updated_changes_name import WorkspaceUpdatedChangesName
from .workspace_updated_changes_slug import WorkspaceUpdatedChangesSlug
from .workspace_updated_feed_event import WorkspaceUpdatedFeedEvent
from .workspace_updated_feed_event_name import WorkspaceUpdatedFeedEventName
from .workspaces_list_ordering import WorkspacesListOrdering

__all__ = (
    "ActivityEventOutput",
    "AuthTokensOutput",
    "BoardColumnOutput",
    "BoardOutput",
    "BulkItemErrorOutput",
    "CommentCapabilities",
    "CommentCreatedChanges",
    "CommentCreatedChangesCommentId",
    "CommentCreatedFeedEvent",
    "CommentCreatedFeedEventName",
    "CommentCreateInput",
    "CommentDeletedChanges",
    "CommentDeletedChangesCommentId",
    "CommentDeletedFeedEvent",
    "CommentDeletedFeedEventName",
    "CommentOutput",
    "CommentsListOrdering",
    "CommentUpdatedChanges",
    "CommentUpdatedChangesCommentId",
    "CommentUpdatedFeedEvent",
    "CommentUpdatedFeedEventName",
    "CumulativeFlowDayOutput",
    "EventActorOutput",
    "EventName",
    "EventsFeedOrdering",
    "InsightsOutput",
    "InvitationAcceptedChanges",
    "InvitationAcceptedChangesRole",
    "InvitationAcceptedChangesUserId",
    "InvitationAcceptedFeedEvent",
    "InvitationAcceptedFeedEventName",
    "InvitationAcceptInput",
    "InvitationCreatedChanges",
    "InvitationCreatedChangesEmail",
    "InvitationCreatedChangesRole",
    "InvitationCreatedFeedEvent",
    "InvitationCreatedFeedEventName",
    "InvitationCreatedOutput",
    "InvitationCreateInput",
    "InvitationOutput",
    "InvitationRevokedChanges",
    "InvitationRevokedFeedEvent",
    "InvitationRevokedFeedEventName",
    "InvitationsListOrdering",
    "IssueBulkChangesInput",
    "IssueBulkCreateInput",
    "IssueBulkCreateOutput",
    "IssueBulkCreateResultItem",
    "IssueBulkUpdateInput",
    "IssueBulkUpdateOutput",
    "IssueBulkUpdateResultItem",
    "IssueCapabilities",
    "IssueCreatedChanges",
    "IssueCreatedChangesAssignees",
    "IssueCreatedChangesAssigneesNewType0Item",
    "IssueCreatedChangesAssigneesOldType0Item",
    "IssueCreatedChangesCompletedAt",
    "IssueCreatedChangesDescription",
    "IssueCreatedChangesDueDate",
    "IssueCreatedChangesEstimate",
    "IssueCreatedChangesExternalRef",
    "IssueCreatedChangesLabels",
    "IssueCreatedChangesLabelsNewType0Item",
    "IssueCreatedChangesLabelsOldType0Item",
    "IssueCreatedChangesParent",
    "IssueCreatedChangesParentNewType0",
    "IssueCreatedChangesParentOldType0",
    "IssueCreatedChangesPriority",
    "IssueCreatedChangesState",
    "IssueCreatedChangesStateNewType0",
    "IssueCreatedChangesStateOldType0",
    "IssueCreatedChangesTitle",
    "IssueCreatedFeedEvent",
    "IssueCreatedFeedEventName",
    "IssueCreateInput",
    "IssueDeletedChanges",
    "IssueDeletedFeedEvent",
    "IssueDeletedFeedEventName",
    "IssueLinkedChanges",
    "IssueLinkedChangesIssue",
    "IssueLinkedChangesIssueNewType0",
    "IssueLinkedChangesIssueOldType0",
    "IssueLinkedChangesRelation",
    "IssueLinkedFeedEvent",
    "IssueLinkedFeedEventName",
    "IssueListItem",
    "IssueMovedChanges",
    "IssueMovedChangesCompletedAt",
    "IssueMovedChangesPosition",
    "IssueMovedChangesState",
    "IssueMovedChangesStateNewType0",
    "IssueMovedChangesStateOldType0",
    "IssueMovedFeedEvent",
    "IssueMovedFeedEventName",
    "IssueMoveInput",
    "IssueOutput",
    "IssueRefOutput",
    "IssueRelationCreateInput",
    "IssueRelationOutput",
    "IssuesActivityOrdering",
    "IssuesRelationsListOrdering",
    "IssueStateOutput",
    "IssueUnlinkedChanges",
    "IssueUnlinkedChangesIssue",
    "IssueUnlinkedChangesIssueNewType0",
    "IssueUnlinkedChangesIssueOldType0",
    "IssueUnlinkedChangesRelation",
    "IssueUnlinkedFeedEvent",
    "IssueUnlinkedFeedEventName",
    "IssueUpdatedChanges",
    "IssueUpdatedChangesAssignees",
    "IssueUpdatedChangesAssigneesNewType0Item",
    "IssueUpdatedChangesAssigneesOldType0Item",
    "IssueUpdatedChangesCompletedAt",
    "IssueUpdatedChangesDescription",
    "IssueUpdatedChangesDueDate",
    "IssueUpdatedChangesEstimate",
    "IssueUpdatedChangesExternalRef",
    "IssueUpdatedChangesLabels",
    "IssueUpdatedChangesLabelsNewType0Item",
    "IssueUpdatedChangesLabelsOldType0Item",
    "IssueUpdatedChangesParent",
    "IssueUpdatedChangesParentNewType0",
    "IssueUpdatedChangesParentOldType0",
    "IssueUpdatedChangesPriority",
    "IssueUpdatedChangesState",
    "IssueUpdatedChangesStateNewType0",
    "IssueUpdatedChangesStateOldType0",
    "IssueUpdatedChangesTitle",
    "IssueUpdatedFeedEvent",
    "IssueUpdatedFeedEventName",
    "LabelCreatedChanges",
    "LabelCreatedChangesColor",
    "LabelCreatedChangesName",
    "LabelCreatedFeedEvent",
    "LabelCreatedFeedEventName",
    "LabelCreateInput",
    "LabelDeletedChanges",
    "LabelDeletedChangesName",
    "LabelDeletedFeedEvent",
    "LabelDeletedFeedEventName",
    "LabelOutput",
    "LabelsListOrdering",
    "LabelUpdatedChanges",
    "LabelUpdatedChangesColor",
    "LabelUpdatedChangesName",
    "LabelUpdatedFeedEvent",
    "LabelUpdatedFeedEventName",
    "LogoutInput",
    "MarkedReadOutput",
    "MemberCapabilities",
    "MemberOutput",
    "MemberRemovedChanges",
    "MemberRemovedChangesRole",
    "MemberRemovedChangesUserId",
    "MemberRemovedFeedEvent",
    "MemberRemovedFeedEventName",
    "MemberRoleChangedChanges",
    "MemberRoleChangedChangesRole",
    "MemberRoleChangedChangesUserId",
    "MemberRoleChangedFeedEvent",
    "MemberRoleChangedFeedEventName",
    "MembersListOrdering",
    "MeOutput",
    "NotificationOutput",
    "NotificationSettingsInput",
    "NotificationSettingsOutput",
    "NotificationsListOrdering",
    "PaginatedActivityEventOutputList",
    "PaginatedCommentOutputList",
    "PaginatedFeedEventOutputList",
    "PaginatedInvitationOutputList",
    "PaginatedIssueListItemList",
    "PaginatedIssueRelationOutputList",
    "PaginatedLabelOutputList",
    "PaginatedMemberOutputList",
    "PaginatedNotificationOutputList",
    "PaginatedPersonalTokenOutputList",
    "PaginatedProjectMemberOutputList",
    "PaginatedProjectOutputList",
    "PaginatedStateOutputList",
    "PaginatedWebhookDeliveryOutputList",
    "PaginatedWebhookEndpointOutputList",
    "PaginatedWorkspaceOutputList",
    "PasswordChangeInput",
    "PatchedCommentUpdateInput",
    "PatchedIssueUpdateInput",
    "PatchedLabelUpdateInput",
    "PatchedMemberRoleUpdateInput",
    "PatchedMeUpdateInput",
    "PatchedProjectUpdateInput",
    "PatchedStateUpdateInput",
    "PatchedWebhookEndpointUpdateInput",
    "PatchedWorkspaceUpdateInput",
    "PercentilesOutput",
    "PersonalTokenCreatedOutput",
    "PersonalTokenCreateInput",
    "PersonalTokenOutput",
    "PriorityEnum",
    "ProblemFieldErrorOutput",
    "ProblemOutput",
    "ProjectArchivedChanges",
    "ProjectArchivedChangesArchivedAt",
    "ProjectArchivedFeedEvent",
    "ProjectArchivedFeedEventName",
    "ProjectCapabilities",
    "ProjectCreatedChanges",
    "ProjectCreatedChangesKey",
    "ProjectCreatedChangesName",
    "ProjectCreatedFeedEvent",
    "ProjectCreatedFeedEventName",
    "ProjectCreateInput",
    "ProjectDeletedChanges",
    "ProjectDeletedChangesDeletedIssues",
    "ProjectDeletedChangesKey",
    "ProjectDeletedFeedEvent",
    "ProjectDeletedFeedEventName",
    "ProjectIssuesListOrdering",
    "ProjectMemberAddedChanges",
    "ProjectMemberAddedChangesUserId",
    "ProjectMemberAddedFeedEvent",
    "ProjectMemberAddedFeedEventName",
    "ProjectMemberAddInput",
    "ProjectMemberOutput",
    "ProjectMemberRemovedChanges",
    "ProjectMemberRemovedChangesUserId",
    "ProjectMemberRemovedFeedEvent",
    "ProjectMemberRemovedFeedEventName",
    "ProjectMembersListOrdering",
    "ProjectOutput",
    "ProjectRefOutput",
    "ProjectsListOrdering",
    "ProjectStatesReorderedChanges",
    "ProjectStatesReorderedChangesStateIds",
    "ProjectStatesReorderedFeedEvent",
    "ProjectStatesReorderedFeedEventName",
    "ProjectUnarchivedChanges",
    "ProjectUnarchivedChangesArchivedAt",
    "ProjectUnarchivedFeedEvent",
    "ProjectUnarchivedFeedEventName",
    "ProjectUpdatedChanges",
    "ProjectUpdatedChangesDescription",
    "ProjectUpdatedChangesLeadId",
    "ProjectUpdatedChangesName",
    "ProjectUpdatedFeedEvent",
    "ProjectUpdatedFeedEventName",
    "RealtimeEventOutput",
    "RealtimeEventOutputSubject",
    "RealtimeTicketOutput",
    "ReasonEnum",
    "RefreshTransportEnum",
    "RegisterInput",
    "RelatedIssueOutput",
    "RelationKindEnum",
    "RoleEnum",
    "StateCategoryEnum",
    "StateCreatedChanges",
    "StateCreatedChangesCategory",
    "StateCreatedChangesColor",
    "StateCreatedChangesName",
    "StateCreatedFeedEvent",
    "StateCreatedFeedEventName",
    "StateCreateInput",
    "StateDeletedChanges",
    "StateDeletedChangesCategory",
    "StateDeletedChangesColor",
    "StateDeletedChangesMovedIssues",
    "StateDeletedChangesName",
    "StateDeletedFeedEvent",
    "StateDeletedFeedEventName",
    "StateOutput",
    "StateReorderInput",
    "StatesListOrdering",
    "StateUpdatedChanges",
    "StateUpdatedChangesCategory",
    "StateUpdatedChangesColor",
    "StateUpdatedChangesName",
    "StateUpdatedFeedEvent",
    "StateUpdatedFeedEventName",
    "StatusEnum",
    "SubscriptionInput",
    "SubscriptionOutput",
    "ThroughputWeekOutput",
    "TokenObtainInput",
    "TokenRefreshInput",
    "TokenScopeEnum",
    "TokensListOrdering",
    "UnreadCountOutput",
    "UserSummaryOutput",
    "WebhookAttemptOutput",
    "WebhookDeliveryOutput",
    "WebhookEndpointCreatedOutput",
    "WebhookEndpointCreateInput",
    "WebhookEndpointOutput",
    "WebhooksDeliveriesOrdering",
    "WebhookSecretOutput",
    "WebhooksListOrdering",
    "WorkspaceCapabilities",
    "WorkspaceCreatedChanges",
    "WorkspaceCreatedChangesName",
    "WorkspaceCreatedChangesSlug",
    "WorkspaceCreatedFeedEvent",
    "WorkspaceCreatedFeedEventName",
    "WorkspaceCreateInput",
    "WorkspaceDeletedChanges",
    "WorkspaceDeletedChangesSlug",
    "WorkspaceDeletedFeedEvent",
    "WorkspaceDeletedFeedEventName",
    "WorkspaceIssuesListOrdering",
    "WorkspaceOutput",
    "WorkspacesListOrdering",
    "WorkspaceUpdatedChanges",
    "WorkspaceUpdatedChangesName",
    "WorkspaceUpdatedChangesSlug",
    "WorkspaceUpdatedFeedEvent",
    "WorkspaceUpdatedFeedEventName",
)
