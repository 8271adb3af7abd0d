import { beforeEach, describe, expect, it } from "vitest";

import { session } from "./session";
import { API_URL, createAuthFetch, refreshAccessToken } from "./http";

type Call = { url: string; auth: string | null };

/** A stand-in API: `/refresh` hands out "fresh"; other paths accept only "fresh". */
function fakeApi(refreshOk: boolean) {
  const calls: Call[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    calls.push({ url: new URL(request.url).pathname, auth: request.headers.get("Authorization") });
    if (request.url.endsWith("/auth/token/refresh")) {
      return refreshOk
        ? new Response(JSON.stringify({ access: "fresh" }), { status: 200 })
        : new Response("{}", { status: 401 });
    }
    const ok = request.headers.get("Authorization") === "Bearer fresh";
    return new Response(ok ? "{}" : '{"code":"token_not_valid"}', { status: ok ? 200 : 401 });
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe("authFetch", () => {
  beforeEach(() => session.setAccessToken("stale"));

  it("refreshes once on a 401 and retries with the new token", async () => {
    const { calls, fetchImpl } = fakeApi(true);
    const response = await createAuthFetch(fetchImpl)(new Request(`${API_URL}/api/v1/me`));
    expect(response.status).toBe(200);
    expect(calls.map((c) => [c.url, c.auth])).toEqual([
      ["/api/v1/me", "Bearer stale"],
      ["/api/v1/auth/token/refresh", null],
      ["/api/v1/me", "Bearer fresh"],
    ]);
    expect(session.accessToken()).toBe("fresh");
  });

  it("shares one refresh between concurrent 401s", async () => {
    const { calls, fetchImpl } = fakeApi(true);
    const authFetch = createAuthFetch(fetchImpl);
    const results = await Promise.all([
      authFetch(new Request(`${API_URL}/api/v1/me`)),
      authFetch(new Request(`${API_URL}/api/v1/workspaces`)),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(calls.filter((c) => c.url.endsWith("/refresh"))).toHaveLength(1);
  });

  it("signs out with a message when the refresh is refused", async () => {
    const { calls, fetchImpl } = fakeApi(false);
    const response = await createAuthFetch(fetchImpl)(new Request(`${API_URL}/api/v1/me`));
    expect(response.status).toBe(401);
    expect(calls).toHaveLength(2); // no retry without a new token
    expect(session.snapshot()).toEqual({
      token: null,
      notice: "Your session has ended. Please sign in again.",
    });
  });

  it("does not refresh for a failed sign-in", async () => {
    const { calls, fetchImpl } = fakeApi(true);
    await createAuthFetch(fetchImpl)(
      new Request(`${API_URL}/api/v1/auth/token`, { method: "POST", body: "{}" }),
    );
    expect(calls).toHaveLength(1);
  });

  it("keeps the session when the refresh cannot reach the API, and signs out only on its 401", async () => {
    const unreachable = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    expect(await refreshAccessToken(unreachable)).toBe("unreachable");
    const gateway = (async () => new Response("", { status: 502 })) as typeof fetch;
    expect(await refreshAccessToken(gateway)).toBe("unreachable");
    expect(session.accessToken()).toBe("stale");
    const { fetchImpl } = fakeApi(false);
    expect(await refreshAccessToken(fetchImpl)).toBe("refused");
    expect(session.accessToken()).toBeNull();
  });
});
