import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { session } from "../../../shared/api/session";
import { IssueRelations } from "./IssueRelations";

const WS = "/api/v1/workspaces/acme";
const INVERSE: Record<string, string> = {
  blocks: "blocked_by",
  blocked_by: "blocks",
  duplicates: "duplicated_by",
  duplicated_by: "duplicates",
  relates: "relates",
};
const TODO = { id: "s1", name: "Todo", category: "unstarted", color: "#999999" };

/** A stand-in API holding relations both ways, as the real one does. */
function fakeServer() {
  const relations = new Map<string, Map<string, string>>(); // from -> (to -> kind)
  const relate = (from: string, to: string, kind: string) => {
    relations.set(from, (relations.get(from) ?? new Map()).set(to, kind));
  };
  relate("ENG-1", "ENG-2", "blocks");
  relate("ENG-2", "ENG-1", "blocked_by");
  const known = new Set(["ENG-1", "ENG-2", "OPS-7"]);
  const writes: string[] = [];
  const json = (body: unknown, status = 200, type = "application/json") =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });
  const fetchImpl = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    const path = new URL(request.url).pathname;
    const match = path.match(/\/issues\/([A-Z]+-\d+)\/relations(?:\/([A-Z]+-\d+))?$/);
    if (!match) return json({ results: [], next_cursor: null });
    const [, key = "", other] = match;
    if (request.method === "GET") {
      const results = [...(relations.get(key) ?? new Map())].map(([to, kind]) => ({
        type: kind,
        issue: { id: `id-${to}`, key: to, title: `Issue ${to}`, state: TODO, completed_at: null },
      }));
      return json({ results, next_cursor: null });
    }
    if (request.method === "DELETE" && other) {
      writes.push(`DELETE ${path}`);
      relations.get(key)?.delete(other);
      relations.get(other)?.delete(key);
      return new Response(null, { status: 204 });
    }
    const body = (await request.json()) as { issue_key: string; type: string };
    writes.push(`POST ${path} ${body.issue_key} ${body.type}`);
    if (!known.has(body.issue_key)) {
      return json(
        {
          type: "about:blank",
          title: "Invalid input.",
          status: 400,
          code: "validation_error",
          detail: "No such issue in this workspace.",
          errors: [{ field: "issue_key", code: "invalid_issue", message: "No such issue in this workspace." }],
        },
        400,
        "application/problem+json",
      );
    }
    relate(key, body.issue_key, body.type);
    relate(body.issue_key, key, INVERSE[body.type] ?? "relates");
    return json({ type: body.type, issue: { key: body.issue_key } }, 201);
  });
  return { fetchImpl, writes, relations };
}

describe("the side panel's relations", () => {
  let server: ReturnType<typeof fakeServer>;

  beforeEach(() => {
    session.setAccessToken("token");
    server = fakeServer();
    vi.stubGlobal("fetch", server.fetchImpl);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  function renderPanel() {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>
          <IssueRelations slug="acme" issueKey="ENG-1" />
        </MemoryRouter>
      </QueryClientProvider>,
    );
  }

  it("groups relations by kind, adds one by key with a kind, and removes one", async () => {
    renderPanel();
    const blocks = await screen.findByRole("heading", { name: "Blocks" });
    expect(within(blocks.parentElement as HTMLElement).getByRole("link", { name: "ENG-2" })).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Relation"), { target: { value: "duplicates" } });
    fireEvent.change(screen.getByLabelText("Issue key"), { target: { value: "ops-7" } });
    fireEvent.click(screen.getByRole("button", { name: "Add" }));

    const duplicates = await screen.findByRole("heading", { name: "Duplicate of" });
    expect(within(duplicates.parentElement as HTMLElement).getByRole("link", { name: "OPS-7" })).toBeTruthy();
    expect((screen.getByLabelText("Issue key") as HTMLInputElement).value).toBe("");

    fireEvent.click(screen.getByRole("button", { name: "Remove relation to ENG-2" }));
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Blocks" })).toBeNull());

    expect(server.writes).toEqual([
      `POST ${WS}/issues/ENG-1/relations OPS-7 duplicates`,
      `DELETE ${WS}/issues/ENG-1/relations/ENG-2`,
    ]);
    expect(server.relations.get("OPS-7")?.get("ENG-1")).toBe("duplicated_by");
  });

  it("shows the server's reason when the key names no issue", async () => {
    renderPanel();
    await screen.findByRole("heading", { name: "Blocks" });

    fireEvent.change(screen.getByLabelText("Issue key"), { target: { value: "NOPE-1" } });
    fireEvent.click(screen.getByRole("button", { name: "Add" }));

    expect((await screen.findByRole("alert")).textContent).toContain("No such issue");
    expect((screen.getByLabelText("Issue key") as HTMLInputElement).value).toBe("NOPE-1");
  });
});
