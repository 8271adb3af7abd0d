import { describe, expect, it } from "vitest";

import type { IssueListItem } from "../../../shared/api/queries";
import { changesOf, failuresOf, settle, withAction } from "./bulk";

const TODO = { id: "s-todo", name: "Todo", category: "unstarted" as const, color: "#999999" };
const DONE = { id: "s-done", name: "Done", category: "completed" as const, color: "#00aa00" };

function item(key: string): IssueListItem {
  return {
    id: `id-${key}`,
    key,
    number: Number(key.split("-")[1]),
    project: { id: "p", key: "ENG", name: "Engineering" },
    title: `Issue ${key}`,
    state: TODO,
    priority: "none",
    assignees: [],
    labels: [],
    position: "V",
  } as unknown as IssueListItem;
}

describe("a bulk change", () => {
  it("is sent as the bulk endpoint's changes and shown at once, a new state on its column's top", () => {
    expect(changesOf({ kind: "state", state: DONE })).toEqual({ state_id: "s-done" });
    expect(changesOf({ kind: "label", label: { id: "l1", name: "bug", color: "#f00" } })).toEqual({
      add_label_ids: ["l1"],
    });
    const moved = withAction(item("ENG-1"), { kind: "state", state: DONE });
    expect(moved.state).toEqual(DONE);
    expect(moved.position < "0").toBe(true);
    const person = { id: "u1", display_name: "Ada", email: "ada@example.com" };
    const assigned = withAction(item("ENG-1"), { kind: "assign", person });
    expect(withAction(assigned, { kind: "assign", person }).assignees).toEqual([person]);
  });

  it("keeps what was saved and puts back only what the server refused", () => {
    const before = new Map(["ENG-1", "ENG-2", "ENG-3"].map((key) => [key, item(key)]));
    const saved = { ...item("ENG-1"), state: DONE, position: "0V" };
    const settled = settle(
      ["ENG-1", "ENG-2", "ENG-3", "ENG-9"],
      [
        { key: "ENG-1", ok: true, issue: saved, error: null },
        { key: "ENG-2", ok: false, issue: null, error: { code: "project_archived", detail: "The project is archived.", status: 409 } },
        { key: "ENG-3", ok: false, issue: null, error: { code: "issue_not_found", detail: "Issue not found.", status: 404 } },
      ],
      before,
    );
    expect(settled.map((each) => [each.key, each.outcome])).toEqual([
      ["ENG-1", "saved"],
      ["ENG-2", "restored"],
      ["ENG-3", "gone"],
      ["ENG-9", "restored"],
    ]);
    expect(settled[0]).toMatchObject({ item: saved });
    // The refused one goes back to the copy shown before, not the optimistic one.
    expect(settled[1]).toMatchObject({ item: before.get("ENG-2") });
    expect(failuresOf(settled)).toEqual([
      { key: "ENG-2", reason: "The project is archived." },
      { key: "ENG-3", reason: "Issue not found." },
      { key: "ENG-9", reason: "Not changed." },
    ]);
  });
});
