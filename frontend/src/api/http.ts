/**
 * The one place that talks HTTP: attaches the in-memory access token, and on a 401 refreshes
 * once (the refresh token travels in an httpOnly cookie) and retries once.
 */
import createClient from "openapi-fetch";

import type { paths } from "./schema";
import { session } from "../auth/session";

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

let refreshing: Promise<boolean> | null = null;

/** Exchange the refresh cookie for a new access token; concurrent callers share one request. */
export function refreshAccessToken(fetchImpl: typeof fetch = fetch): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await fetchImpl(`${API_URL}/api/v1/auth/token/refresh`, {
        method: "POST",
        credentials: "include",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      });
      if (!response.ok) {
        session.clear();
        return false;
      }
      const body = (await response.json()) as { access: string };
      session.setAccessToken(body.access);
      return true;
    } catch {
      return false;
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
    const refreshed = await refreshAccessToken(fetchImpl);
    if (!refreshed) {
      session.expire("Your session has ended. Please sign in again.");
      return response;
    }
    return fetchImpl(withToken(retryCopy));
  };
}

export const api = createClient<paths>({
  baseUrl: API_URL,
  credentials: "include",
  fetch: createAuthFetch((...args) => fetch(...args)),
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
