const KEY = "docket.lastWorkspace";

/** The workspace switcher remembers the last choice (a preference, not a credential). */
export const lastWorkspace = {
  get: (): string | null => localStorage.getItem(KEY),
  set: (slug: string): void => localStorage.setItem(KEY, slug),
};
