import { describe, expect, it } from "vitest";

import { fuzzyScore } from "./fuzzy";

describe("fuzzyScore", () => {
  it("matches letters in order and ranks word starts and runs first", () => {
    expect(fuzzyScore("inprog", "State: In Progress")).not.toBeNull();
    expect(fuzzyScore("xyz", "State: In Progress")).toBeNull();
    const starts = fuzzyScore("ci", "Create issue")!;
    const inside = fuzzyScore("ci", "Technical")!;
    expect(starts).toBeGreaterThan(inside);
  });
});
