/**
 * A bulk change as the list and board show it before the server answers, and what its answer
 * does to each item: the saved ones take the server's copy, a refused one goes back to how it
 * was (or away, if it no longer exists for this user). Pure functions, no cache access.
 */
import type { IssueListItem, Label, Schemas } from "../../../shared/api/queries";
import type { StateRef } from "../../../shared/api/boardCache";

type Person = Schemas["MemberOutput"]["user"];
type BulkResult = Schemas["IssueBulkUpdateResultItem"];

/** One bulk action of the bar: what is sent, and what the screen needs to show it at once. */
export type BulkAction =
  | { kind: "state"; state: StateRef }
  | { kind: "priority"; priority: IssueListItem["priority"] }
  | { kind: "assign"; person: Person }
  | { kind: "label"; label: Label };

/** A position before every other: the server puts an issue that changes state on its column's top. */
const TOP_OF_COLUMN = "";

export function changesOf(action: BulkAction): Schemas["IssueBulkChangesInput"] {
  switch (action.kind) {
    case "state":
      return { state_id: action.state.id };
    case "priority":
      return { priority: action.priority };
    case "assign":
      return { add_assignee_ids: [action.person.id] };
    case "label":
      return { add_label_ids: [action.label.id] };
  }
}

/** The item as it will be once the action is saved. */
export function withAction(item: IssueListItem, action: BulkAction): IssueListItem {
  switch (action.kind) {
    case "state":
      if (item.state.id === action.state.id) return item;
      return { ...item, state: action.state, position: TOP_OF_COLUMN };
    case "priority":
      return { ...item, priority: action.priority };
    case "assign":
      if (item.assignees.some((person) => person.id === action.person.id)) return item;
      return { ...item, assignees: [...item.assignees, action.person] };
    case "label":
      if (item.labels.some((label) => label.id === action.label.id)) return item;
      return { ...item, labels: [...item.labels, action.label] };
  }
}

/** What the screen does with one key's answer. */
export type Settled =
  | { key: string; outcome: "saved"; item: IssueListItem }
  | { key: string; outcome: "restored"; item: IssueListItem | undefined; reason: string }
  | { key: string; outcome: "gone"; reason: string };

/**
 * Each requested key's answer, against the copies shown before the change (`before`; a key
 * off screen has none): saved, put back, or taken away (a 404: deleted meanwhile, or no longer
 * visible). A key the answer does not mention was not changed either, and is put back.
 */
export function settle(
  keys: readonly string[],
  results: readonly BulkResult[],
  before: ReadonlyMap<string, IssueListItem>,
): Settled[] {
  const answered = new Map(results.map((result) => [result.key, result]));
  return keys.map((key): Settled => {
    const result = answered.get(key);
    if (result?.ok && result.issue) return { key, outcome: "saved", item: result.issue };
    const reason = result?.error?.detail ?? "Not changed.";
    if (result?.error?.status === 404) return { key, outcome: "gone", reason };
    return { key, outcome: "restored", item: before.get(key), reason };
  });
}

/** What the bar lists after an answer: one line per key that was not changed. */
export function failuresOf(settled: readonly Settled[]): { key: string; reason: string }[] {
  return settled.flatMap((each) => (each.outcome === "saved" ? [] : [{ key: each.key, reason: each.reason }]));
}
