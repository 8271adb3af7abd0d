import type { Schemas } from "../../api/queries";

export type Category = Schemas["StateCategoryEnum"];

/** The state categories in workflow order, with the colour each is shown in. */
export const CATEGORIES: { value: Category; name: string; color: string }[] = [
  { value: "backlog", name: "Backlog", color: "#94a3b8" },
  { value: "unstarted", name: "Unstarted", color: "#64748b" },
  { value: "started", name: "Started", color: "#f59e0b" },
  { value: "completed", name: "Completed", color: "#16a34a" },
  { value: "canceled", name: "Canceled", color: "#dc2626" },
];

export const categoryName = (category: Category) =>
  CATEGORIES.find((c) => c.value === category)?.name ?? category;
