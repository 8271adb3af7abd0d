import { useQuery } from "@tanstack/react-query";

import { statesQuery } from "../../../shared/api/queries";
import { LabelPicker, MemberPicker } from "../../../shared/components/pickers";
import { selection, useSelection } from "../../../shared/lib/keyboard";
import { useBulkUpdate } from "../hooks/useBulkUpdate";
import type { BulkAction } from "../lib/bulk";
import { PRIORITIES, type Priority } from "./display";

/**
 * The bar over a list or board with selected issues (X, Shift-click, Shift-J): one change for
 * all of them, shown at once and sent as one bulk update. The issues the server refused are
 * listed with its reason, put back as they were, and stay selected to try again.
 */
export function BulkActionBar({ slug, projectKey }: { slug: string; projectKey: string }) {
  const selected = useSelection();
  const states = useQuery({ ...statesQuery(slug, projectKey), enabled: selected.size > 0 });
  const bulk = useBulkUpdate(slug, projectKey);
  if (selected.size === 0 && bulk.failures.length === 0) return null;
  const apply = (action: BulkAction) => bulk.apply({ issueKeys: [...selected], action });

  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions">
      {selected.size > 0 && (
        <div className="bulk-actions">
          <strong aria-live="polite">{selected.size} selected</strong>
          <select
            aria-label="Set state of selected"
            value=""
            disabled={bulk.pending}
            onChange={(event) => {
              const state = states.data?.find((candidate) => candidate.id === event.target.value);
              if (state) apply({ kind: "state", state: { id: state.id, name: state.name, category: state.category, color: state.color } });
            }}
          >
            <option value="">State…</option>
            {(states.data ?? []).map((state) => (
              <option key={state.id} value={state.id}>
                {state.name}
              </option>
            ))}
          </select>
          <select
            aria-label="Set priority of selected"
            value=""
            disabled={bulk.pending}
            onChange={(event) => {
              if (event.target.value) apply({ kind: "priority", priority: event.target.value as Priority });
            }}
          >
            <option value="">Priority…</option>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {priority}
              </option>
            ))}
          </select>
          <MemberPicker
            slug={slug}
            label="Assign selected to"
            placeholder="Assign to…"
            onChoose={(person) => apply({ kind: "assign", person })}
          />
          <LabelPicker
            slug={slug}
            projectKey={projectKey}
            label="Add label to selected"
            placeholder="Add label…"
            onChoose={(label) => apply({ kind: "label", label })}
          />
          <button type="button" className="link" onClick={() => selection.clear()}>
            Clear selection
          </button>
        </div>
      )}
      {bulk.failures.length > 0 && (
        <div className="bulk-failures" role="alert">
          <span>
            {bulk.failures.length === 1 ? "1 issue was not changed:" : `${bulk.failures.length} issues were not changed:`}
          </span>
          <ul aria-label="Not changed">
            {bulk.failures.map((failure) => (
              <li key={failure.key}>
                <span className="cell-key">{failure.key}</span> {failure.reason}
              </li>
            ))}
          </ul>
          <button type="button" className="link" aria-label="Dismiss" onClick={bulk.dismiss}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
