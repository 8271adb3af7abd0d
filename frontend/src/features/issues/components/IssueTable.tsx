import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, useState, type Ref, type RefObject } from "react";

import type { IssueListItem } from "../../../shared/api/queries";
import { selection, useSelection } from "../../../shared/lib/keyboard";
import { Avatars, LabelChips, PriorityBadge, StateDot, formatDate } from "./display";

/** A row's height before it is measured (one line of text with a chip). */
const ROW_HEIGHT = 33;
/** Rows rendered beyond each edge of the window, so Tab and fast scrolls find a row there. */
const OVERSCAN = 10;

function IssueRow(props: {
  issue: IssueListItem;
  index: number;
  selected: boolean;
  onOpen: (key: string) => void;
  onExtend: (key: string) => void;
  rowRef: Ref<HTMLTableRowElement>;
}) {
  const { issue } = props;
  return (
    <tr
      ref={props.rowRef}
      data-index={props.index}
      // J/K move the focus between rows, Enter opens (keyboard.ts).
      data-issue-key={issue.key}
      tabIndex={-1}
      aria-selected={props.selected}
      onClick={(event) => {
        // Shift-click selects a range (from the last issue selected alone), not opens.
        if (event.shiftKey) props.onExtend(issue.key);
        else props.onOpen(issue.key);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" && event.target === event.currentTarget) props.onOpen(issue.key);
      }}
      className={`issue-row${props.selected ? " issue-selected" : ""}`}
    >
      <td className="cell-key">{issue.key}</td>
      <td className="cell-title">
        {/* The click bubbles to the row; the button makes the row reachable by keyboard. */}
        <button type="button" className="row-link">
          {issue.title}
        </button>
      </td>
      <td className="cell-nowrap">
        <StateDot color={issue.state.color} /> {issue.state.name}
      </td>
      <td>
        <PriorityBadge priority={issue.priority} />
      </td>
      <td>
        <Avatars people={issue.assignees} />
      </td>
      <td>
        <LabelChips labels={issue.labels} />
      </td>
      <td className="cell-nowrap">{formatDate(issue.due_date)}</td>
      <td className="cell-nowrap muted">{formatDate(issue.updated_at)}</td>
    </tr>
  );
}

/**
 * Where the table's body starts on the page (the rows' offset for the window's scroll), measured
 * after layout, again when `when` changes and when the window is resized (the filters above can
 * wrap). An unchanged value does not re-render.
 */
function useOffsetOnPage(element: RefObject<HTMLElement | null>, when: unknown): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const measure = () =>
      setOffset((element.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [element, when]);
  return offset;
}

/**
 * The issue table. Only the rows in (or near) the window are in the DOM, with spacer rows for
 * the rest, so thousands of loaded issues scroll as smoothly as fifty. The page scrolls, not the
 * table: the header, filters and "Load more" stay where the list has them.
 */
export function IssueTable({ issues, onOpen }: { issues: IssueListItem[]; onOpen: (key: string) => void }) {
  const body = useRef<HTMLTableSectionElement>(null);
  const selected = useSelection();
  const extend = (key: string) => selection.extendTo(key, issues.map((issue) => issue.key));
  const offset = useOffsetOnPage(body, issues.length);
  const rows = useWindowVirtualizer<HTMLTableRowElement>({
    count: issues.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: offset,
    getItemKey: (index) => issues[index]?.id ?? index,
    // Without layout (a test's DOM) a row measures 0: keep the estimate rather than showing all.
    measureElement: (row) => row.getBoundingClientRect().height || ROW_HEIGHT,
  });
  const visible = rows.getVirtualItems();
  const first = visible[0];
  const last = visible[visible.length - 1];
  const above = first ? first.start - offset : 0;
  const below = last ? rows.getTotalSize() - (last.end - offset) : 0;
  return (
    <div className="table-wrap">
      <table className="issue-table">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Title</th>
            <th scope="col">State</th>
            <th scope="col">Priority</th>
            <th scope="col">Assignees</th>
            <th scope="col">Labels</th>
            <th scope="col">Due</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {above > 0 && <tr className="spacer-row" aria-hidden="true" style={{ height: above }} />}
          {visible.map((row) => {
            const issue = issues[row.index];
            return issue ? (
              <IssueRow
                key={row.key}
                issue={issue}
                index={row.index}
                selected={selected.has(issue.key)}
                onOpen={onOpen}
                onExtend={extend}
                rowRef={rows.measureElement}
              />
            ) : null;
          })}
          {below > 0 && <tr className="spacer-row" aria-hidden="true" style={{ height: below }} />}
        </tbody>
      </table>
    </div>
  );
}
