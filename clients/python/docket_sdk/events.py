"""The change feed's events, each decoded to its own type (the schema discriminates them by
`name`): `FeedEvent` is the union of the generated `<Name>FeedEvent` models, kept equal to
the generated list's item type by tests/test_feed_event_types.py."""

from typing import TypeAlias

from docket_client.models import (
    CommentCreatedFeedEvent,
    CommentDeletedFeedEvent,
    CommentUpdatedFeedEvent,
    InvitationAcceptedFeedEvent,
    InvitationCreatedFeedEvent,
    InvitationRevokedFeedEvent,
    IssueCreatedFeedEvent,
    IssueDeletedFeedEvent,
    IssueLinkedFeedEvent,
    IssueMovedFeedEvent,
    IssueUnlinkedFeedEvent,
    IssueUpdatedFeedEvent,
    LabelCreatedFeedEvent,
    LabelDeletedFeedEvent,
    LabelUpdatedFeedEvent,
    MemberRemovedFeedEvent,
    MemberRoleChangedFeedEvent,
    ProjectArchivedFeedEvent,
    ProjectCreatedFeedEvent,
    ProjectDeletedFeedEvent,
    ProjectMemberAddedFeedEvent,
    ProjectMemberRemovedFeedEvent,
    ProjectStatesReorderedFeedEvent,
    ProjectUnarchivedFeedEvent,
    ProjectUpdatedFeedEvent,
    StateCreatedFeedEvent,
    StateDeletedFeedEvent,
    StateUpdatedFeedEvent,
    WorkspaceCreatedFeedEvent,
    WorkspaceDeletedFeedEvent,
    WorkspaceUpdatedFeedEvent,
)

FeedEvent: TypeAlias = (
    CommentCreatedFeedEvent
    | CommentDeletedFeedEvent
    | CommentUpdatedFeedEvent
    | InvitationAcceptedFeedEvent
    | InvitationCreatedFeedEvent
    | InvitationRevokedFeedEvent
    | IssueCreatedFeedEvent
    | IssueDeletedFeedEvent
    | IssueLinkedFeedEvent
    | IssueMovedFeedEvent
    | IssueUnlinkedFeedEvent
    | IssueUpdatedFeedEvent
    | LabelCreatedFeedEvent
    | LabelDeletedFeedEvent
    | LabelUpdatedFeedEvent
    | MemberRemovedFeedEvent
    | MemberRoleChangedFeedEvent
    | ProjectArchivedFeedEvent
    | ProjectCreatedFeedEvent
    | ProjectDeletedFeedEvent
    | ProjectMemberAddedFeedEvent
    | ProjectMemberRemovedFeedEvent
    | ProjectStatesReorderedFeedEvent
    | ProjectUnarchivedFeedEvent
    | ProjectUpdatedFeedEvent
    | StateCreatedFeedEvent
    | StateDeletedFeedEvent
    | StateUpdatedFeedEvent
    | WorkspaceCreatedFeedEvent
    | WorkspaceDeletedFeedEvent
    | WorkspaceUpdatedFeedEvent
)
