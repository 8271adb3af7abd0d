import { CATEGORY_COLORS } from "../../../shared/api/constants";
import type { Schemas } from "../../../shared/api/queries";

export type Category = Schemas["StateCategoryEnum"];

/** The state categories in workflow order, with the colour each is shown in (the backend's). */
export const CATEGORIES: { value: Category; name: string; color: string }[] = [
  { value: "backlog", name: "Backlog", color: CATEGORY_COLORS.backlog },
  { value: "unstarted", name: "Unstarted", color: CATEGORY_COLORS.unstarted },
  { value: "started", name: "Started", color: CATEGORY_COLORS.started },
  { value: "completed", name: "Completed", color: CATEGORY_COLORS.completed },
  { value: "canceled", name: "Canceled", color: CATEGORY_COLORS.canceled },
];

export const categoryName = (category: Category) =>
  CATEGORIES.find((c) => c.value === category)?.name ?? category;
