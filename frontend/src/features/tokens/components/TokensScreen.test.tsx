import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { session } from "../../../shared/api/session";
import { TokensScreen } from "./TokensScreen";

const SECRET = "dkt_pat_s3cretS3cretS3cretS3cretS3cretS3cretS3c";

type Sent = { method: string; path: string; body: unknown; auth: string | null };

/** A stand-in API for the tokens screen: it remembers the tokens created through it. */
function fakeApi() {
  const sent: Sent[] = [];
  const tokens: object[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const path = new URL(request.url).pathname;
    const body = request.method === "POST" ? await request.json() : null;
    sent.push({ method: request.method, path, body, auth: request.headers.get("Authorization") });
    if (path === "/api/v1/workspaces") {
      return json({
        results: [
          { id: "w1", slug: "acme", name: "Acme", role: "member" },
          { id: "w2", slug: "other", name: "Other", role: "owner" },
        ],
        next_cursor: null,
      });
    }
    if (path === "/api/v1/me/tokens" && request.method === "GET") {
      return json({ results: tokens, next_cursor: null });
    }
    if (path === "/api/v1/me/tokens" && request.method === "POST") {
      const input = body as { name: string; workspace: string; scope: string; expires_at: string };
      const token = {
        id: "t1",
        name: input.name,
        workspace: input.workspace,
        scope: input.scope,
        prefix: SECRET.slice(0, 12),
        created_at: "2026-11-25T09:00:00.000000Z",
        expires_at: input.expires_at,
        last_used_at: null,
      };
      tokens.push(token);
      return json({ ...token, secret: SECRET }, 201);
    }
    return json({ code: "not_found", detail: "Not found." }, 404);
  };
  return { sent, fetchImpl };
}

function renderTokens() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={["/w/acme/tokens"]}>
        <Routes>
          <Route path="/w/:slug/tokens" element={<TokensScreen />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("TokensScreen", () => {
  let writeText: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    session.setAccessToken("session-jwt");
    writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    session.expire("");
  });

  it("creates a token for this workspace, shows the secret once and lists the token", async () => {
    const { sent, fetchImpl } = fakeApi();
    vi.stubGlobal("fetch", fetchImpl);
    renderTokens();

    expect(await screen.findByText("No tokens yet")).toBeTruthy();
    expect(screen.queryByLabelText("Token")).toBeNull();
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "CI bot" } });
    fireEvent.change(screen.getByLabelText("Access"), { target: { value: "write" } });
    fireEvent.change(screen.getByLabelText("Expires"), { target: { value: "30" } });
    fireEvent.click(screen.getByRole("button", { name: "Create token" }));

    const secret = (await screen.findByLabelText("Token")) as HTMLInputElement;
    expect(secret.value).toBe(SECRET);
    expect(screen.getByText(/it will not be shown again/)).toBeTruthy();
    const created = sent.find((call) => call.method === "POST");
    expect(created?.path).toBe("/api/v1/me/tokens");
    expect(created?.auth).toBe("Bearer session-jwt");
    const body = created?.body as {
      name: string;
      workspace: string;
      scope: string;
      expires_at: string;
    };
    expect([body.name, body.workspace, body.scope]).toEqual(["CI bot", "acme", "write"]);
    const days = (Date.parse(body.expires_at) - Date.now()) / (24 * 60 * 60 * 1000);
    expect(Math.round(days)).toBe(30);

    fireEvent.click(screen.getByRole("button", { name: "Copy token" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(SECRET));
    expect(await screen.findByRole("button", { name: "Copied" })).toBeTruthy();

    // The list is fetched again and shows the token, never its secret.
    const row = await screen.findByRole("row", { name: /CI bot/ });
    expect(row.textContent).toContain("acme");
    expect(row.textContent).toContain("Read and write");
    expect(row.textContent).not.toContain(SECRET);
    expect(screen.queryByText("No tokens yet")).toBeNull();
  });

  it("shows the API's refusal and no secret", async () => {
    const { fetchImpl } = fakeApi();
    vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(String(input), init);
      if (request.method === "POST") {
        return new Response(
          JSON.stringify({
            code: "validation_error",
            detail: "You are not a member of a workspace by this slug.",
            errors: [
              {
                field: "workspace",
                code: "workspace_not_found",
                message: "You are not a member of a workspace by this slug.",
              },
            ],
          }),
          { status: 400, headers: { "Content-Type": "application/problem+json" } },
        );
      }
      return fetchImpl(request);
    });
    renderTokens();

    await screen.findByText("No tokens yet");
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "bot" } });
    fireEvent.click(screen.getByRole("button", { name: "Create token" }));

    expect((await screen.findByRole("alert")).textContent).toBe(
      "You are not a member of a workspace by this slug.",
    );
    expect(screen.queryByLabelText("Token")).toBeNull();
  });
});
