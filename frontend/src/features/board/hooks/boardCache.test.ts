import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import { createElement, type ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { session } from "../../../shared/api/session";
import { useLoadMoreCards } from "./useLoadMoreCards";
import { useMoveIssue } from "./useMoveIssue";
import { withCardMoved, withColumnPage, type Board, type StateRef } from "../../../shared/api/boardCache";
import { BOARD_PAGE_SIZE, boardQuery, type IssueListItem } from "../../../shared/api/queries";

const TODO: StateRef = { id: "s1", name: "Todo", category: "unstarted", color: "#999" };
const DOING: StateRef = { id: "s2", name: "In Progress", category: "started", color: "#36f" };
const DONE: StateRef = { id: "s3", name: "Done", category: "completed", color: "#0a0" };

function card(n: number, state: StateRef = TODO): IssueListItem {
  return {
    id: `i${n}`,
    key: `ENG-${n}`,
    title: `Issue ${n}`,
    state,
    position: `p${String(n).padStart(4, "0")}`,
    updated_at: "2026-01-01T00:00:00Z",
  } as IssueListItem;
}

function cards(from: number, to: number, state: StateRef = TODO): IssueListItem[] {
  return Array.from({ length: to - from + 1 }, (_, i) => card(from + i, state));
}

function keysOf(board: Board | undefined, state: StateRef): string[] {
  return board?.columns.find((column) => column.state.id === state.id)?.issues.map((i) => i.key) ?? [];
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

/** Answers the board and column-page requests from `answer`, recording every URL asked. */
function stubApi(answer: (url: URL) => Response | Promise<Response>) {
  const asked: URL[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL((input as Request).url);
      asked.push(url);
      return answer(url);
    }),
  );
  return asked;
}

function clientAndWrapper() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) =>
    createElement(QueryClientProvider, { client: queryClient }, children);
  return { queryClient, wrapper };
}

const BOARD_PATH = "/api/v1/workspaces/acme/projects/ENG/board";
const ISSUES_PATH = "/api/v1/workspaces/acme/projects/ENG/issues";

describe("the board's first load", () => {
  beforeEach(() => session.setAccessToken("token"));
  afterEach(() => vi.unstubAllGlobals());

  it("is one request for every column's first page, with the board's filters", async () => {
    const asked = stubApi(() =>
      json({
        columns: [
          { state: TODO, issues: cards(1, 50), next_cursor: "todo-2" },
          { state: DOING, issues: [card(60, DOING)], next_cursor: null },
        ],
      }),
    );
    const { queryClient } = clientAndWrapper();
    const board = await queryClient.fetchQuery(boardQuery("acme", "ENG", { assignee: "me" }));
    expect(asked.map((url) => url.pathname)).toEqual([BOARD_PATH]);
    expect(asked[0]?.searchParams.get("limit")).toBe(String(BOARD_PAGE_SIZE));
    expect(asked[0]?.searchParams.get("assignee")).toBe("me");
    expect(keysOf(board, TODO)).toHaveLength(50);
    expect(board.columns[0]?.next_cursor).toBe("todo-2");
    expect(keysOf(board, DOING)).toEqual(["ENG-60"]);
  });

  it("reloads a column as deep as it had been scrolled when refetched", async () => {
    const asked = stubApi((url) =>
      url.pathname === BOARD_PATH
        ? json({ columns: [{ state: TODO, issues: cards(1, 2), next_cursor: "after-2" }] })
        : json({ results: cards(3, 4), next_cursor: "after-4" }),
    );
    const { queryClient } = clientAndWrapper();
    const options = boardQuery("acme", "ENG");
    queryClient.setQueryData(options.queryKey, {
      columns: [{ state: TODO, issues: cards(1, 3), next_cursor: "old" }],
    });
    await queryClient.fetchQuery({ ...options, staleTime: 0 });
    const page = asked.find((url) => url.pathname === ISSUES_PATH);
    expect(page?.searchParams.get("cursor")).toBe("after-2");
    expect(page?.searchParams.get("state")).toBe(TODO.id);
    expect(page?.searchParams.get("ordering")).toBe("position");
    expect(keysOf(queryClient.getQueryData(options.queryKey), TODO)).toEqual([
      "ENG-1",
      "ENG-2",
      "ENG-3",
      "ENG-4",
    ]);
  });
});

describe("loading more of a column", () => {
  beforeEach(() => session.setAccessToken("token"));
  afterEach(() => vi.unstubAllGlobals());

  it("asks for the cards after the column's cursor, and appends them without duplicates", async () => {
    // The page repeats ENG-3 (moved to the column's end meanwhile) and brings ENG-4 and ENG-5.
    const asked = stubApi(() => json({ results: [card(3), ...cards(4, 5)], next_cursor: null }));
    const { queryClient, wrapper } = clientAndWrapper();
    const options = boardQuery("acme", "ENG", { priority: "high" });
    queryClient.setQueryData(options.queryKey, {
      columns: [
        { state: TODO, issues: cards(1, 3), next_cursor: "after-3" },
        { state: DOING, issues: [card(9, DOING)], next_cursor: null },
      ],
    });
    const { result } = renderHook(
      () => useLoadMoreCards("acme", "ENG", { priority: "high" }, TODO.id),
      { wrapper },
    );
    result.current.mutate("after-3");
    await waitFor(() => expect(result.current.isSuccess).toBe(true));

    expect(asked).toHaveLength(1);
    expect(asked[0]?.pathname).toBe(ISSUES_PATH);
    expect(Object.fromEntries(asked[0]?.searchParams ?? [])).toMatchObject({
      state: TODO.id,
      ordering: "position",
      cursor: "after-3",
      priority: "high",
      limit: String(BOARD_PAGE_SIZE),
    });
    const board = queryClient.getQueryData(options.queryKey);
    expect(keysOf(board, TODO)).toEqual(["ENG-1", "ENG-2", "ENG-3", "ENG-4", "ENG-5"]);
    expect(board?.columns[0]?.next_cursor).toBeNull();
    expect(keysOf(board, DOING)).toEqual(["ENG-9"]);
  });

  it("takes a card the page brings out of the column that showed it before", () => {
    const board: Board = {
      columns: [
        { state: TODO, issues: cards(1, 2), next_cursor: "after-2" },
        { state: DOING, issues: [card(7, DOING), card(8, DOING)], next_cursor: null },
      ],
    };
    const next = withColumnPage(board, TODO.id, "after-2", { results: [card(7)], next_cursor: "x" });
    expect(keysOf(next, TODO)).toEqual(["ENG-1", "ENG-2", "ENG-7"]);
    expect(keysOf(next, DOING)).toEqual(["ENG-8"]);
    expect(next.columns[0]?.next_cursor).toBe("x");
  });

  it("drops a page fetched for an older copy of the column", () => {
    const board: Board = { columns: [{ state: TODO, issues: cards(1, 2), next_cursor: "fresh" }] };
    expect(withColumnPage(board, TODO.id, "stale", { results: [card(3)], next_cursor: null })).toBe(
      board,
    );
  });
});

describe("moving a card on the board", () => {
  beforeEach(() => session.setAccessToken("token"));
  afterEach(() => vi.unstubAllGlobals());

  const board: Board = {
    columns: [
      { state: TODO, issues: cards(1, 3), next_cursor: "more-todo" },
      { state: DOING, issues: [card(4, DOING), card(5, DOING)], next_cursor: null },
      { state: DONE, issues: [card(6, DONE)], next_cursor: null },
    ],
  };

  it("takes the card out of its column and puts it between its new neighbours", () => {
    const next = withCardMoved(board, {
      issue: card(2),
      state: DOING,
      after: card(4, DOING),
      before: card(5, DOING),
      position: "p0004V",
    });
    expect(keysOf(next, TODO)).toEqual(["ENG-1", "ENG-3"]);
    expect(keysOf(next, DOING)).toEqual(["ENG-4", "ENG-2", "ENG-5"]);
    expect(next.columns[1]?.issues[1]?.state).toEqual(DOING);
    expect(next.columns[2]).toBe(board.columns[2]);
    expect(next.columns[0]?.next_cursor).toBe("more-todo");
  });

  it("puts the card first with no neighbours, and first before `before`", () => {
    const first = withCardMoved(board, {
      issue: card(6, DONE),
      state: DOING,
      after: null,
      before: card(4, DOING),
      position: "\u0000p0004",
    });
    expect(keysOf(first, DOING)).toEqual(["ENG-6", "ENG-4", "ENG-5"]);
    expect(keysOf(first, DONE)).toEqual([]);
  });

  it("updates every cached board of the project at once, before the server answers", async () => {
    stubApi(() => new Promise<Response>(() => {}));
    const { queryClient, wrapper } = clientAndWrapper();
    const plain = boardQuery("acme", "ENG").queryKey;
    const filtered = boardQuery("acme", "ENG", { assignee: "me" }).queryKey;
    const otherProject = boardQuery("acme", "OPS").queryKey;
    queryClient.setQueryData(plain, board);
    queryClient.setQueryData(filtered, board);
    queryClient.setQueryData(otherProject, board);
    const { result } = renderHook(() => useMoveIssue("acme", "ENG", () => {}), { wrapper });

    result.current.mutate({ issue: card(1), state: DONE, after: card(6, DONE), before: null });

    await waitFor(() => expect(keysOf(queryClient.getQueryData(plain), DONE)).toEqual(["ENG-6", "ENG-1"]));
    expect(keysOf(queryClient.getQueryData(plain), TODO)).toEqual(["ENG-2", "ENG-3"]);
    expect(keysOf(queryClient.getQueryData(filtered), DONE)).toEqual(["ENG-6", "ENG-1"]);
    expect(queryClient.getQueryData(otherProject)).toBe(board);
  });

  it("puts every board back when the server refuses", async () => {
    stubApi(() =>
      json({ status: 409, code: "project_archived", detail: "The project is archived." }, 409),
    );
    const { queryClient, wrapper } = clientAndWrapper();
    const key = boardQuery("acme", "ENG").queryKey;
    queryClient.setQueryData(key, board);
    const messages: string[] = [];
    const { result } = renderHook(() => useMoveIssue("acme", "ENG", (m) => messages.push(m)), {
      wrapper,
    });

    result.current.mutate({ issue: card(1), state: DONE, after: card(6, DONE), before: null });

    await waitFor(() => expect(messages).toHaveLength(1));
    expect(keysOf(queryClient.getQueryData(key), TODO)).toEqual(["ENG-1", "ENG-2", "ENG-3"]);
    expect(keysOf(queryClient.getQueryData(key), DONE)).toEqual(["ENG-6"]);
  });
});
