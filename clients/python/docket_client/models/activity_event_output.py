from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_name import EventName

if TYPE_CHECKING:
    from ..models.comment_created_changes import CommentCreatedChanges
    from ..models.comment_deleted_changes import CommentDeletedChanges
    from ..models.comment_updated_changes import CommentUpdatedChanges
    from ..models.event_actor_output import EventActorOutput
    from ..models.invitation_accepted_changes import InvitationAcceptedChanges
    from ..models.invitation_created_changes import InvitationCreatedChanges
    from ..models.invitation_revoked_changes import InvitationRevokedChanges
    from ..models.issue_created_changes import IssueCreatedChanges
    from ..models.issue_deleted_changes import IssueDeletedChanges
    from ..models.issue_linked_changes import IssueLinkedChanges
    from ..models.issue_moved_changes import IssueMovedChanges
    from ..models.issue_unlinked_changes import IssueUnlinkedChanges
    from ..models.issue_updated_changes import IssueUpdatedChanges
    from ..models.label_created_changes import LabelCreatedChanges
    from ..models.label_deleted_changes import LabelDeletedChanges
    from ..models.label_updated_changes import LabelUpdatedChanges
    from ..models.member_removed_changes import MemberRemovedChanges
    from ..models.member_role_changed_changes import MemberRoleChangedChanges
    from ..models.project_archived_changes import ProjectArchivedChanges
    from ..models.project_created_changes import ProjectCreatedChanges
    from ..models.project_deleted_changes import ProjectDeletedChanges
    from ..models.project_member_added_changes import ProjectMemberAddedChanges
    from ..models.project_member_removed_changes import ProjectMemberRemovedChanges
    from ..models.project_states_reordered_changes import ProjectStatesReorderedChanges
    from ..models.project_unarchived_changes import ProjectUnarchivedChanges
    from ..models.project_updated_changes import ProjectUpdatedChanges
    from ..models.state_created_changes import StateCreatedChanges
    from ..models.state_deleted_changes import StateDeletedChanges
    from ..models.state_updated_changes import StateUpdatedChanges
    from ..models.workspace_created_changes import WorkspaceCreatedChanges
    from ..models.workspace_deleted_changes import WorkspaceDeletedChanges
    from ..models.workspace_updated_changes import WorkspaceUpdatedChanges


T = TypeVar("T", bound="ActivityEventOutput")


@_attrs_define
class ActivityEventOutput:
    """
    Attributes:
        id (int):
        name (EventName): Every kind of event the log records.
        actor (EventActorOutput | None):
        subject_type (str):
        subject_id (UUID):
        subject_label (str):
        changes (CommentCreatedChanges | CommentDeletedChanges | CommentUpdatedChanges | InvitationAcceptedChanges |
            InvitationCreatedChanges | InvitationRevokedChanges | IssueCreatedChanges | IssueDeletedChanges |
            IssueLinkedChanges | IssueMovedChanges | IssueUnlinkedChanges | IssueUpdatedChanges | LabelCreatedChanges |
            LabelDeletedChanges | LabelUpdatedChanges | MemberRemovedChanges | MemberRoleChangedChanges |
            ProjectArchivedChanges | ProjectCreatedChanges | ProjectDeletedChanges | ProjectMemberAddedChanges |
            ProjectMemberRemovedChanges | ProjectStatesReorderedChanges | ProjectUnarchivedChanges | ProjectUpdatedChanges |
            StateCreatedChanges | StateDeletedChanges | StateUpdatedChanges | WorkspaceCreatedChanges |
            WorkspaceDeletedChanges | WorkspaceUpdatedChanges): Changed fields as {"field": {"old": ..., "new": ...}}; its
            shape is the one of the event's name (`<Name>Changes`).
        created_at (datetime.datetime):
    """

    id: int
    name: EventName
    actor: EventActorOutput | None
    subject_type: str
    subject_id: UUID
    subject_label: str
    changes: (
        CommentCreatedChanges
        | CommentDeletedChanges
        | CommentUpdatedChanges
        | InvitationAcceptedChanges
        | InvitationCreatedChanges
        | InvitationRevokedChanges
        | IssueCreatedChanges
        | IssueDeletedChanges
        | IssueLinkedChanges
        | IssueMovedChanges
        | IssueUnlinkedChanges
        | IssueUpdatedChanges
        | LabelCreatedChanges
        | LabelDeletedChanges
        | LabelUpdatedChanges
        | MemberRemovedChanges
        | MemberRoleChangedChanges
        | ProjectArchivedChanges
        | ProjectCreatedChanges
        | ProjectDeletedChanges
        | ProjectMemberAddedChanges
        | ProjectMemberRemovedChanges
        | ProjectStatesReorderedChanges
        | ProjectUnarchivedChanges
        | ProjectUpdatedChanges
        | StateCreatedChanges
        | StateDeletedChanges
        | StateUpdatedChanges
        | WorkspaceCreatedChanges
        | WorkspaceDeletedChanges
        | WorkspaceUpdatedChanges
    )
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.comment_created_changes import CommentCreatedChanges  # noqa: PLC0415
        from ..models.comment_deleted_changes import CommentDeletedChanges  # noqa: PLC0415
        from ..models.comment_updated_changes import CommentUpdatedChanges  # noqa: PLC0415
        from ..models.event_actor_output import EventActorOutput  # noqa: PLC0415
        from ..models.invitation_accepted_changes import InvitationAcceptedChanges  # noqa: PLC0415
        from ..models.invitation_created_changes import InvitationCreatedChanges  # noqa: PLC0415
        from ..models.invitation_revoked_changes import InvitationRevokedChanges  # noqa: PLC0415
        from ..models.issue_created_changes import IssueCreatedChanges  # noqa: PLC0415
        from ..models.issue_deleted_changes import IssueDeletedChanges  # noqa: PLC0415
        from ..models.issue_linked_changes import IssueLinkedChanges  # noqa: PLC0415
        from ..models.issue_moved_changes import IssueMovedChanges  # noqa: PLC0415
        from ..models.issue_unlinked_changes import IssueUnlinkedChanges  # noqa: PLC0415
        from ..models.issue_updated_changes import IssueUpdatedChanges  # noqa: PLC0415
        from ..models.label_created_changes import LabelCreatedChanges  # noqa: PLC0415
        from ..models.label_deleted_changes import LabelDeletedChanges  # noqa: PLC0415
        from ..models.label_updated_changes import LabelUpdatedChanges  # noqa: PLC0415
        from ..models.member_removed_changes import MemberRemovedChanges  # noqa: PLC0415
        from ..models.member_role_changed_changes import MemberRoleChangedChanges  # noqa: PLC0415
        from ..models.project_archived_changes import ProjectArchivedChanges  # noqa: PLC0415
        from ..models.project_created_changes import ProjectCreatedChanges  # noqa: PLC0415
        from ..models.project_deleted_changes import ProjectDeletedChanges  # noqa: PLC0415
        from ..models.project_member_added_changes import ProjectMemberAddedChanges  # noqa: PLC0415
        from ..models.project_member_removed_changes import ProjectMemberRemovedChanges  # noqa: PLC0415
        from ..models.project_states_reordered_changes import (
            ProjectStatesReorderedChanges,  # noqa: PLC0415
        )
        from ..models.project_unarchived_changes import ProjectUnarchivedChanges  # noqa: PLC0415
        from ..models.project_updated_changes import ProjectUpdatedChanges  # noqa: PLC0415
        from ..models.state_created_changes import StateCreatedChanges  # noqa: PLC0415
        from ..models.state_deleted_changes import StateDeletedChanges  # noqa: PLC0415
        from ..models.state_updated_changes import StateUpdatedChanges  # noqa: PLC0415
        from ..models.workspace_created_changes import WorkspaceCreatedChanges  # noqa: PLC0415
        from ..models.workspace_deleted_changes import WorkspaceDeletedChanges  # noqa: PLC0415

        id = self.id

        name = self.name.value

        actor: dict[str, Any] | None
        if isinstance(self.actor, EventActorOutput):
            actor = self.actor.to_dict()
        else:
            actor = self.actor

        subject_type = self.subject_type

        subject_id = str(self.subject_id)

        subject_label = self.subject_label

        changes: dict[str, Any]
        if isinstance(self.changes, CommentCreatedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, CommentDeletedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, CommentUpdatedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, InvitationAcceptedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, InvitationCreatedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, InvitationRevokedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, IssueCreatedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, IssueDeletedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, IssueLinkedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, IssueMovedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, IssueUnlinkedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, IssueUpdatedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, LabelCreatedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, LabelDeletedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, LabelUpdatedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, MemberRemovedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, MemberRoleChangedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, ProjectArchivedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, ProjectCreatedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, ProjectDeletedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, ProjectMemberAddedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, ProjectMemberRemovedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, ProjectStatesReorderedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, ProjectUnarchivedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, ProjectUpdatedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, StateCreatedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, StateDeletedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, StateUpdatedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, WorkspaceCreatedChanges):
            changes = self.changes.to_dict()
        elif isinstance(self.changes, WorkspaceDeletedChanges):
            changes = self.changes.to_dict()
        else:
            changes = self.changes.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "actor": actor,
                "subject_type": subject_type,
                "subject_id": subject_id,
                "subject_label": subject_label,
                "changes": changes,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comment_created_changes import CommentCreatedChanges  # noqa: PLC0415
        from ..models.comment_deleted_changes import CommentDeletedChanges  # noqa: PLC0415
        from ..models.comment_updated_changes import CommentUpdatedChanges  # noqa: PLC0415
        from ..models.event_actor_output import EventActorOutput  # noqa: PLC0415
        from ..models.invitation_accepted_changes import InvitationAcceptedChanges  # noqa: PLC0415
        from ..models.invitation_created_changes import InvitationCreatedChanges  # noqa: PLC0415
        from ..models.invitation_revoked_changes import InvitationRevokedChanges  # noqa: PLC0415
        from ..models.issue_created_changes import IssueCreatedChanges  # noqa: PLC0415
        from ..models.issue_deleted_changes import IssueDeletedChanges  # noqa: PLC0415
        from ..models.issue_linked_changes import IssueLinkedChanges  # noqa: PLC0415
        from ..models.issue_moved_changes import IssueMovedChanges  # noqa: PLC0415
        from ..models.issue_unlinked_changes import IssueUnlinkedChanges  # noqa: PLC0415
        from ..models.issue_updated_changes import IssueUpdatedChanges  # noqa: PLC0415
        from ..models.label_created_changes import LabelCreatedChanges  # noqa: PLC0415
        from ..models.label_deleted_changes import LabelDeletedChanges  # noqa: PLC0415
        from ..models.label_updated_changes import LabelUpdatedChanges  # noqa: PLC0415
        from ..models.member_removed_changes import MemberRemovedChanges  # noqa: PLC0415
        from ..models.member_role_changed_changes import MemberRoleChangedChanges  # noqa: PLC0415
        from ..models.project_archived_changes import ProjectArchivedChanges  # noqa: PLC0415
        from ..models.project_created_changes import ProjectCreatedChanges  # noqa: PLC0415
        from ..models.project_deleted_changes import ProjectDeletedChanges  # noqa: PLC0415
        from ..models.project_member_added_changes import ProjectMemberAddedChanges  # noqa: PLC0415
        from ..models.project_member_removed_changes import ProjectMemberRemovedChanges  # noqa: PLC0415
        from ..models.project_states_reordered_changes import (
            ProjectStatesReorderedChanges,  # noqa: PLC0415
        )
        from ..models.project_unarchived_changes import ProjectUnarchivedChanges  # noqa: PLC0415
        from ..models.project_updated_changes import ProjectUpdatedChanges  # noqa: PLC0415
        from ..models.state_created_changes import StateCreatedChanges  # noqa: PLC0415
        from ..models.state_deleted_changes import StateDeletedChanges  # noqa: PLC0415
        from ..models.state_updated_changes import StateUpdatedChanges  # noqa: PLC0415
        from ..models.workspace_created_changes import WorkspaceCreatedChanges  # noqa: PLC0415
        from ..models.workspace_deleted_changes import WorkspaceDeletedChanges  # noqa: PLC0415
        from ..models.workspace_updated_changes import WorkspaceUpdatedChanges  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = EventName(d.pop("name"))

        def _parse_actor(data: object) -> EventActorOutput | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                actor_type_1 = EventActorOutput.from_dict(data)

                return actor_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventActorOutput | None, data)

        actor = _parse_actor(d.pop("actor"))

        subject_type = d.pop("subject_type")

        subject_id = UUID(d.pop("subject_id"))

        subject_label = d.pop("subject_label")

        def _parse_changes(
            data: object,
        ) -> (
            CommentCreatedChanges
            | CommentDeletedChanges
            | CommentUpdatedChanges
            | InvitationAcceptedChanges
            | InvitationCreatedChanges
            | InvitationRevokedChanges
            | IssueCreatedChanges
            | IssueDeletedChanges
            | IssueLinkedChanges
            | IssueMovedChanges
            | IssueUnlinkedChanges
            | IssueUpdatedChanges
            | LabelCreatedChanges
            | LabelDeletedChanges
            | LabelUpdatedChanges
            | MemberRemovedChanges
            | MemberRoleChangedChanges
            | ProjectArchivedChanges
            | ProjectCreatedChanges
            | ProjectDeletedChanges
            | ProjectMemberAddedChanges
            | ProjectMemberRemovedChanges
            | ProjectStatesReorderedChanges
            | ProjectUnarchivedChanges
            | ProjectUpdatedChanges
            | StateCreatedChanges
            | StateDeletedChanges
            | StateUpdatedChanges
            | WorkspaceCreatedChanges
            | WorkspaceDeletedChanges
            | WorkspaceUpdatedChanges
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_0 = CommentCreatedChanges.from_dict(data)

                return changes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_1 = CommentDeletedChanges.from_dict(data)

                return changes_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_2 = CommentUpdatedChanges.from_dict(data)

                return changes_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_3 = InvitationAcceptedChanges.from_dict(data)

                return changes_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_4 = InvitationCreatedChanges.from_dict(data)

                return changes_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_5 = InvitationRevokedChanges.from_dict(data)

                return changes_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_6 = IssueCreatedChanges.from_dict(data)

                return changes_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_7 = IssueDeletedChanges.from_dict(data)

                return changes_type_7
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_8 = IssueLinkedChanges.from_dict(data)

                return changes_type_8
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_9 = IssueMovedChanges.from_dict(data)

                return changes_type_9
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_10 = IssueUnlinkedChanges.from_dict(data)

                return changes_type_10
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_11 = IssueUpdatedChanges.from_dict(data)

                return changes_type_11
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_12 = LabelCreatedChanges.from_dict(data)

                return changes_type_12
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_13 = LabelDeletedChanges.from_dict(data)

                return changes_type_13
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_14 = LabelUpdatedChanges.from_dict(data)

                return changes_type_14
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_15 = MemberRemovedChanges.from_dict(data)

                return changes_type_15
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_16 = MemberRoleChangedChanges.from_dict(data)

                return changes_type_16
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_17 = ProjectArchivedChanges.from_dict(data)

                return changes_type_17
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_18 = ProjectCreatedChanges.from_dict(data)

                return changes_type_18
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_19 = ProjectDeletedChanges.from_dict(data)

                return changes_type_19
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_20 = ProjectMemberAddedChanges.from_dict(data)

                return changes_type_20
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_21 = ProjectMemberRemovedChanges.from_dict(data)

                return changes_type_21
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_22 = ProjectStatesReorderedChanges.from_dict(data)

                return changes_type_22
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_23 = ProjectUnarchivedChanges.from_dict(data)

                return changes_type_23
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_24 = ProjectUpdatedChanges.from_dict(data)

                return changes_type_24
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_25 = StateCreatedChanges.from_dict(data)

                return changes_type_25
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_26 = StateDeletedChanges.from_dict(data)

                return changes_type_26
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_27 = StateUpdatedChanges.from_dict(data)

                return changes_type_27
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_28 = WorkspaceCreatedChanges.from_dict(data)

                return changes_type_28
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_29 = WorkspaceDeletedChanges.from_dict(data)

                return changes_type_29
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            changes_type_30 = WorkspaceUpdatedChanges.from_dict(data)

            return changes_type_30

        changes = _parse_changes(d.pop("changes"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        activity_event_output = cls(
            id=id,
            name=name,
            actor=actor,
            subject_type=subject_type,
            subject_id=subject_id,
            subject_label=subject_label,
            changes=changes,
            created_at=created_at,
        )

        activity_event_output.additional_properties = d
        return activity_event_output

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
