from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.comment_created_feed_event import CommentCreatedFeedEvent
    from ..models.comment_deleted_feed_event import CommentDeletedFeedEvent
    from ..models.comment_updated_feed_event import CommentUpdatedFeedEvent
    from ..models.invitation_accepted_feed_event import InvitationAcceptedFeedEvent
    from ..models.invitation_created_feed_event import InvitationCreatedFeedEvent
    from ..models.invitation_revoked_feed_event import InvitationRevokedFeedEvent
    from ..models.issue_created_feed_event import IssueCreatedFeedEvent
    from ..models.issue_deleted_feed_event import IssueDeletedFeedEvent
    from ..models.issue_linked_feed_event import IssueLinkedFeedEvent
    from ..models.issue_moved_feed_event import IssueMovedFeedEvent
    from ..models.issue_unlinked_feed_event import IssueUnlinkedFeedEvent
    from ..models.issue_updated_feed_event import IssueUpdatedFeedEvent
    from ..models.label_created_feed_event import LabelCreatedFeedEvent
    from ..models.label_deleted_feed_event import LabelDeletedFeedEvent
    from ..models.label_updated_feed_event import LabelUpdatedFeedEvent
    from ..models.member_removed_feed_event import MemberRemovedFeedEvent
    from ..models.member_role_changed_feed_event import MemberRoleChangedFeedEvent
    from ..models.project_archived_feed_event import ProjectArchivedFeedEvent
    from ..models.project_created_feed_event import ProjectCreatedFeedEvent
    from ..models.project_deleted_feed_event import ProjectDeletedFeedEvent
    from ..models.project_member_added_feed_event import ProjectMemberAddedFeedEvent
    from ..models.project_member_removed_feed_event import ProjectMemberRemovedFeedEvent
    from ..models.project_states_reordered_feed_event import (
        ProjectStatesReorderedFeedEvent,
    )
    from ..models.project_unarchived_feed_event import ProjectUnarchivedFeedEvent
    from ..models.project_updated_feed_event import ProjectUpdatedFeedEvent
    from ..models.state_created_feed_event import StateCreatedFeedEvent
    from ..models.state_deleted_feed_event import StateDeletedFeedEvent
    from ..models.state_updated_feed_event import StateUpdatedFeedEvent
    from ..models.workspace_created_feed_event import WorkspaceCreatedFeedEvent
    from ..models.workspace_deleted_feed_event import WorkspaceDeletedFeedEvent
    from ..models.workspace_updated_feed_event import WorkspaceUpdatedFeedEvent


T = TypeVar("T", bound="PaginatedFeedEventOutputList")


@_attrs_define
class PaginatedFeedEventOutputList:
    """
    Attributes:
        results (list[CommentCreatedFeedEvent | CommentDeletedFeedEvent | CommentUpdatedFeedEvent |
            InvitationAcceptedFeedEvent | InvitationCreatedFeedEvent | InvitationRevokedFeedEvent | IssueCreatedFeedEvent |
            IssueDeletedFeedEvent | IssueLinkedFeedEvent | IssueMovedFeedEvent | IssueUnlinkedFeedEvent |
            IssueUpdatedFeedEvent | LabelCreatedFeedEvent | LabelDeletedFeedEvent | LabelUpdatedFeedEvent |
            MemberRemovedFeedEvent | MemberRoleChangedFeedEvent | ProjectArchivedFeedEvent | ProjectCreatedFeedEvent |
            ProjectDeletedFeedEvent | ProjectMemberAddedFeedEvent | ProjectMemberRemovedFeedEvent |
            ProjectStatesReorderedFeedEvent | ProjectUnarchivedFeedEvent | ProjectUpdatedFeedEvent | StateCreatedFeedEvent |
            StateDeletedFeedEvent | StateUpdatedFeedEvent | WorkspaceCreatedFeedEvent | WorkspaceDeletedFeedEvent |
            WorkspaceUpdatedFeedEvent]):
        next_cursor (None | str): Pass as `cursor` to get the next page; null on the last page (on a feed: the position
            after the last event, null only while empty).
    """

    results: list[
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
    ]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.comment_created_feed_event import CommentCreatedFeedEvent  # noqa: PLC0415
        from ..models.comment_deleted_feed_event import CommentDeletedFeedEvent  # noqa: PLC0415
        from ..models.comment_updated_feed_event import CommentUpdatedFeedEvent  # noqa: PLC0415
        from ..models.invitation_accepted_feed_event import InvitationAcceptedFeedEvent  # noqa: PLC0415
        from ..models.invitation_created_feed_event import InvitationCreatedFeedEvent  # noqa: PLC0415
        from ..models.invitation_revoked_feed_event import InvitationRevokedFeedEvent  # noqa: PLC0415
        from ..models.issue_created_feed_event import IssueCreatedFeedEvent  # noqa: PLC0415
        from ..models.issue_deleted_feed_event import IssueDeletedFeedEvent  # noqa: PLC0415
        from ..models.issue_linked_feed_event import IssueLinkedFeedEvent  # noqa: PLC0415
        from ..models.issue_moved_feed_event import IssueMovedFeedEvent  # noqa: PLC0415
        from ..models.issue_unlinked_feed_event import IssueUnlinkedFeedEvent  # noqa: PLC0415
        from ..models.issue_updated_feed_event import IssueUpdatedFeedEvent  # noqa: PLC0415
        from ..models.label_created_feed_event import LabelCreatedFeedEvent  # noqa: PLC0415
        from ..models.label_deleted_feed_event import LabelDeletedFeedEvent  # noqa: PLC0415
        from ..models.label_updated_feed_event import LabelUpdatedFeedEvent  # noqa: PLC0415
        from ..models.member_removed_feed_event import MemberRemovedFeedEvent  # noqa: PLC0415
        from ..models.member_role_changed_feed_event import MemberRoleChangedFeedEvent  # noqa: PLC0415
        from ..models.project_archived_feed_event import ProjectArchivedFeedEvent  # noqa: PLC0415
        from ..models.project_created_feed_event import ProjectCreatedFeedEvent  # noqa: PLC0415
        from ..models.project_deleted_feed_event import ProjectDeletedFeedEvent  # noqa: PLC0415
        from ..models.project_member_added_feed_event import ProjectMemberAddedFeedEvent  # noqa: PLC0415
        from ..models.project_member_removed_feed_event import (
            ProjectMemberRemovedFeedEvent,  # noqa: PLC0415
        )
        from ..models.project_states_reordered_feed_event import (
            ProjectStatesReorderedFeedEvent,  # noqa: PLC0415
        )
        from ..models.project_unarchived_feed_event import ProjectUnarchivedFeedEvent  # noqa: PLC0415
        from ..models.project_updated_feed_event import ProjectUpdatedFeedEvent  # noqa: PLC0415
        from ..models.state_created_feed_event import StateCreatedFeedEvent  # noqa: PLC0415
        from ..models.state_deleted_feed_event import StateDeletedFeedEvent  # noqa: PLC0415
        from ..models.state_updated_feed_event import StateUpdatedFeedEvent  # noqa: PLC0415
        from ..models.workspace_created_feed_event import WorkspaceCreatedFeedEvent  # noqa: PLC0415
        from ..models.workspace_deleted_feed_event import WorkspaceDeletedFeedEvent  # noqa: PLC0415

        results = []
        for results_item_data in self.results:
            results_item: dict[str, Any]
            if isinstance(results_item_data, CommentCreatedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, CommentDeletedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, CommentUpdatedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, InvitationAcceptedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, InvitationCreatedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, InvitationRevokedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, IssueCreatedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, IssueDeletedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, IssueLinkedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, IssueMovedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, IssueUnlinkedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, IssueUpdatedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, LabelCreatedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, LabelDeletedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, LabelUpdatedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, MemberRemovedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, MemberRoleChangedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, ProjectArchivedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, ProjectCreatedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, ProjectDeletedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, ProjectMemberAddedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, ProjectMemberRemovedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, ProjectStatesReorderedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, ProjectUnarchivedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, ProjectUpdatedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, StateCreatedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, StateDeletedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, StateUpdatedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, WorkspaceCreatedFeedEvent):
                results_item = results_item_data.to_dict()
            elif isinstance(results_item_data, WorkspaceDeletedFeedEvent):
                results_item = results_item_data.to_dict()
            else:
                results_item = results_item_data.to_dict()

            results.append(results_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "results": results,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comment_created_feed_event import CommentCreatedFeedEvent  # noqa: PLC0415
        from ..models.comment_deleted_feed_event import CommentDeletedFeedEvent  # noqa: PLC0415
        from ..models.comment_updated_feed_event import CommentUpdatedFeedEvent  # noqa: PLC0415
        from ..models.invitation_accepted_feed_event import InvitationAcceptedFeedEvent  # noqa: PLC0415
        from ..models.invitation_created_feed_event import InvitationCreatedFeedEvent  # noqa: PLC0415
        from ..models.invitation_revoked_feed_event import InvitationRevokedFeedEvent  # noqa: PLC0415
        from ..models.issue_created_feed_event import IssueCreatedFeedEvent  # noqa: PLC0415
        from ..models.issue_deleted_feed_event import IssueDeletedFeedEvent  # noqa: PLC0415
        from ..models.issue_linked_feed_event import IssueLinkedFeedEvent  # noqa: PLC0415
        from ..models.issue_moved_feed_event import IssueMovedFeedEvent  # noqa: PLC0415
        from ..models.issue_unlinked_feed_event import IssueUnlinkedFeedEvent  # noqa: PLC0415
        from ..models.issue_updated_feed_event import IssueUpdatedFeedEvent  # noqa: PLC0415
        from ..models.label_created_feed_event import LabelCreatedFeedEvent  # noqa: PLC0415
        from ..models.label_deleted_feed_event import LabelDeletedFeedEvent  # noqa: PLC0415
        from ..models.label_updated_feed_event import LabelUpdatedFeedEvent  # noqa: PLC0415
        from ..models.member_removed_feed_event import MemberRemovedFeedEvent  # noqa: PLC0415
        from ..models.member_role_changed_feed_event import MemberRoleChangedFeedEvent  # noqa: PLC0415
        from ..models.project_archived_feed_event import ProjectArchivedFeedEvent  # noqa: PLC0415
        from ..models.project_created_feed_event import ProjectCreatedFeedEvent  # noqa: PLC0415
        from ..models.project_deleted_feed_event import ProjectDeletedFeedEvent  # noqa: PLC0415
        from ..models.project_member_added_feed_event import ProjectMemberAddedFeedEvent  # noqa: PLC0415
        from ..models.project_member_removed_feed_event import (
            ProjectMemberRemovedFeedEvent,  # noqa: PLC0415
        )
        from ..models.project_states_reordered_feed_event import (
            ProjectStatesReorderedFeedEvent,  # noqa: PLC0415
        )
        from ..models.project_unarchived_feed_event import ProjectUnarchivedFeedEvent  # noqa: PLC0415
        from ..models.project_updated_feed_event import ProjectUpdatedFeedEvent  # noqa: PLC0415
        from ..models.state_created_feed_event import StateCreatedFeedEvent  # noqa: PLC0415
        from ..models.state_deleted_feed_event import StateDeletedFeedEvent  # noqa: PLC0415
        from ..models.state_updated_feed_event import StateUpdatedFeedEvent  # noqa: PLC0415
        from ..models.workspace_created_feed_event import WorkspaceCreatedFeedEvent  # noqa: PLC0415
        from ..models.workspace_deleted_feed_event import WorkspaceDeletedFeedEvent  # noqa: PLC0415
        from ..models.workspace_updated_feed_event import WorkspaceUpdatedFeedEvent  # noqa: PLC0415

        d = dict(src_dict)
        results = []
        _results = d.pop("results")
        for results_item_data in _results:

            def _parse_results_item(
                data: object,
            ) -> (
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
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_0 = CommentCreatedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_1 = CommentDeletedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_2 = CommentUpdatedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_3 = (
                        InvitationAcceptedFeedEvent.from_dict(data)
                    )

                    return componentsschemas_feed_event_output_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_4 = (
                        InvitationCreatedFeedEvent.from_dict(data)
                    )

                    return componentsschemas_feed_event_output_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_5 = (
                        InvitationRevokedFeedEvent.from_dict(data)
                    )

                    return componentsschemas_feed_event_output_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_6 = IssueCreatedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_7 = IssueDeletedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_8 = IssueLinkedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_8
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_9 = IssueMovedFeedEvent.from_dict(data)

                    return componentsschemas_feed_event_output_type_9
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_10 = IssueUnlinkedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_10
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_11 = IssueUpdatedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_11
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_12 = LabelCreatedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_12
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_13 = LabelDeletedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_13
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_14 = LabelUpdatedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_14
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_15 = MemberRemovedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_15
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_16 = (
                        MemberRoleChangedFeedEvent.from_dict(data)
                    )

                    return componentsschemas_feed_event_output_type_16
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_17 = (
                        ProjectArchivedFeedEvent.from_dict(data)
                    )

                    return componentsschemas_feed_event_output_type_17
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_18 = ProjectCreatedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_18
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_19 = ProjectDeletedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_19
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_20 = (
                        ProjectMemberAddedFeedEvent.from_dict(data)
                    )

                    return componentsschemas_feed_event_output_type_20
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_21 = (
                        ProjectMemberRemovedFeedEvent.from_dict(data)
                    )

                    return componentsschemas_feed_event_output_type_21
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_22 = (
                        ProjectStatesReorderedFeedEvent.from_dict(data)
                    )

                    return componentsschemas_feed_event_output_type_22
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_23 = (
                        ProjectUnarchivedFeedEvent.from_dict(data)
                    )

                    return componentsschemas_feed_event_output_type_23
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_24 = ProjectUpdatedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_24
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_25 = StateCreatedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_25
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_26 = StateDeletedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_26
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_27 = StateUpdatedFeedEvent.from_dict(
                        data
                    )

                    return componentsschemas_feed_event_output_type_27
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_28 = (
                        WorkspaceCreatedFeedEvent.from_dict(data)
                    )

                    return componentsschemas_feed_event_output_type_28
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_feed_event_output_type_29 = (
                        WorkspaceDeletedFeedEvent.from_dict(data)
                    )

                    return componentsschemas_feed_event_output_type_29
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_feed_event_output_type_30 = WorkspaceUpdatedFeedEvent.from_dict(
                    data
                )

                return componentsschemas_feed_event_output_type_30

            results_item = _parse_results_item(results_item_data)

            results.append(results_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        paginated_feed_event_output_list = cls(
            results=results,
            next_cursor=next_cursor,
        )

        paginated_feed_event_output_list.additional_properties = d
        return paginated_feed_event_output_list

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
