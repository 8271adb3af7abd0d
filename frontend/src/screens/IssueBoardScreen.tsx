import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useState, type DragEvent } from "react";
import { useParams } from "react-router-dom";

import { boardQuery, statesQuery, type IssueListItem, type State } from "../api/queries";
import { ErrorState, Loading } from "../components/States";
import { Avatars, LabelChips, PriorityBadge, StateDot } from "../components/issues/display";
import { IssuePanel, useOpenIssue } from "../components/issues/IssuePanel";
import { ProjectTabs } from "../components/issues/ProjectTabs";
import { useRealtimeTopic } from "../realtime/RealtimeProvider";
import { useMoveIssue, type MoveRequest } from "../components/issues/useMoveIssue";

type DropPoint = { stateId: string; index: number };

function byPosition(a: IssueListItem, b: IssueListItem): number {
  if (a.position === b.position) return 0;
  return a.position < b.position ? -1 : 1;
}

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
  states: State[];
  onOpen: (key: string) => void;
  onMoveTo: (state: State) => void;
  onDragStart: (key: string) => void;
  onDragEnd: () => void;
  dragging: boolean;
}) {
  const { issue, states } = props;
  return (
    <div
      className={`card${props.dragging ? " card-dragging" : ""}`}
      data-testid="issue-card"
      data-key={issue.key}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData("text/plain", issue.key);
        event.dataTransfer.effectAllowed = "move";
        props.onDragStart(issue.key);
      }}
      onDragEnd={props.onDragEnd}
      onClick={() => props.onOpen(issue.key)}
    >
      <div className="card-top">
        <span className="cell-key">{issue.key}</span>
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

export function IssueBoardScreen() {
  const { slug = "", projectKey = "" } = useParams();
  useRealtimeTopic(slug, projectKey);
  const { open } = useOpenIssue();
  const states = useQuery(statesQuery(slug, projectKey));
  const board = useQuery(boardQuery(slug, projectKey));
  const [toast, setToast] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropPoint, setDropPoint] = useState<DropPoint | null>(null);
  const move = useMoveIssue(slug, projectKey, setToast);
  const dismissToast = useCallback(() => setToast(null), []);

  if (states.isPending || board.isPending) return <Loading label="Loading board" />;
  if (states.error || board.error) return <ErrorState error={states.error ?? board.error} />;

  const columns = [...states.data]
    .sort((a, b) => a.position - b.position)
    .map((state) => ({
      state,
      issues: board.data.filter((issue) => issue.state.id === state.id).sort(byPosition),
    }));

  function moveTo(issue: IssueListItem, state: State, index: number | null) {
    const column = (columns.find((c) => c.state.id === state.id)?.issues ?? []).filter(
      (other) => other.id !== issue.id,
    );
    const at = index ?? column.length;
    const request: MoveRequest = {
      issue,
      state,
      after: column[at - 1] ?? null,
      before: column[at] ?? null,
    };
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

  function onDrop(event: DragEvent<HTMLElement>, state: State) {
    event.preventDefault();
    const key = event.dataTransfer.getData("text/plain") || dragged;
    const issue = board.data?.find((candidate) => candidate.key === key);
    const index = dropIndex(event.currentTarget, event.clientY, key);
    setDragged(null);
    setDropPoint(null);
    if (issue) moveTo(issue, state, index);
  }

  return (
    <div className="board-screen">
      <ProjectTabs slug={slug} projectKey={projectKey} />
      <div className="board">
        {columns.map(({ state, issues }) => {
          const visible = issues.filter((issue) => issue.key !== dragged);
          const lineAt = dropPoint?.stateId === state.id ? dropPoint.index : -1;
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
                <span className="muted">{issues.length}</span>
              </h2>
              <div className="column-cards">
                {issues.map((issue) => (
                  <div key={issue.id} className="card-slot">
                    {lineAt >= 0 && visible[lineAt]?.id === issue.id && (
                      <div className="drop-line" />
                    )}
                    <IssueCard
                      issue={issue}
                      states={columns.map((column) => column.state)}
                      onOpen={open}
                      onMoveTo={(target) => moveTo(issue, target, null)}
                      onDragStart={setDragged}
                      onDragEnd={() => {
                        setDragged(null);
                        setDropPoint(null);
                      }}
                      dragging={issue.key === dragged}
                    />
                  </div>
                ))}
                {lineAt >= 0 && lineAt >= visible.length && <div className="drop-line" />}
              </div>
            </section>
          );
        })}
      </div>
      {toast && <Toast message={toast} onDismiss={dismissToast} />}
      <IssuePanel slug={slug} />
    </div>
  );
}
