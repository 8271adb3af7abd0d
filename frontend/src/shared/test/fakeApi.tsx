import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { vi } from "vitest";

/** A request the screen sent, as the API received it. */
export type Sent = { method: string; path: string; query: URLSearchParams; body: unknown };

/** What a stand-in API answers: a status and a JSON body (or null for 204). */
export type Answer = { status?: number; body?: unknown } | undefined;

/**
 * Replaces fetch with a stand-in API: `answer` sees each request and returns what the API would
 * say (undefined: 404). Every request is recorded in `sent`, in order.
 */
export function stubApi(answer: (request: Sent) => Answer) {
  const sent: Sent[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url);
    const text = request.method === "GET" ? "" : await request.text();
    const record = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      body: text ? JSON.parse(text) : null,
    };
    sent.push(record);
    const reply = answer(record) ?? { status: 404, body: { code: "not_found", detail: "Not found." } };
    const status = reply.status ?? 200;
    if (status === 204) return new Response(null, { status });
    return new Response(JSON.stringify(reply.body ?? {}), {
      status,
      headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
    });
  });
  return {
    sent,
    /** The writes sent so far (reads left out), as "METHOD path". */
    writes: () => sent.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`),
  };
}

/** A page of results, as the API's list endpoints answer. */
export const page = (results: unknown[]) => ({ body: { results, next_cursor: null } });

/** Renders `element` under `pattern` at `url`, with a fresh query cache. */
export function renderRoute(url: string, pattern: string, element: ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path={pattern} element={element} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
