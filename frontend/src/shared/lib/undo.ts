/**
 * The last change the user made, and how to take it back (the Undo toast and Z). One level:
 * Linear's model, enough for "oops".
 */
import { useSyncExternalStore } from "react";

/** The last change (with its undo), or the last failure (`undo` null: an error to show). */
export type Undoable = { message: string; undo: (() => void) | null; at: number };

type Listener = () => void;
let last: Undoable | null = null;
const listeners = new Set<Listener>();

function publish(next: Undoable | null) {
  last = next;
  listeners.forEach((listener) => listener());
}

export const undoStack = {
  last: (): Undoable | null => last,
  push(message: string, undo: () => void): void {
    publish({ message, undo, at: Date.now() });
  },
  /** A change that failed and was rolled back: said, with nothing to undo. */
  fail(message: string): void {
    publish({ message, undo: null, at: Date.now() });
  },
  /** Runs the last change's undo, once. */
  undoLast(): boolean {
    const entry = last;
    if (!entry?.undo) return false;
    publish(null);
    entry.undo();
    return true;
  },
  dismiss(): void {
    publish(null);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useLastUndoable(): Undoable | null {
  return useSyncExternalStore(undoStack.subscribe, undoStack.last, undoStack.last);
}
