import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { session } from "../../../shared/api/session";
import { issueQuery, type IssueListItem, type State, type TaggedIssue } from "../../../shared/api/queries";
import { useMoveIssue } from "./useMoveIssue";

const card = { id: "i1", key: "ENG-1", updated_at: "t1", position: "a" } as IssueListItem;
const done = { id: "s2", name: "Done", category: "completed", color: "#000" } as State;

function setup(cachedDetail: Partial<TaggedIssue> | null) {
  const sent: (string | null)[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input as Request;
      sent.push(request.headers.get("If-Match"));
      const body = { status: 412, code: "precondition_failed", detail: "Stale." };
      return new Response(JSON.stringify(body), {
        status: 412,
        headers: { "Content-Type": "application/problem+json" },
      });
    }),
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (cachedDetail) {
    queryClient.setQueryData(issueQuery("acme", "ENG-1").queryKey, cachedDetail as TaggedIssue);
  }
  const messages: string[] = [];
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => useMoveIssue("acme", "ENG", (m) => messages.push(m)), {
    wrapper,
  });
  return { result, sent, messages };
}

describe("moving a card someone else changed", () => {
  beforeEach(() => session.setAccessToken("token"));
  afterEach(() => vi.unstubAllGlobals());

  it("sends the ETag of the detail read when it shows the same card, and says why it failed", async () => {
    const { result, sent, messages } = setup({ updated_at: "t1", etag: '"3-abc"' });
    result.current.mutate({ issue: card, state: done, after: null, before: null });
    await waitFor(() => expect(messages).toHaveLength(1));
    expect(sent).toEqual(['"3-abc"']);
    expect(messages[0]).toBe("Someone else changed ENG-1; it has been reloaded.");
  });

  it("moves unconditionally when the detail it read is older than the card", async () => {
    const { result, sent } = setup({ updated_at: "t0", etag: '"2-old"' });
    result.current.mutate({ issue: card, state: done, after: null, before: null });
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent).toEqual([null]);
  });
});
