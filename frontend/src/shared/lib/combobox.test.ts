import { describe, expect, it } from "vitest";

import { comboboxAction, movedActive, offered } from "./combobox";

describe("a combobox's keys", () => {
  it("maps the ARIA pattern's keys to actions and leaves typing alone", () => {
    expect(["ArrowDown", "ArrowUp", "Home", "End", "Enter", "Escape"].map(comboboxAction)).toEqual([
      "next",
      "previous",
      "first",
      "last",
      "choose",
      "close",
    ]);
    expect(comboboxAction("a")).toBeNull();
    expect(comboboxAction("Tab")).toBeNull();
  });

  it("moves the active option within the list, never past either end", () => {
    expect(movedActive(0, 3, "next")).toBe(1);
    expect(movedActive(2, 3, "next")).toBe(2);
    expect(movedActive(0, 3, "previous")).toBe(0);
    expect(movedActive(1, 3, "first")).toBe(0);
    expect(movedActive(0, 3, "last")).toBe(2);
    // The list shrank under the active option (a narrower search): the last one is active.
    expect(movedActive(7, 3, "choose")).toBe(2);
    expect(movedActive(4, 0, "next")).toBe(0);
  });

  it("offers the server's matches less those already chosen", () => {
    const found = [{ id: "a" }, { id: "b" }, { id: "c" }];
    expect(offered(found, (item) => item.id, ["b"])).toEqual([{ id: "a" }, { id: "c" }]);
    expect(offered(undefined, (item: { id: string }) => item.id, [])).toEqual([]);
  });
});
