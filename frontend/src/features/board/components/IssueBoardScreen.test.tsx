import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { StateRef } from "../../../shared/api/boardCache";
import type { IssueListItem } from "../../../shared/api/queries";
import { session } from "../../../shared/api/session";
import { IssueBoardScreen } from "./IssueBoardScreen";

const TODO: StateRef = { id: "s1", name: "Todo", category: "unstarted", color: "#999" };
const DONE: StateRef = { id: "s2", name: "Done", category: "completed", color: "#0a0" };
const PROJECT = "/api/v1/workspaces/acme/projects/ENG";

function card(n: number, state: StateRef): IssueListItem {
  return {
    id: `i${n}`,
    key: `ENG-${n}`,
    title: `Issue number ${n}`,
    state,
    priority: "none",
    assignees: [],
    labels: [],
    position: String(n).padStart(4, "0"),
    updated_at: "2026-01-01T00:00:00Z",
  } as unknown as IssueListItem;
}

/**
 * A stand-in for the board, column-page and move endpoints: Todo holds 30 cards, Done 1; pages
 * by an offset cursor. Moves are held until `release` so the optimistic copy can be seen.
 */
function fakeApi() {
  const todo = Array.from({ length: 30 }, (_, i) => card(i + 1, TODO));
  const asked: URL[] = [];
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
  vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
    const url = new URL((input as Request).url);
    asked.push(url);
    const limit = Number(url.searchParams.get("limit"));
    if (url.pathname === `${PROJECT}/board`) {
      return json({
        columns: [
          { state: TODO, issues: todo.slice(0, limit), next_cursor: String(limit) },
          { state: DONE, issues: [card(99, DONE)], next_cursor: null },
        ],
      });
    }
    if (url.pathname === `${PROJECT}/issues`) {
      const start = Number(url.searchParams.get("cursor"));
      const end = start + limit;
      return json({ results: todo.slice(start, end), next_cursor: end < todo.length ? String(end) : null });
    }
    if (url.pathname.endsWith("/move")) {
      await held;
      return json({ ...card(2, DONE), etag: null });
    }
    return new Response(null, { status: 404 });
  });
  return { asked, release: () => release() };
}

function renderBoard(path = "/w/acme/p/ENG/board") {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/w/:slug/p/:projectKey/board" element={<IssueBoardScreen />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const column = (name: string) => screen.getByRole("region", { name });
const cardKeys = (name: string) =>
  within(column(name))
    .queryAllByTestId("issue-card")
    .map((element) => element.dataset.key);

describe("the board screen", () => {
  beforeEach(() => session.setAccessToken("token"));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("shows every column's first cards from one request, with the URL's filters", async () => {
    const { asked } = fakeApi();
    renderBoard("/w/acme/p/ENG/board?assignee=me&priority=high");
    await screen.findByRole("region", { name: "Todo" });
    expect(asked.map((url) => url.pathname)).toEqual([`${PROJECT}/board`]);
    expect(Object.fromEntries(asked[0]?.searchParams ?? [])).toEqual({
      assignee: "me",
      priority: "high",
      limit: "25",
    });
    expect(cardKeys("Todo")).toHaveLength(25);
    expect(within(column("Todo")).getByTestId("column-count").textContent).toBe("25+");
    expect(within(column("Done")).getByTestId("column-count").textContent).toBe("1");
    expect(within(column("Done")).queryByRole("button", { name: /Load more/ })).toBeNull();
  });

  it("loads a column's next cards from its button, after the cards it shows", async () => {
    const { asked } = fakeApi();
    renderBoard("/w/acme/p/ENG/board?assignee=me");
    fireEvent.click(await screen.findByRole("button", { name: "Load more Todo cards" }));
    await waitFor(() => expect(cardKeys("Todo")).toHaveLength(30));
    expect(cardKeys("Todo")).toEqual(Array.from({ length: 30 }, (_, i) => `ENG-${i + 1}`));
    expect(within(column("Todo")).getByTestId("column-count").textContent).toBe("30");
    expect(screen.queryByRole("button", { name: "Load more Todo cards" })).toBeNull();
    const page = asked.find((url) => url.pathname === `${PROJECT}/issues`);
    expect(Object.fromEntries(page?.searchParams ?? [])).toEqual({
      assignee: "me",
      state: TODO.id,
      ordering: "position",
      limit: "25",
      cursor: "25",
    });
  });

  it("moves a card with the Move to select at once, into the other column", async () => {
    const { asked, release } = fakeApi();
    renderBoard();
    await screen.findByRole("region", { name: "Todo" });
    const moving = within(column("Todo")).getAllByTestId("issue-card")[1]!;
    fireEvent.change(within(moving).getByLabelText("Move to"), { target: { value: DONE.id } });
    await waitFor(() => expect(cardKeys("Done")).toEqual(["ENG-99", "ENG-2"]));
    expect(cardKeys("Todo")).not.toContain("ENG-2");
    expect(within(column("Todo")).getByTestId("column-count").textContent).toBe("24+");
    expect(asked.some((url) => url.pathname === "/api/v1/workspaces/acme/issues/ENG-2/move")).toBe(
      true,
    );
    release();
  });
});
