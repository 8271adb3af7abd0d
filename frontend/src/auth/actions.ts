import { api, refreshAccessToken, unwrap, unwrapEmpty } from "../api/http";
import { session } from "./session";

/** Sign in; the refresh token comes back as an httpOnly cookie, the access token in memory. */
export async function signIn(email: string, password: string): Promise<void> {
  const tokens = unwrap(
    await api.POST("/api/v1/auth/token", {
      body: { email, password, refresh_transport: "cookie" },
    }),
  );
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
  session.setAccessToken(tokens.access);
}

export async function signOut(): Promise<void> {
  try {
    unwrapEmpty(await api.POST("/api/v1/auth/logout", { body: {} }));
  } finally {
    session.expire("You have signed out.");
  }
}

/** On page load: a still-valid refresh cookie restores the session without a password. */
export function restoreSession(): Promise<boolean> {
  return refreshAccessToken();
}
