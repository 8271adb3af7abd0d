import { useQuery } from "@tanstack/react-query";
import { useLayoutEffect, useRef, useState } from "react";
import { Link } from "react-router-dom";

import { activityQuery, issueQuery, type Issue } from "../../../shared/api/queries";
import { ErrorState, Loading, errorMessage } from "../../../shared/components/States";
import { describeEvent } from "../lib/describeEvent";
import { formatDateTime } from "./display";
import { IssueComments } from "./IssueComments";
import { IssueFields } from "./IssueFields";
import { IssueRelations } from "./IssueRelations";
import { Markdown } from "./Markdown";
import { useRealtimeTopic } from "../../realtime";
import { STALE_ISSUE_MESSAGE, isStaleIssue, type IssueChanges, type IssueEdit } from "../api/issueApi";
import { useUpdateIssue } from "../hooks/useIssueMutations";

type Save = (changes: IssueChanges) => void;

function TitleEditor({ title, onSave }: { title: string; onSave: Save }) {
  const [draft, setDraft] = useState(title);
  const field = useRef<HTMLTextAreaElement>(null);
  // A textarea that grows with its text: a long title wraps instead of being cut.
  useLayoutEffect(() => {
    const element = field.current;
    if (!element) return;
    const fit = () => {
      element.style.height = "auto";
      element.style.height = `${element.scrollHeight + 2}px`;
    };
    fit();
    // Again when its width changes (the panel opening, the window resized).
    if (typeof ResizeObserver === "undefined") return;
    let width = element.clientWidth;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      fit();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [draft]);
  function save() {
    const next = draft.trim();
    if (next && next !== title) onSave({ title: next });
    else setDraft(title);
  }
  return (
    <textarea
      ref={field}
      className="issue-title-input"
      aria-label="Title"
      rows={1}
      maxLength={255}
      value={draft}
      // A title is one line: pasted line breaks become spaces.
      onChange={(event) => setDraft(event.target.value.replace(/\s*\n\s*/g, " "))}
      onBlur={save}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          event.currentTarget.blur();
        }
      }}
    />
  );
}

function DescriptionEditor({
  description,
  onSave,
}: {
  description: string;
  onSave: (changes: IssueChanges) => Promise<unknown>;
}) {
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [draft, setDraft] = useState(description);
  if (!editing) {
    return (
      <div className="description">
        {description ? (
          <Markdown text={description} />
        ) : (
          <p className="muted">No description.</p>
        )}
        <button
          type="button"
          className="link"
          onClick={() => {
            setDraft(description);
            setEditing(true);
          }}
        >
          Edit
        </button>
      </div>
    );
  }
  return (
    <form
      className="description"
      onSubmit={async (event) => {
        event.preventDefault();
        if (draft === description) {
          setEditing(false);
          return;
        }
        setSaving(true);
        try {
          await onSave({ description: draft });
          setEditing(false);
        } catch {
          // The editor stays open with the user's text; the panel shows why it was not saved.
        } finally {
          setSaving(false);
        }
      }}
    >
      <label className="visually-hidden" htmlFor="issue-description">
        Description
      </label>
      <textarea
        id="issue-description"
        rows={8}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
      />
      <div className="row">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(description);
            setEditing(false);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

function IssueActivity({ slug, issueKey }: { slug: string; issueKey: string }) {
  const activity = useQuery(activityQuery(slug, issueKey));
  return (
    <section aria-label="Activity">
      <h2>Activity</h2>
      {activity.error && !activity.data && <ErrorState error={activity.error} />}
      <ul className="activity">
        {(activity.data ?? []).map((event) => (
          <li key={event.id}>
            {describeEvent(event, issueKey)}{" "}
            <time className="muted" dateTime={event.created_at}>
              {formatDateTime(event.created_at)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Why the last edit did not save; a stale copy (412) has already been replaced on screen. */
export function SaveError({ error }: { error: unknown }) {
  return (
    <p className="field-error" role="alert">
      {isStaleIssue(error) ? STALE_ISSUE_MESSAGE : `Could not save: ${errorMessage(error)}`}
    </p>
  );
}

function LoadedIssue({ slug, issue }: { slug: string; issue: Issue }) {
  const update = useUpdateIssue(slug, issue.key, issue.project.key);
  const save = (edit: IssueEdit) => update.mutate({ edit });
  return (
    <article className="issue-detail">
      <div className="issue-main">
        <div className="issue-crumbs">
          <Link to={`/w/${slug}/p/${issue.project.key}/issues`}>{issue.project.name}</Link>
          <span aria-hidden="true"> / </span>
          <Link to={`/w/${slug}/i/${issue.key}`}>{issue.key}</Link>
          {issue.parent && (
            <span className="muted">
              {" "}
              · sub-issue of <Link to={`/w/${slug}/i/${issue.parent.key}`}>{issue.parent.key}</Link>
            </span>
          )}
        </div>
        <TitleEditor key={issue.title} title={issue.title} onSave={save} />
        {update.error && <SaveError error={update.error} />}
        {/* Not keyed by the text: the optimistic copy and its rollback must not close the editor
            and lose what the user wrote. */}
        <DescriptionEditor
          description={issue.description}
          onSave={(changes) => update.mutateAsync({ edit: changes })}
        />
        <IssueComments slug={slug} issueKey={issue.key} />
        <IssueActivity slug={slug} issueKey={issue.key} />
      </div>
      <aside className="issue-side" aria-label="Properties">
        <IssueFields slug={slug} issue={issue} onChange={save} />
        <IssueRelations slug={slug} issueKey={issue.key} />
        <p className="muted small">
          Created by {issue.reporter?.display_name ?? "someone"} · {formatDateTime(issue.created_at)}
          <br />
          Updated {formatDateTime(issue.updated_at)}
        </p>
      </aside>
    </article>
  );
}

/** One issue, editable in place; used by the full page and by the side panel. */
export function IssueDetail({ slug, issueKey }: { slug: string; issueKey: string }) {
  const issue = useQuery(issueQuery(slug, issueKey));
  // An issue's key starts with its project's: ENG-42 lives in ENG.
  useRealtimeTopic(slug, issueKey.split("-")[0] || undefined);
  if (issue.isPending) return <Loading label="Loading issue" />;
  if (issue.error && !issue.data) return <ErrorState error={issue.error} />;
  return <LoadedIssue key={issue.data.id} slug={slug} issue={issue.data} />;
}
