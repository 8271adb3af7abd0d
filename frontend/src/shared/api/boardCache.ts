/**
 * The board's cached copy: every column with the cards loaded so far and the cursor for the rest.
 * One cache entry per board (not one per column), so a move between two columns is one update
 * and a refetch knows how deep each column had been scrolled. These functions never mutate.
 */
import type { IssueListItem, Schemas } from "./queries";

export type BoardColumn = Schemas["BoardColumnOutput"];
export type Board = Schemas["BoardOutput"];
/** A state as a card and a column carry it. */
export type StateRef = Schemas["IssueStateOutput"];
export type IssuePage = { results: IssueListItem[]; next_cursor?: string | null };

/**
 * The board with the next page of one column appended after its loaded cards. A card already on
 * the board is not shown twice: the page is the fresher copy, so it moves here. When the column's
 * cursor is no longer `cursor` (the board was refetched meanwhile) the page belongs to an older
 * copy and is dropped.
 */
export function withColumnPage(
  board: Board,
  stateId: string,
  cursor: string,
  page: IssuePage,
): Board {
  const target = board.columns.find((column) => column.state.id === stateId);
  if (!target || target.next_cursor !== cursor) return board;
  const incoming = new Set(page.results.map((issue) => issue.id));
  const loadedHere = new Set(target.issues.map((issue) => issue.id));
  return {
    ...board,
    columns: board.columns.map((column) =>
      column === target
        ? {
            ...column,
            issues: [
              ...column.issues,
              ...page.results.filter((issue) => !loadedHere.has(issue.id)),
            ],
            next_cursor: page.next_cursor ?? null,
          }
        : { ...column, issues: column.issues.filter((issue) => !incoming.has(issue.id)) },
    ),
  };
}

export type CardMove = {
  issue: IssueListItem;
  state: StateRef;
  after: IssueListItem | null;
  before: IssueListItem | null;
  /** A sort key for the local copy until the server answers. */
  position: string;
};

/**
 * The board with a card taken out of whichever column holds it and put into `state`'s column,
 * right after `after` (or right before `before`, or first when both are null).
 */
export function withCardMoved(board: Board, { issue, state, after, before, position }: CardMove): Board {
  const { id, name, category, color } = state;
  const moved: IssueListItem = { ...issue, state: { id, name, category, color }, position };
  return {
    ...board,
    columns: board.columns.map((column) => {
      const rest = column.issues.filter((other) => other.id !== issue.id);
      if (column.state.id !== state.id) {
        return rest.length === column.issues.length ? column : { ...column, issues: rest };
      }
      const afterAt = after ? rest.findIndex((other) => other.id === after.id) : -1;
      const beforeAt = before ? rest.findIndex((other) => other.id === before.id) : -1;
      const at = afterAt >= 0 ? afterAt + 1 : beforeAt >= 0 ? beforeAt : after ? rest.length : 0;
      return { ...column, issues: [...rest.slice(0, at), moved, ...rest.slice(at)] };
    }),
  };
}

/** Every card loaded on the board, column after column. */
export function boardCards(board: Board): IssueListItem[] {
  return board.columns.flatMap((column) => column.issues);
}
