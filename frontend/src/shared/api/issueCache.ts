/**
 * One issue's fresh copy put into every cached list and board of its project, or taken out of
 * them: a live change to one issue updates that one item instead of reloading whole screens.
 * These functions never mutate.
 */
import type { InfiniteData, QueryClient } from "@tanstack/react-query";

import { boardCards, loadedInState, withTotalsShifted, type Board } from "./boardCache";
import { keys, type Issue, type IssueListItem, type Label, type Member } from "./queries";

export type IssuePages = InfiniteData<{ results: IssueListItem[]; next_cursor?: string | null }>;

/** The list item of an issue read in full (its detail carries more). */
export function listItemOf(issue: Issue): IssueListItem {
  // The detail's extra fields (description, the ETag) do not belong in list caches.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { description, ...item } = issue as Issue & { etag?: string | null };
  delete (item as { etag?: unknown }).etag;
  return item;
}

export function pagesHold(data: IssuePages | undefined, key: string): boolean {
  return !!data?.pages.some((page) => page.results.some((issue) => issue.key === key));
}

export function boardHolds(board: Board | undefined, key: string): boolean {
  return !!board?.columns.some((column) => column.issues.some((issue) => issue.key === key));
}

/** The list with the issue's item replaced where it is (a list's order and filters are the
 * server's; an item already shown stays where it is until the list is next read). */
export function withIssueInPages(data: IssuePages, issue: IssueListItem): IssuePages {
  if (!pagesHold(data, issue.key)) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      results: page.results.map((item) => (item.id === issue.id ? issue : item)),
    })),
  };
}

export function withoutIssueInPages(data: IssuePages, key: string): IssuePages {
  if (!pagesHold(data, key)) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      results: page.results.filter((item) => item.key !== key),
    })),
  };
}

/**
 * The board with the card in its state's column at its position. A card whose position falls
 * beyond a column's loaded cards (more to load) is left to that column's next page.
 */
export function withIssueOnBoard(board: Board, issue: IssueListItem): Board {
  return {
    ...board,
    columns: withTotalsShifted(board.columns, loadedInState(board, issue.id), issue.state.id).map((column) => {
      const rest = column.issues.filter((other) => other.id !== issue.id);
      if (column.state.id !== issue.state.id) {
        return rest.length === column.issues.length ? column : { ...column, issues: rest };
      }
      const at = rest.findIndex((other) => other.position > issue.position);
      // The loaded cards reach as far as the last of them (this card's old copy included).
      const loadedUpTo = column.issues[column.issues.length - 1]?.position ?? "";
      if (at === -1 && column.next_cursor && issue.position > loadedUpTo) {
        return { ...column, issues: rest };
      }
      const index = at === -1 ? rest.length : at;
      return { ...column, issues: [...rest.slice(0, index), issue, ...rest.slice(index)] };
    }),
  };
}

export function withoutIssueOnBoard(board: Board, key: string): Board {
  if (!boardHolds(board, key)) return board;
  const card = boardCards(board).find((issue) => issue.key === key);
  return {
    ...board,
    columns: withTotalsShifted(board.columns, card ? card.state.id : null, null).map((column) => ({
      ...column,
      issues: column.issues.filter((issue) => issue.key !== key),
    })),
  };
}

/** Every cached list of a project (each set of filters). */
export function listsKey(slug: string, projectKey: string) {
  return [...keys.issues(slug, projectKey), "list"];
}

/** The issue's fresh copy into every cached list and board of its project. */
export function putIssueEverywhere(client: QueryClient, slug: string, projectKey: string, issue: Issue) {
  const item = listItemOf(issue);
  client.setQueriesData<IssuePages>({ queryKey: listsKey(slug, projectKey) }, (data) =>
    data && withIssueInPages(data, item),
  );
  client.setQueriesData<Board>({ queryKey: keys.boards(slug, projectKey) }, (board) =>
    board && withIssueOnBoard(board, item),
  );
}

/** The issue out of every cached list and board of its project. */
export function removeIssueEverywhere(client: QueryClient, slug: string, projectKey: string, key: string) {
  client.setQueriesData<IssuePages>({ queryKey: listsKey(slug, projectKey) }, (data) =>
    data && withoutIssueInPages(data, key),
  );
  client.setQueriesData<Board>({ queryKey: keys.boards(slug, projectKey) }, (board) =>
    board && withoutIssueOnBoard(board, key),
  );
}

/** A position before every other (the empty key sorts first): where the server puts an issue
 * that changes state, until its answer brings the real key. */
export const TOP_OF_COLUMN = "";

/** A person as some cached read of the workspace's members knows them (a picker's search, the
 * members screen), for showing a change before the server answers. */
export function cachedPerson(client: QueryClient, slug: string, userId: string): Member["user"] | undefined {
  for (const [, members] of client.getQueriesData<Member[]>({ queryKey: keys.members(slug) })) {
    const found = Array.isArray(members) ? members.find(({ user }) => user.id === userId) : undefined;
    if (found) return found.user;
  }
  return undefined;
}

/** A label as some cached read of the project's labels knows it. */
export function cachedLabel(client: QueryClient, slug: string, projectKey: string, labelId: string): Label | undefined {
  for (const [, labels] of client.getQueriesData<Label[]>({ queryKey: keys.labels(slug, projectKey) })) {
    const found = Array.isArray(labels) ? labels.find((label) => label.id === labelId) : undefined;
    if (found) return found;
  }
  return undefined;
}
