/**
 * Which cached queries an event makes stale. Events say what changed, not to what; the screens
 * refetch through the API, whose access checks decide what they see (docs/realtime.md).
 */
import type { QueryKey } from "@tanstack/react-query";

import { keys } from "../../../shared/api/queries";
import type { RealtimeEvent } from "./connection";

/** `project:acme/ENG` -> { workspace: "acme", project: "ENG" }; `workspace:acme` -> { workspace }. */
export function parseTopic(topic: string): { workspace: string; project?: string } | null {
  const project = /^project:(?<workspace>[^/]+)\/(?<key>.+)$/.exec(topic)?.groups;
  if (project?.workspace && project.key) return { workspace: project.workspace, project: project.key };
  const workspace = /^workspace:(?<slug>.+)$/.exec(topic)?.groups?.slug;
  return workspace ? { workspace } : null;
}

/** The query keys (prefixes) an event on a topic makes stale. */
export function staleKeys(topic: string, event: RealtimeEvent): QueryKey[] {
  const where = parseTopic(topic);
  if (!where) return [];
  const slug = where.workspace;
  const [kind] = event.name.split(".");
  const label = event.subject.label;
  switch (kind) {
    case "issue":
    case "comment": {
      // What the event changed about the issue, and its history. The issue itself, in its
      // panel, its lists and its boards, is read once and patched in (issueEvents.ts): never a
      // reload of all a list or board holds.
      const changed =
        kind === "comment"
          ? [keys.comments(slug, label)]
          : event.name === "issue.linked" || event.name === "issue.unlinked"
            ? [keys.relations(slug, label)]
            : [];
      return [...changed, keys.activity(slug, label)];
    }
    case "project":
      // The sidebar's projects; the project and all it shows (a rename, archive, new members).
      return [keys.projects(slug), keys.project(slug, label)];
    case "state":
    case "label":
      // States and labels show on every issue of the project, and in its settings.
      return where.project
        ? [keys.project(slug, where.project)]
        : [["workspace", slug, "project"]];
    case "member":
      return [keys.members(slug), keys.workspace(slug)];
    case "invitation":
      return [keys.invitations(slug), keys.members(slug)];
    case "workspace":
      return [keys.workspaces, keys.workspace(slug)];
    default:
      return [];
  }
}
