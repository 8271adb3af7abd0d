import { useEffect } from "react";
import { Link, useSearchParams } from "react-router-dom";

import { focusIssue } from "../../../shared/lib/keyboard";
import { IssueDetail } from "./IssueDetail";

/** The `issue` search parameter: which issue the side panel shows. */
export function useOpenIssue() {
  const [params, setParams] = useSearchParams();
  const issueKey = params.get("issue");
  function setIssue(key: string | null) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (key) next.set("issue", key);
      else next.delete("issue");
      return next;
    });
  }
  return {
    issueKey,
    open: (key: string) => setIssue(key),
    close: () => {
      setIssue(null);
      // Back to the row or card it was opened from, so J/K carry on from there.
      if (issueKey) window.requestAnimationFrame(() => focusIssue(issueKey));
    },
  };
}

/** The issue detail beside a list or board; Esc or the close button closes it. */
export function IssuePanel({ slug }: { slug: string }) {
  const { issueKey, close } = useOpenIssue();

  useEffect(() => {
    if (!issueKey) return;
    function onKey(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      close();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  if (!issueKey) return null;
  return (
    <aside className="side-panel" aria-label={`Issue ${issueKey}`}>
      <div className="side-panel-bar">
        <button type="button" className="link panel-back" onClick={close}>
          ← Back
        </button>
        <Link to={`/w/${slug}/i/${issueKey}`}>Open full page</Link>
        <button type="button" className="link" aria-label="Close panel" onClick={close}>
          ✕
        </button>
      </div>
      <IssueDetail key={issueKey} slug={slug} issueKey={issueKey} />
    </aside>
  );
}
