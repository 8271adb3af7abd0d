/**
 * What a searchable combobox does with the keyboard and with typing, apart from React: the
 * pickers (assignees, labels, parent, relation target, project lead) all share it.
 */
import { useEffect, useState } from "react";

/** Waits this long after the last keystroke before asking the server. */
export const SEARCH_DELAY_MS = 200;

/** The text after the user stopped typing for `delay` ms. */
export function useDebounced(value: string, delay: number = SEARCH_DELAY_MS): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** What a key does in an open combobox (the ARIA combobox pattern's list keys). */
export type ComboboxAction = "next" | "previous" | "first" | "last" | "choose" | "close";

export function comboboxAction(key: string): ComboboxAction | null {
  switch (key) {
    case "ArrowDown":
      return "next";
    case "ArrowUp":
      return "previous";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "Enter":
      return "choose";
    case "Escape":
      return "close";
    default:
      return null;
  }
}

/** The option active after a move among `count` options: clamped, never past either end. */
export function movedActive(active: number, count: number, action: ComboboxAction): number {
  if (count === 0) return 0;
  const last = count - 1;
  if (action === "first") return 0;
  if (action === "last") return last;
  if (action === "next") return Math.min(last, active + 1);
  if (action === "previous") return Math.max(0, active - 1);
  return Math.min(active, last);
}

/** The options to offer: the server's matches, less those that may not be chosen (by key). */
export function offered<T>(found: readonly T[] | undefined, keyOf: (item: T) => string, excluded: readonly string[]): T[] {
  if (!found) return [];
  const out = new Set(excluded);
  return found.filter((item) => !out.has(keyOf(item)));
}
