import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { statesQuery, type Issue } from "../../../shared/api/queries";
import { LabelPicker, MemberPicker } from "../../../shared/components/pickers";
import { PRIORITIES, type Priority } from "./display";
import type { IssueEdit } from "../api/issueApi";
import { IssuePicker } from "./IssuePicker";

type Props = { slug: string; issue: Issue; onChange: (edit: IssueEdit) => void; disabled?: boolean };

function EstimateInput({ value, onSave }: { value: number | null; onSave: (v: number | null) => void }) {
  const [draft, setDraft] = useState(value === null ? "" : String(value));
  function save() {
    const next = draft.trim() === "" ? null : Number(draft);
    if (next !== value && (next === null || Number.isFinite(next))) onSave(next);
  }
  return (
    <label className="prop">
      <span>Estimate</span>
      <input
        type="number"
        aria-label="Estimate"
        min={0}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => event.key === "Enter" && save()}
      />
    </label>
  );
}

/** The editable properties of an issue: each change is saved at once. */
export function IssueFields({ slug, issue, onChange, disabled = false }: Props) {
  const projectKey = issue.project.key;
  const states = useQuery(statesQuery(slug, projectKey));
  const assigneeIds = issue.assignees.map((person) => person.id);
  const labelIds = issue.labels.map((label) => label.id);

  return (
    // A disabled fieldset disables every control in it, the pickers' included.
    <fieldset className="issue-props" disabled={disabled}>
      <label className="prop">
        <span>State</span>
        <select aria-label="State" value={issue.state.id} onChange={(event) => onChange({ state_id: event.target.value })}>
          {!states.data && <option value={issue.state.id}>{issue.state.name}</option>}
          {(states.data ?? []).map((state) => (
            <option key={state.id} value={state.id}>
              {state.name}
            </option>
          ))}
        </select>
      </label>
      <label className="prop">
        <span>Priority</span>
        <select
          aria-label="Priority"
          value={issue.priority}
          onChange={(event) => onChange({ priority: event.target.value as Priority })}
        >
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {priority}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="prop prop-list">
        <legend>Assignees</legend>
        <ul className="chosen-list" aria-label="Assignees chosen">
          {issue.assignees.map((person) => (
            <li key={person.id} className="chosen">
              {person.display_name}
              <button
                type="button"
                className="link"
                aria-label={`Unassign ${person.display_name}`}
                onClick={() => onChange({ link: "assignees", id: person.id, on: false })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <MemberPicker
          slug={slug}
          label="Add assignee"
          excludeIds={assigneeIds}
          onChoose={(person) => onChange({ link: "assignees", id: person.id, on: true })}
        />
      </fieldset>
      <fieldset className="prop prop-list">
        <legend>Labels</legend>
        <ul className="chosen-list" aria-label="Labels chosen">
          {issue.labels.map((label) => (
            <li key={label.id} className="chosen">
              <span className="state-dot" style={{ background: label.color }} aria-hidden="true" />
              {label.name}
              <button
                type="button"
                className="link"
                aria-label={`Remove label ${label.name}`}
                onClick={() => onChange({ link: "labels", id: label.id, on: false })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <LabelPicker
          slug={slug}
          projectKey={projectKey}
          label="Add label"
          excludeIds={labelIds}
          onChoose={(label) => onChange({ link: "labels", id: label.id, on: true })}
        />
      </fieldset>
      <EstimateInput
        key={issue.estimate ?? "none"}
        value={issue.estimate}
        onSave={(estimate) => onChange({ estimate })}
      />
      <label className="prop">
        <span>Due date</span>
        <input
          type="date"
          aria-label="Due date"
          value={issue.due_date ?? ""}
          onChange={(event) => onChange({ due_date: event.target.value || null })}
        />
      </label>
      <div className="prop">
        <span>Parent</span>
        <IssuePicker
          slug={slug}
          projectKey={projectKey}
          label="Parent"
          value={issue.parent}
          excludeIds={[issue.id]}
          onChange={(parent) => onChange({ parent_id: parent?.id ?? null })}
        />
      </div>
    </fieldset>
  );
}
