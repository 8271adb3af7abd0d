import { keepPreviousData, useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useId, useState, type ReactNode } from "react";

import { comboboxAction, movedActive, offered, useDebounced } from "../lib/combobox";

type Props<T, K extends QueryKey> = {
  /** The accessible name of the input (the list is "<label> options"). */
  label: string;
  /** The server's matches for what was typed (debounced, trimmed; "" before any typing). */
  search: (text: string) => UseQueryOptions<T[], Error, T[], K>;
  keyOf: (item: T) => string;
  renderOption: (item: T) => ReactNode;
  onChoose: (item: T) => void;
  /** What the input shows while not typed in (the current value), and its placeholder. */
  shown?: string;
  placeholder: string;
  /** Items that may not be chosen (already chosen ones, the issue itself). */
  excludeKeys?: readonly string[];
  /** Said when the server found nothing. */
  noneFound: string;
  /** A multi-value picker stays open after a choice, for the next one. */
  staysOpen?: boolean;
  /** The clear button of a single value, when there is one to clear. */
  onClear?: () => void;
  autoFocus?: boolean;
};

/**
 * A searchable combobox (the ARIA 1.2 pattern: the focus stays in the input, the active option
 * is `aria-activedescendant`): the server is asked as the user types, a page at a time, so a
 * picker costs the same with ten members, labels or issues as with ten thousand.
 */
export function SearchCombobox<T, K extends QueryKey>({
  label,
  search,
  keyOf,
  renderOption,
  onChoose,
  shown = "",
  placeholder,
  excludeKeys = [],
  noneFound,
  staysOpen = false,
  onClear,
  autoFocus,
}: Props<T, K>) {
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim());
  // The last answer stays on screen while the next is asked: Enter chooses what is shown.
  const results = useQuery({ ...search(query), enabled: open, placeholderData: keepPreviousData });
  const options = offered(results.data, keyOf, excludeKeys);
  const activeId = open && options[active] ? `${listId}-${active}` : undefined;

  function choose(item: T) {
    setText("");
    setActive(0);
    if (!staysOpen) setOpen(false);
    onChoose(item);
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
          aria-activedescendant={activeId}
          autoFocus={autoFocus}
          placeholder={shown || placeholder}
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
            const action = comboboxAction(event.key);
            if (!action) return;
            if (action === "close") {
              // Closes the list only, not the panel or dialog around it.
              event.stopPropagation();
              event.currentTarget.blur();
              return;
            }
            if (action === "first" || action === "last") {
              // Home/End move in the text until the list has something to move through.
              if (!options.length) return;
            }
            event.preventDefault();
            if (!open) setOpen(true);
            if (action === "choose") {
              const item = options[active];
              if (item) choose(item);
            } else {
              setActive((at) => movedActive(at, options.length, action));
            }
          }}
        />
        {onClear && (
          <button
            type="button"
            className="link combobox-clear"
            aria-label={`Clear ${label.toLowerCase()}`}
            onClick={onClear}
          >
            ✕
          </button>
        )}
      </div>
      {open && (
        <ul className="combobox-list" id={listId} role="listbox" aria-label={`${label} options`}>
          {results.isPending && <li className="muted">Searching…</li>}
          {results.isError && <li className="muted">Could not search: {results.error.message}</li>}
          {results.isSuccess && options.length === 0 && <li className="muted">{noneFound}</li>}
          {options.map((item, index) => (
            <li
              key={keyOf(item)}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? "combobox-active" : undefined}
              // Chosen on mousedown: a click would blur the input (closing the list) first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(item);
              }}
            >
              {renderOption(item)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
