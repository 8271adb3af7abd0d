import type { Schemas } from "../../../shared/api/queries";

export type EventName = Schemas["EventName"];

/**
 * Every event a webhook can subscribe to. A record over the schema's `EventName` enum, so that
 * `tsc` fails here when the API adds or drops an event and the client is regenerated.
 */
const EVENTS: Record<EventName, true> = {
  "comment.created": true,
  "comment.deleted": true,
  "comment.updated": true,
  "invitation.accepted": true,
  "invitation.created": true,
  "invitation.revoked": true,
  "issue.created": true,
  "issue.deleted": true,
  "issue.linked": true,
  "issue.moved": true,
  "issue.unlinked": true,
  "issue.updated": true,
  "label.created": true,
  "label.deleted": true,
  "label.updated": true,
  "member.removed": true,
  "member.role_changed": true,
  "project.archived": true,
  "project.created": true,
  "project.deleted": true,
  "project.member_added": true,
  "project.member_removed": true,
  "project.states_reordered": true,
  "project.unarchived": true,
  "project.updated": true,
  "state.created": true,
  "state.deleted": true,
  "state.updated": true,
  "workspace.created": true,
  "workspace.deleted": true,
  "workspace.updated": true,
};

export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

/** The event names grouped by what they are about (`issue`, `comment`, ...), in name order. */
export function eventGroups(): [string, EventName[]][] {
  const groups = new Map<string, EventName[]>();
  for (const name of [...EVENT_NAMES].sort()) {
    const subject = name.split(".")[0]!;
    groups.set(subject, [...(groups.get(subject) ?? []), name]);
  }
  return [...groups];
}
