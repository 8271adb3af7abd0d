/**
 * The one place that talks HTTP: attaches the in-memory access token, and on a 401 refreshes
 * once (the refresh token travels in an httpOnly cookie) and retries once.
 */
import createClient from "openapi-fetch";

import type { paths } from "./schema";
import { network } from "./network";
import { session } from "./session";

export const API_URL: string = import.meta.env.VITE_API_URL ?? "http://localhost:8000";

export type FieldError = { field: string | null; code: string; message: string };

/** An RFC 9457 problem from the API, or a network failure shaped like one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: FieldError[];

  constructor(status: number, code: string, detail: string, errors: FieldError[] = []) {
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.errors = errors;
  }

  /** The message for one input field, if the API named it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }
}

const AUTH_PATHS = ["/api/v1/auth/token", "/api/v1/auth/register", "/api/v1/auth/logout"];

/**
 * A request unanswered after this long is given up (an error the user sees, a rollback), so a
 * hung API never leaves a change or a screen waiting for ever.
 */
export const REQUEST_TIMEOUT_MS = 15_000;

/** The API could not be reached, or did not answer in time: worth trying again later. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}

/** A signal that aborts when either does. */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === "function") return AbortSignal.any([a, b]);
  const both = new AbortController();
  for (const signal of [a, b]) {
    if (signal.aborted) both.abort();
    else signal.addEventListener("abort", () => both.abort(), { once: true });
  }
  return both.signal;
}

/**
 * fetch that reports to the network status and gives up after REQUEST_TIMEOUT_MS. A request
 * that never reached the API (or timed out) rejects with an ApiError of status 0.
 */
export function createTrackedFetch(fetchImpl: typeof fetch = fetch, timeoutMs = REQUEST_TIMEOUT_MS) {
  return async function trackedFetch(input: Request): Promise<Response> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = eitherSignal(input.signal, timeout.signal);
    const settled = network.started();
    try {
      const response = await fetchImpl(new Request(input, { signal }));
      settled("answered");
      return response;
    } catch (error) {
      if (input.signal.aborted) {
        // The caller cancelled it (a screen left, a query superseded): not the network's fault.
        settled("aborted");
        throw error;
      }
      settled("unreachable");
      throw timeout.signal.aborted
        ? new ApiError(0, "timeout", "Docket did not answer in time; nothing was changed by this request that you can see. Try again.")
        : new ApiError(0, "unreachable", "Cannot reach Docket. Check your connection and try again.");
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * How a refresh ended: a new access token, a definitive refusal (the refresh cookie is gone,
 * expired or revoked: signed out), or no answer (the API is unreachable: try again later, the
 * session may well be valid).
 */
export type RefreshOutcome = "refreshed" | "refused" | "unreachable";

let refreshing: Promise<RefreshOutcome> | null = null;

/** Exchange the refresh cookie for a new access token; concurrent callers share one request. */
export function refreshAccessToken(fetchImpl: typeof fetch = fetch): Promise<RefreshOutcome> {
  refreshing ??= (async (): Promise<RefreshOutcome> => {
    try {
      const response = await fetchImpl(
        new Request(`${API_URL}/api/v1/auth/token/refresh`, {
          method: "POST",
          credentials: "include",
          headers: { "Content-Type": "application/json" },
          body: "{}",
        }),
      );
      // Only the API's own refusal ends the session; a proxy's 502 or a 503 during a deploy
      // says nothing about the cookie.
      if (response.status === 401 || response.status === 403) {
        session.clear();
        return "refused";
      }
      if (!response.ok) return "unreachable";
      const body = (await response.json()) as { access: string };
      session.setAccessToken(body.access);
      return "refreshed";
    } catch {
      return "unreachable";
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function withToken(request: Request): Request {
  const token = session.accessToken();
  if (!token) return request;
  const headers = new Headers(request.headers);
  headers.set("Authorization", `Bearer ${token}`);
  return new Request(request, { headers });
}

/** fetch with the access token; a 401 triggers one silent refresh and one retry. */
export function createAuthFetch(fetchImpl: typeof fetch = fetch) {
  return async function authFetch(input: Request): Promise<Response> {
    const retryCopy = input.clone();
    const response = await fetchImpl(withToken(input));
    const isAuthCall = AUTH_PATHS.some((path) => new URL(input.url).pathname.startsWith(path));
    if (response.status !== 401 || isAuthCall) return response;
    const outcome = await refreshAccessToken(fetchImpl);
    if (outcome === "unreachable") {
      throw new ApiError(0, "unreachable", "Cannot reach Docket. Check your connection and try again.");
    }
    if (outcome === "refused") {
      session.expire("Your session has ended. Please sign in again.");
      return response;
    }
    return fetchImpl(withToken(retryCopy));
  };
}

const trackedFetch = createTrackedFetch((...args) => fetch(...args));

/** The tracked fetch, for the few calls made outside the generated client (the refresh). */
export const apiFetch: typeof fetch = (input, init) =>
  trackedFetch(input instanceof Request ? input : new Request(input, init));

export const api = createClient<paths>({
  baseUrl: API_URL,
  credentials: "include",
  fetch: createAuthFetch(apiFetch),
});

type Problem = { code?: string; detail?: string; errors?: FieldError[] };

/** Turn an openapi-fetch result into its data, or throw the API's problem as an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    const problem = (result.error ?? {}) as Problem;
    throw new ApiError(
      result.response.status,
      problem.code ?? "error",
      problem.detail ?? `Request failed (${result.response.status}).`,
      problem.errors ?? [],
    );
  }
  return result.data as T;
}

/** Like unwrap, for responses without a body (204). */
export function unwrapEmpty(result: { error?: unknown; response: Response }): void {
  if (!result.response.ok) unwrap(result);
}
