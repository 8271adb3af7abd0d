import { api, apiFetch, refreshAccessToken, unwrap, unwrapEmpty, type RefreshOutcome } from "../../../shared/api/http";
import { session } from "../../../shared/api/session";

// Whether this browser signed in before: a hint, not a credential (the credential is the
// httpOnly cookie). It saves a refresh call, and a 401 in the console, for visitors who never did.
const SIGNED_IN_HINT = "docket.signedIn";

/** Sign in; the refresh token comes back as an httpOnly cookie, the access token in memory. */
export async function signIn(email: string, password: string): Promise<void> {
  const tokens = unwrap(
    await api.POST("/api/v1/auth/token", {
      body: { email, password, refresh_transport: "cookie" },
    }),
  );
  localStorage.setItem(SIGNED_IN_HINT, "1");
  session.setAccessToken(tokens.access);
}

export async function signUp(input: {
  email: string;
  password: string;
  display_name: string;
}): Promise<void> {
  const tokens = unwrap(
    await api.POST("/api/v1/auth/register", {
      body: { ...input, refresh_transport: "cookie" },
    }),
  );
  localStorage.setItem(SIGNED_IN_HINT, "1");
  session.setAccessToken(tokens.access);
}

export async function signOut(): Promise<void> {
  try {
    unwrapEmpty(await api.POST("/api/v1/auth/logout", { body: {} }));
  } finally {
    localStorage.removeItem(SIGNED_IN_HINT);
    session.expire("You have signed out.");
  }
}

/**
 * On page load: a still-valid refresh cookie restores the session without a password. Only the
 * API's refusal forgets that this browser signed in; when the API cannot be reached the caller
 * tries again later (the cookie is probably still good).
 */
export async function restoreSession(): Promise<RefreshOutcome> {
  if (localStorage.getItem(SIGNED_IN_HINT) === null) return "refused";
  const outcome = await refreshAccessToken(apiFetch);
  if (outcome === "refused") localStorage.removeItem(SIGNED_IN_HINT);
  return outcome;
}
