/** Light or dark: the system's preference until the user picks one (kept in this browser). */
const THEME_KEY = "docket.theme";

export function applyStoredTheme(): void {
  const stored = localStorage.getItem(THEME_KEY);
  if (stored === "dark" || stored === "light") document.documentElement.dataset.theme = stored;
}

export function toggleTheme(): void {
  const current =
    document.documentElement.dataset.theme ??
    (window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  const next = current === "dark" ? "light" : "dark";
  document.documentElement.dataset.theme = next;
  localStorage.setItem(THEME_KEY, next);
}
