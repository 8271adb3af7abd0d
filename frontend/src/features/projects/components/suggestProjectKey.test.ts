import { describe, expect, it } from "vitest";

import { PROJECT_KEY_PATTERN } from "../../../shared/api/constants";
import { suggestProjectKey } from "./ProjectsScreen";

describe("the project key suggested from the name", () => {
  it.each([
    ["Mobile App", "MA"],
    ["Website", "WEB"],
    ["café Déco", "CD"],
    ["2026 roadmap", "ROA"],
    ["a b c d e f g h i j k l", "ABCDEFGHIJ"],
  ])("%s -> %s", (name, key) => {
    expect(suggestProjectKey(name)).toBe(key);
  });

  it("suggests nothing rather than a key the API refuses", () => {
    for (const name of ["Q", "", "42", "日本", "é"]) expect(suggestProjectKey(name)).toBe("");
  });

  it("always fits PROJECT_KEY_PATTERN when it suggests one", () => {
    const pattern = new RegExp(`^${PROJECT_KEY_PATTERN}$`);
    for (const name of ["Xy", "x y", "Über Ops", "ops-team", "Ünïcödé", "A1 B2"]) {
      const key = suggestProjectKey(name);
      if (key) expect(key).toMatch(pattern);
    }
  });
});
