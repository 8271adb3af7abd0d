import { useEffect, useState, type RefObject } from "react";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal's focus: Tab and Shift-Tab stay inside it, and when it closes the focus goes back to
 * where it was before it opened.
 */
export function useDialogFocus(dialog: RefObject<HTMLElement | null>): void {
  // Read while rendering, before an autoFocus field inside the dialog takes the focus.
  const [before] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.contains(document.activeElement)) {
      (element.querySelector<HTMLElement>("[autofocus]") ?? element.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    }
    function onKey(event: KeyboardEvent) {
      if (event.key !== "Tab" || !dialog.current) return;
      const items = Array.from(dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE));
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      if (before && document.contains(before)) before.focus();
    };
  }, [dialog, before]);
}
