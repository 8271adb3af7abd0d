import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { cleanup, render, renderHook, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { session } from "../../../shared/api/session";
import { issueQuery } from "../../../shared/api/queries";
import { SaveError } from "../components/IssueDetail";
import { STALE_ISSUE_MESSAGE, isStaleIssue } from "../api/issueApi";
import { useUpdateIssue } from "./useIssueMutations";

const ISSUE_PATH = "/api/v1/workspaces/acme/issues/ENG-1";

/** A stand-in API holding one issue; PATCH honours If-Match the way the server does. */
function fakeServer() {
  let current = { title: "First", etag: '"1-aaaaaaaaaaaaaaaa"' };
  const patches: { ifMatch: string | null }[] = [];
  const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json", ...headers },
    });
  const issue = () => ({ id: "i1", key: "ENG-1", title: current.title, updated_at: "t" });
  const fetchImpl = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    if (new URL(request.url).pathname !== ISSUE_PATH) return json({}, 404);
    if (request.method === "GET") return json(issue(), 200, { ETag: current.etag });
    const ifMatch = request.headers.get("If-Match");
    patches.push({ ifMatch });
    if (ifMatch && ifMatch !== current.etag) {
      return json({ status: 412, code: "precondition_failed", detail: "Stale." }, 412);
    }
    const body = (await request.json()) as { title: string };
    current = { title: body.title, etag: `"${Number(current.etag[1]) + 1}-bbbbbbbbbbbbbbbb"` };
    return json(issue(), 200, { ETag: current.etag });
  });
  const someoneElseRenames = (title: string) => {
    current = { title, etag: '"2-cccccccccccccccc"' };
  };
  return { fetchImpl, patches, someoneElseRenames };
}

describe("editing an issue someone else changed", () => {
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

  it("sends the ETag it read, and on 412 reloads the server's copy and says so", async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const { result } = renderHook(
      () => ({
        issue: useQuery(issueQuery("acme", "ENG-1")),
        update: useUpdateIssue("acme", "ENG-1", "ENG"),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.issue.data?.etag).toBe('"1-aaaaaaaaaaaaaaaa"'));

    // Someone else renames the issue; then this user saves their copy.
    server.someoneElseRenames("Theirs");
    result.current.update.mutate({ edit: { title: "Mine" } });

    await waitFor(() => expect(result.current.update.isError).toBe(true));
    expect(server.patches).toEqual([{ ifMatch: '"1-aaaaaaaaaaaaaaaa"' }]);
    expect(isStaleIssue(result.current.update.error)).toBe(true);
    // The server's copy replaces the stale one, with its ETag for the next edit.
    await waitFor(() => expect(result.current.issue.data?.title).toBe("Theirs"));
    expect(result.current.issue.data?.etag).toBe('"2-cccccccccccccccc"');

    render(<SaveError error={result.current.update.error} />);
    expect(screen.getByRole("alert").textContent).toBe(STALE_ISSUE_MESSAGE);
    expect(STALE_ISSUE_MESSAGE).toBe("Someone else changed this issue; it has been reloaded.");

    // The next edit is made against the reloaded copy and goes through.
    result.current.update.mutate({ edit: { title: "Mine again" } });
    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
    expect(server.patches[1]).toEqual({ ifMatch: '"2-cccccccccccccccc"' });
    await waitFor(() => expect(result.current.issue.data?.title).toBe("Mine again"));
  });
});
