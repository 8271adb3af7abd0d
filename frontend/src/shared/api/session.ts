/**
 * The signed-in state. The access token lives in this module's memory only (never in storage);
 * the refresh token is an httpOnly cookie the browser keeps and JavaScript never sees.
 */

type Listener = () => void;

export type SessionState = {
  token: string | null;
  /** Why the user was signed out, shown on the sign-in screen. */
  notice: string | null;
};

let state: SessionState = { token: null, notice: null };
const listeners = new Set<Listener>();

function set(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export const session = {
  accessToken: (): string | null => state.token,
  snapshot: (): SessionState => state,
  setAccessToken(token: string): void {
    set({ token, notice: null });
  },
  clear(): void {
    set({ token: null, notice: state.notice });
  },
  expire(notice: string): void {
    set({ token: null, notice });
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
