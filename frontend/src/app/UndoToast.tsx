import { useEffect } from "react";

import { undoStack, useLastUndoable } from "../shared/lib/undo";

/** The last change with its Undo (Z), or the last failure; fades after a few seconds. */
export function UndoToast() {
  const last = useLastUndoable();
  useEffect(() => {
    if (!last) return;
    const timer = window.setTimeout(() => undoStack.dismiss(), last.undo ? 8000 : 10000);
    return () => window.clearTimeout(timer);
  }, [last]);
  if (!last) return null;
  return (
    <div className={`toast${last.undo ? "" : " toast-error"}`} role={last.undo ? "status" : "alert"}>
      {last.message}{" "}
      {last.undo && (
        <button type="button" className="link" onClick={() => undoStack.undoLast()}>
          Undo <kbd>z</kbd>
        </button>
      )}
      <button type="button" className="link toast-close" aria-label="Dismiss" onClick={() => undoStack.dismiss()}>
        ✕
      </button>
    </div>
  );
}
