import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { IssueListItem } from "../../../shared/api/queries";
import { IssueTable } from "./IssueTable";

function issues(count: number): IssueListItem[] {
  return Array.from(
    { length: count },
    (_, i) =>
      ({
        id: `i${i + 1}`,
        key: `ENG-${i + 1}`,
        title: `Issue number ${i + 1}`,
        state: { id: "s1", name: "Todo", category: "unstarted", color: "#999" },
        priority: "none",
        assignees: [],
        labels: [],
        due_date: null,
        updated_at: "2026-01-01T00:00:00Z",
        position: String(i),
      }) as unknown as IssueListItem,
  );
}

function rowKeys(): string[] {
  return Array.from(document.querySelectorAll("tbody tr.issue-row"), (row) =>
    row.querySelector(".cell-key")?.textContent ?? "",
  );
}

function scrollWindowTo(y: number) {
  Object.defineProperty(window, "scrollY", { value: y, configurable: true });
  act(() => {
    fireEvent.scroll(window);
  });
}

describe("the issue table", () => {
  // jsdom has no scrolling; the virtualizer's own scroll corrections have nothing to move.
  beforeEach(() => vi.spyOn(window, "scrollTo").mockImplementation(() => {}));
  afterEach(() => {
    cleanup();
    scrollWindowTo(0);
    vi.restoreAllMocks();
  });

  it("keeps only a window of rows in the DOM, however many are loaded", () => {
    render(<IssueTable issues={issues(5000)} onOpen={() => {}} />);
    const keys = rowKeys();
    expect(keys[0]).toBe("ENG-1");
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.length).toBeLessThan(60);
    // The rows not rendered still take their room, so the page scrolls the whole list.
    const spacer = document.querySelector<HTMLElement>("tbody tr.spacer-row");
    expect(parseInt(spacer?.style.height ?? "0", 10)).toBeGreaterThan(4000 * 30);
  });

  it("renders the rows at the scroll position", () => {
    render(<IssueTable issues={issues(5000)} onOpen={() => {}} />);
    scrollWindowTo(33 * 3000);
    const keys = rowKeys();
    expect(keys).toContain("ENG-3001");
    expect(keys).not.toContain("ENG-1");
    expect(keys.length).toBeLessThan(60);
  });

  it("renders a short list whole, without spacers, and opens a row from its button (the Tab stop)", () => {
    const opened: string[] = [];
    render(<IssueTable issues={issues(3)} onOpen={(key) => opened.push(key)} />);
    expect(rowKeys()).toEqual(["ENG-1", "ENG-2", "ENG-3"]);
    expect(document.querySelector("tr.spacer-row")).toBeNull();
    const button = screen.getByRole("button", { name: "Issue number 2" });
    button.focus();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(opened).toEqual(["ENG-2"]);
  });
});
