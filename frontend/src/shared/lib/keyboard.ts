/**
 * The keyboard model shared by the list, the board and the frame: which issue has the focus,
 * moving it (J/K), the selection (X), and the shortcut sheet's contents.
 */
import { useSyncExternalStore } from "react";

/** Whether a key press belongs to a text field (shortcuts leave it alone). */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || typeof element.tagName !== "string") return false;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

const ISSUE_ITEM = "[data-issue-key]";

/** The row or card with the focus, if any. */
export function focusedIssueKey(): string | null {
  const element = document.activeElement?.closest<HTMLElement>(ISSUE_ITEM);
  return element?.dataset.issueKey ?? null;
}

/** Moves the focus to the next (+1) or previous (-1) row or card on screen. */
export function moveIssueFocus(step: 1 | -1): void {
  const items = Array.from(document.querySelectorAll<HTMLElement>(`main ${ISSUE_ITEM}`));
  if (items.length === 0) return;
  const current = document.activeElement?.closest<HTMLElement>(ISSUE_ITEM);
  const at = current ? items.indexOf(current) : -1;
  const next = at === -1 ? (step === 1 ? 0 : items.length - 1) : at + step;
  const target = items[Math.max(0, Math.min(items.length - 1, next))];
  target?.focus();
  target?.scrollIntoView({ block: "nearest" });
}

/** Puts the focus back on an issue's row or card (after its panel closed). */
export function focusIssue(key: string): void {
  const element = document.querySelector<HTMLElement>(`main [data-issue-key="${CSS.escape(key)}"]`);
  element?.focus();
}

// --- Selection (X) --------------------------------------------------------------------------

type Listener = () => void;
let selected: ReadonlySet<string> = new Set();
/** Where a range (Shift-click, Shift-J) starts: the last issue toggled on its own. */
let anchor: string | null = null;
const listeners = new Set<Listener>();

function publish(next: ReadonlySet<string>): void {
  selected = next;
  listeners.forEach((listener) => listener());
}

/** `ordered` from `from` to `to` (either way round), both included; empty if either is absent. */
export function rangeBetween(ordered: readonly string[], from: string, to: string): string[] {
  const start = ordered.indexOf(from);
  const end = ordered.indexOf(to);
  if (start === -1 || end === -1) return [];
  return ordered.slice(Math.min(start, end), Math.max(start, end) + 1);
}

export const selection = {
  keys: (): ReadonlySet<string> => selected,
  toggle(key: string): void {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    anchor = key;
    publish(next);
  },
  /**
   * Shift-click and Shift-J/K: every issue from the anchor to `key`, in `ordered` (the order on
   * screen), joins the selection; without an anchor on screen, `key` alone does.
   */
  extendTo(key: string, ordered: readonly string[]): void {
    const range = anchor ? rangeBetween(ordered, anchor, key) : [];
    const next = new Set(selected);
    for (const each of range.length ? range : [key]) next.add(each);
    if (!range.length) anchor = key;
    publish(next);
  },
  /** Lets go of some issues (those a bulk change dealt with, or that are gone). */
  remove(keys: Iterable<string>): void {
    const next = new Set(selected);
    for (const key of keys) next.delete(key);
    if (next.size !== selected.size) publish(next);
  },
  clear(): void {
    anchor = null;
    if (selected.size === 0) return;
    publish(new Set());
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The keys of the rows or cards on screen, in their order (a range's order for Shift-J). */
export function issueKeysOnScreen(): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>(`main ${ISSUE_ITEM}`)).map(
    (element) => element.dataset.issueKey ?? "",
  );
}

export function useSelection(): ReadonlySet<string> {
  return useSyncExternalStore(selection.subscribe, selection.keys, selection.keys);
}

/** Every shortcut, as the `?` sheet lists them. */
export const SHORTCUTS: { keys: string; does: string }[] = [
  { keys: "Ctrl/⌘ K", does: "Command palette: actions, projects, issues by key or title" },
  { keys: "C", does: "Create an issue" },
  { keys: "J / ↓, K / ↑", does: "Next / previous issue in the list or board" },
  { keys: "Enter", does: "Open the focused issue" },
  { keys: "Esc", does: "Close the panel or dialog (the focus returns to the issue)" },
  { keys: "X", does: "Select or unselect the focused issue" },
  { keys: "Shift-click, Shift J / K", does: "Select a range of issues (then act on all from the bar)" },
  { keys: "S", does: "Change state" },
  { keys: "A", does: "Change assignees" },
  { keys: "P", does: "Change priority" },
  { keys: "L", does: "Change labels" },
  { keys: "I", does: "Assign to me" },
  { keys: "E", does: "Edit the title" },
  { keys: "M", does: "Write a comment" },
  { keys: "Z", does: "Undo the last change" },
  { keys: "/", does: "Search the list" },
  { keys: "Ctrl/⌘ Enter", does: "Submit the form (create, comment, description)" },
  { keys: "?", does: "This sheet" },
];
