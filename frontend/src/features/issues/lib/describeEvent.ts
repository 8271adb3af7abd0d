import type { ActivityEvent } from "../../../shared/api/queries";

type Change = { old: unknown; new: unknown };
type Ref = { id?: string; name?: string; display_name?: string; key?: string };

function isChange(value: unknown): value is Change {
  return typeof value === "object" && value !== null && "old" in value && "new" in value;
}

function refName(value: unknown): string {
  if (typeof value !== "object" || value === null) return "";
  const ref = value as Ref;
  return ref.display_name ?? ref.name ?? ref.key ?? "";
}

function refList(value: unknown): Ref[] {
  return Array.isArray(value) ? (value as Ref[]) : [];
}

function plain(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "object") return refName(value) || "none";
  return String(value).toLowerCase() === "none" ? "none" : String(value);
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** Added and removed entries of a list change (assignees, labels), by id. */
function listDiff(change: Change): { added: string[]; removed: string[] } {
  const before = refList(change.old);
  const after = refList(change.new);
  const beforeIds = new Set(before.map((ref) => ref.id));
  const afterIds = new Set(after.map((ref) => ref.id));
  return {
    added: after.filter((ref) => !beforeIds.has(ref.id)).map(refName),
    removed: before.filter((ref) => !afterIds.has(ref.id)).map(refName),
  };
}

function describeField(field: string, change: Change, issueKey: string): string | null {
  switch (field) {
    case "state":
      return `moved ${issueKey} from ${plain(change.old)} to ${plain(change.new)}`;
    case "priority":
      return `changed priority from ${plain(change.old).toLowerCase()} to ${plain(change.new).toLowerCase()}`;
    case "title":
      return `renamed ${issueKey} to “${plain(change.new)}”`;
    case "description":
      return "edited the description";
    case "position":
      return null;
    case "assignees": {
      const { added, removed } = listDiff(change);
      const parts: string[] = [];
      if (added.length) parts.push(`assigned ${joinNames(added)}`);
      if (removed.length) parts.push(`unassigned ${joinNames(removed)}`);
      return parts.join(" and ") || null;
    }
    case "labels": {
      const { added, removed } = listDiff(change);
      const parts: string[] = [];
      if (added.length) parts.push(`added label ${joinNames(added)}`);
      if (removed.length) parts.push(`removed label ${joinNames(removed)}`);
      return parts.join(" and ") || null;
    }
    default: {
      const name = field.replace(/_/g, " ");
      if (change.new === null || change.new === undefined || change.new === "")
        return `cleared ${name}`;
      return `set ${name} to ${plain(change.new)}`;
    }
  }
}

/** A new relation as seen from the issue whose history shows it, e.g. "blocks ENG-7". */
function linkedPhrase(relation: string, other: string): string {
  switch (relation) {
    case "blocks":
      return `marked this issue as blocking ${other}`;
    case "blocked_by":
      return `marked this issue as blocked by ${other}`;
    case "duplicates":
      return `marked this issue as a duplicate of ${other}`;
    case "duplicated_by":
      return `marked ${other} as a duplicate of this issue`;
    default:
      return `related this issue to ${other}`;
  }
}

function describeRelation(event: ActivityEvent, actor: string): string {
  const changes = (event.changes ?? {}) as Record<string, unknown>;
  const side = event.name === "issue.linked" ? "new" : "old";
  const pick = (field: string): unknown => {
    const change = changes[field];
    return isChange(change) ? change[side] : null;
  };
  const other = refName(pick("issue")) || "another issue";
  if (event.name === "issue.unlinked") return `${actor} removed the relation to ${other}`;
  return `${actor} ${linkedPhrase(String(pick("relation") ?? "relates"), other)}`;
}

/** One activity event as a sentence: "Ana moved ENG-4 from Todo to In Progress". */
export function describeEvent(event: ActivityEvent, issueKey: string): string {
  const actor = event.actor?.display_name ?? "Someone";
  switch (event.name) {
    case "issue.created":
      return `${actor} created the issue`;
    case "issue.deleted":
      return `${actor} deleted the issue`;
    case "issue.linked":
    case "issue.unlinked":
      return describeRelation(event, actor);
    case "comment.created":
      return `${actor} commented`;
    case "comment.updated":
      return `${actor} edited a comment`;
    case "comment.deleted":
      return `${actor} deleted a comment`;
    case "issue.moved":
    case "issue.updated": {
      const phrases = Object.entries(event.changes ?? {})
        .filter((entry): entry is [string, Change] => isChange(entry[1]))
        .map(([field, change]) => describeField(field, change, issueKey))
        .filter((phrase): phrase is string => Boolean(phrase));
      if (phrases.length === 0)
        return event.name === "issue.moved" ? `${actor} reordered ${issueKey}` : `${actor} updated the issue`;
      return `${actor} ${joinNames(phrases)}`;
    }
    default:
      return `${actor}: ${event.name}`;
  }
}
