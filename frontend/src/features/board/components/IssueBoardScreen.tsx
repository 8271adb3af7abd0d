import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState, type DragEvent, type RefObject } from "react";
import { useParams, useSearchParams } from "react-router-dom";

import { boardCards, type BoardColumn, type StateRef } from "../../../shared/api/boardCache";
import { boardQuery, type BoardFilters, type IssueListItem } from "../../../shared/api/queries";
import { ErrorState, Loading } from "../../../shared/components/States";
import { Avatars, LabelChips, PriorityBadge, StateDot } from "../../issues";
import { IssuePanel, useOpenIssue } from "../../issues";
import { BulkActionBar, ProjectTabs } from "../../issues";
import { useLoadMoreCards } from "../hooks/useLoadMoreCards";
import { selection, useSelection } from "../../../shared/lib/keyboard";
import { useRealtimeTopic } from "../../realtime";
import { useMoveIssue, type MoveRequest } from "../hooks/useMoveIssue";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";

const FILTER_NAMES = ["assignee", "label", "priority", "q"] as const;

/** The board's filters from the URL (`?assignee=me&priority=urgent`), as the issue list writes them. */
function filtersFrom(params: URLSearchParams): BoardFilters {
  const filters: BoardFilters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

type DropPoint = { stateId: string; index: number };

/** Where in a column the pointer is: the index of the first card whose middle is below it. */
function dropIndex(column: HTMLElement, clientY: number, draggedKey: string | null): number {
  const cards = Array.from(
    column.querySelectorAll<HTMLElement>('[data-testid="issue-card"]'),
  ).filter((card) => card.dataset.key !== draggedKey);
  const index = cards.findIndex((card) => {
    const box = card.getBoundingClientRect();
    return clientY < box.top + box.height / 2;
  });
  return index === -1 ? cards.length : index;
}

function IssueCard(props: {
  issue: IssueListItem;
  states: StateRef[];
  onOpen: (key: string) => void;
  onExtend: (key: string) => void;
  onMoveTo: (state: StateRef) => void;
  onDragStart: (key: string) => void;
  onDragEnd: () => void;
  dragging: boolean;
  selected: boolean;
}) {
  const { issue, states } = props;
  return (
    <div
      className={`card${props.dragging ? " card-dragging" : ""}${props.selected ? " issue-selected" : ""}`}
      data-testid="issue-card"
      data-key={issue.key}
      // J/K move the focus between cards, Enter opens (keyboard.ts).
      data-issue-key={issue.key}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === "Enter" && event.target === event.currentTarget) props.onOpen(issue.key);
      }}
      // Only a caller who may move the issue can drag it (its `move` capability).
      draggable={issue.capabilities.move}
      onDragStart={(event) => {
        event.dataTransfer.setData("text/plain", issue.key);
        event.dataTransfer.effectAllowed = "move";
        props.onDragStart(issue.key);
      }}
      onDragEnd={props.onDragEnd}
      onClick={(event) => {
        // Shift-click selects a range of cards (column by column), not opens.
        if (event.shiftKey) props.onExtend(issue.key);
        else props.onOpen(issue.key);
      }}
    >
      <div className="card-top">
        <span className="cell-key">{issue.key}</span>
        {/* A card is no option or row, so aria-selected does not apply: the state is said. */}
        {props.selected && <span className="visually-hidden">Selected</span>}
        <PriorityBadge priority={issue.priority} />
      </div>
      {/* The click bubbles to the card; the button makes it reachable by keyboard. */}
      <button type="button" className="row-link card-title">
        {issue.title}
      </button>
      <div className="card-bottom">
        <LabelChips labels={issue.labels} />
        <Avatars people={issue.assignees} />
      </div>
      {issue.capabilities.move && (
        <select
          className="card-move"
          aria-label="Move to"
          value={issue.state.id}
          onClick={(event) => event.stopPropagation()}
          onChange={(event) => {
            const state = states.find((candidate) => candidate.id === event.target.value);
            if (state) props.onMoveTo(state);
          }}
        >
          {states.map((state) => (
            <option key={state.id} value={state.id}>
              {state.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

function Toast({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  useEffect(() => {
    const timer = window.setTimeout(onDismiss, 6000);
    return () => window.clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div className="toast" role="alert">
      {message}{" "}
      <button type="button" className="link toast-close" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}

/**
 * Calls `onVisible` when `target` comes within 300px of the viewport, and again whenever `key`
 * changes while it still is (a page that did not push it out of view). Nothing without
 * IntersectionObserver: the "Load more" button beside it still works.
 */
function useWhenVisible(
  target: RefObject<HTMLElement | null>,
  onVisible: () => void,
  key: string | null,
) {
  const callback = useRef(onVisible);
  useEffect(() => {
    callback.current = onVisible;
  });
  useEffect(() => {
    const element = target.current;
    if (!element || key === null || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current();
      },
      { rootMargin: "300px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, key]);
}

/** The end of a column: loads the next cards when scrolled into view, or on the button. */
function ColumnMore(props: {
  slug: string;
  projectKey: string;
  filters: BoardFilters;
  column: BoardColumn;
}) {
  const { column } = props;
  const loadMore = useLoadMoreCards(props.slug, props.projectKey, props.filters, column.state.id);
  const sentinel = useRef<HTMLDivElement>(null);
  const cursor = column.next_cursor;
  const load = () => {
    if (cursor && !loadMore.isPending) loadMore.mutate(cursor);
  };
  // Keyed on the cursor and the pending flag: after each page (or a failed one), look again.
  useWhenVisible(sentinel, load, cursor && !loadMore.isPending && !loadMore.isError ? cursor : null);
  if (!cursor) return null;
  return (
    <div ref={sentinel} className="column-more" data-testid="column-more">
      {loadMore.isError && (
        <p className="muted" role="alert">
          Could not load more cards: {loadMore.error.message}
        </p>
      )}
      <button type="button" className="link" disabled={loadMore.isPending} onClick={load}>
        {loadMore.isPending ? "Loading…" : `Load more ${column.state.name} cards`}
      </button>
    </div>
  );
}

export function IssueBoardScreen() {
  const { slug = "", projectKey = "" } = useParams();
  useRealtimeTopic(slug, projectKey);
  const [params] = useSearchParams();
  const filters = filtersFrom(params);
  const { issueKey: openIssueKey, open } = useOpenIssue();
  // The open issue's panel names the tab while it is open.
  useDocumentTitle(["Board", projectKey], !openIssueKey);
  const board = useQuery(boardQuery(slug, projectKey, filters));
  const [toast, setToast] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropPoint, setDropPoint] = useState<DropPoint | null>(null);
  const move = useMoveIssue(slug, projectKey, setToast);
  const dismissToast = useCallback(() => setToast(null), []);
  const selected = useSelection();

  if (board.isPending) return <Loading label="Loading board" />;
  // A failed refetch keeps what was shown (the banner says why it may be stale).
  if (board.error && !board.data) return <ErrorState error={board.error} />;

  const columns = board.data.columns;
  const states = columns.map((column) => column.state);

  function moveTo(issue: IssueListItem, state: StateRef, index: number | null) {
    const target = columns.find((c) => c.state.id === state.id);
    const column = (target?.issues ?? []).filter((other) => other.id !== issue.id);
    const at = index ?? column.length;
    // Below the loaded cards of a column with more to load, "after the last loaded card" would
    // put the card among the unloaded ones: gone after a reload, and from everyone else's board.
    // It goes just before the last loaded card instead, the nearest place that stays in view.
    const pastLoaded = at === column.length && column.length > 0 && !!target?.next_cursor;
    const request: MoveRequest = pastLoaded
      ? { issue, state, after: column[at - 2] ?? null, before: column[at - 1] ?? null }
      : { issue, state, after: column[at - 1] ?? null, before: column[at] ?? null };
    // Dropping a card back where it was is not a move.
    const current = columns.find((c) => c.state.id === issue.state.id)?.issues ?? [];
    const unchanged = issue.state.id === state.id && current.indexOf(issue) === at;
    if (!unchanged) move.mutate(request);
  }

  function onDragOver(event: DragEvent<HTMLElement>, stateId: string) {
    if (!dragged) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    const index = dropIndex(event.currentTarget, event.clientY, dragged);
    if (dropPoint?.stateId !== stateId || dropPoint.index !== index) setDropPoint({ stateId, index });
  }

  function onDrop(event: DragEvent<HTMLElement>, state: StateRef) {
    event.preventDefault();
    const key = event.dataTransfer.getData("text/plain") || dragged;
    const issue = board.data && boardCards(board.data).find((candidate) => candidate.key === key);
    const index = dropIndex(event.currentTarget, event.clientY, key);
    setDragged(null);
    setDropPoint(null);
    if (issue) moveTo(issue, state, index);
  }

  return (
    <div className="board-screen">
      <ProjectTabs slug={slug} projectKey={projectKey} />
      <BulkActionBar slug={slug} projectKey={projectKey} />
      <div className="board">
        {columns.map((column) => {
          const { state, issues } = column;
          const visible = issues.filter((issue) => issue.key !== dragged);
          const lineAt = dropPoint?.stateId === state.id ? dropPoint.index : -1;
          const more = column.next_cursor !== null;
          return (
            <section
              key={state.id}
              className={`column${lineAt >= 0 ? " column-over" : ""}`}
              aria-label={state.name}
              data-testid="board-column"
              onDragOver={(event) => onDragOver(event, state.id)}
              onDragLeave={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null))
                  setDropPoint(null);
              }}
              onDrop={(event) => onDrop(event, state)}
            >
              <h2 className="column-head">
                <StateDot color={state.color} /> {state.name}{" "}
                <span className="muted" data-testid="column-count">
                  {column.total}
                </span>
                <span className="visually-hidden">
                  {more ? "cards loaded, more to load" : issues.length === 1 ? "card" : "cards"}
                </span>
              </h2>
              <div className="column-cards">
                {issues.map((issue) => (
                  <div key={issue.id} className="card-slot">
                    {lineAt >= 0 && visible[lineAt]?.id === issue.id && (
                      <div className="drop-line" />
                    )}
                    <IssueCard
                      issue={issue}
                      states={states}
                      onOpen={open}
                      onExtend={(key) =>
                        selection.extendTo(key, columns.flatMap((each) => each.issues.map((card) => card.key)))
                      }
                      onMoveTo={(target) => moveTo(issue, target, null)}
                      onDragStart={setDragged}
                      onDragEnd={() => {
                        setDragged(null);
                        setDropPoint(null);
                      }}
                      dragging={issue.key === dragged}
                      selected={selected.has(issue.key)}
                    />
                  </div>
                ))}
                {lineAt >= 0 && lineAt >= visible.length && <div className="drop-line" />}
              </div>
              <ColumnMore slug={slug} projectKey={projectKey} filters={filters} column={column} />
            </section>
          );
        })}
      </div>
      {toast && <Toast message={toast} onDismiss={dismissToast} />}
      <IssuePanel slug={slug} />
    </div>
  );
}
