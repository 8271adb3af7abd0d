import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";

import { issueSearchQuery, type IssueListItem } from "../../../shared/api/queries";

/** Waits this long after the last keystroke before asking the server. */
const SEARCH_DELAY_MS = 200;

/** The text after the user stopped typing for `delay` ms. */
export function useDebounced(value: string, delay: number = SEARCH_DELAY_MS): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

type Props = {
  slug: string;
  projectKey: string;
  label: string;
  /** The issue chosen now, shown when the box is not being typed in. */
  value: { id: string; key: string; title: string } | null;
  /** Issues that may not be chosen (the issue itself). */
  excludeIds?: string[];
  onChange: (issue: IssueListItem | null) => void;
};

/**
 * A searchable issue combobox: the server is asked as the user types (by words or by key, a
 * page of ten), so the picker costs the same in a project of ten issues or of ten thousand.
 */
export function IssuePicker({ slug, projectKey, label, value, excludeIds = [], onChange }: Props) {
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim());
  const results = useQuery({ ...issueSearchQuery(slug, projectKey, query), enabled: open });
  const options = (results.data ?? []).filter((issue) => !excludeIds.includes(issue.id));
  const shown = value ? `${value.key} ${value.title}` : "";

  function choose(issue: IssueListItem) {
    setOpen(false);
    setText("");
    onChange(issue);
  }

  return (
    <div className="combobox">
      <div className="combobox-input">
        <input
          role="combobox"
          aria-label={label}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
          placeholder={value ? shown : "None — type a key or words"}
          value={open ? text : shown}
          onFocus={() => {
            setOpen(true);
            setActive(0);
          }}
          onBlur={() => {
            setOpen(false);
            setText("");
          }}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              const step = event.key === "ArrowDown" ? 1 : -1;
              setActive((at) => Math.max(0, Math.min(options.length - 1, at + step)));
            } else if (event.key === "Enter") {
              event.preventDefault();
              const issue = options[active];
              if (issue) choose(issue);
            } else if (event.key === "Escape") {
              // Closes the list only, not the panel around it.
              event.stopPropagation();
              event.currentTarget.blur();
            }
          }}
        />
        {value && (
          <button
            type="button"
            className="link combobox-clear"
            aria-label={`Clear ${label.toLowerCase()}`}
            onClick={() => onChange(null)}
          >
            ✕
          </button>
        )}
      </div>
      {open && (
        <ul className="combobox-list" id={listId} role="listbox" aria-label={`${label} options`}>
          {results.isPending && <li className="muted">Searching…</li>}
          {results.isSuccess && options.length === 0 && <li className="muted">No matching issue</li>}
          {options.map((issue, index) => (
            <li
              key={issue.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? "combobox-active" : undefined}
              // Chosen on mousedown: a click would blur the input (closing the list) first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(issue);
              }}
            >
              <span className="cell-key">{issue.key}</span> {issue.title}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
