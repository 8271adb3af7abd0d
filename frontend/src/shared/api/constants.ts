// Generated from the backend by `make constants`; do not edit.

/** The colour each state category is shown in (projects.models.CATEGORY_COLORS). */
export const CATEGORY_COLORS = {
  backlog: "#94a3b8",
  unstarted: "#64748b",
  started: "#f59e0b",
  completed: "#22c55e",
  canceled: "#ef4444",
} as const;

/** A project key (docket.core.keys.PROJECT_KEY), for an input's `pattern`. */
export const PROJECT_KEY_PATTERN = "[A-Z]{2,10}";
