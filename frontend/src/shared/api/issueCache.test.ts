import { describe, expect, it } from "vitest";

import type { Board, StateRef } from "./boardCache";
import { withIssueInPages, withIssueOnBoard, withoutIssueOnBoard } from "./issueCache";
import type { IssueListItem } from "./queries";

const TODO: StateRef = { id: "s1", name: "Todo", category: "unstarted", color: "#999" };
const DONE: StateRef = { id: "s3", name: "Done", category: "completed", color: "#0a0" };

function card(n: number, state: StateRef = TODO, title = `Issue ${n}`): IssueListItem {
  return { id: `i${n}`, key: `ENG-${n}`, title, state, position: `p${n}` } as IssueListItem;
}

function board(todo: IssueListItem[], done: IssueListItem[], todoMore = false): Board {
  return {
    columns: [
      { state: TODO, issues: todo, next_cursor: todoMore ? "next" : null },
      { state: DONE, issues: done, next_cursor: null },
    ],
  } as Board;
}

const keysIn = (value: Board, at: number) => value.columns[at]!.issues.map((issue) => issue.key);

describe("a live change to one issue", () => {
  it("moves its card to its new column at its position", () => {
    const before = board([card(1), card(2), card(3)], [card(5, DONE)]);
    const after = withIssueOnBoard(before, card(2, DONE));
    expect(keysIn(after, 0)).toEqual(["ENG-1", "ENG-3"]);
    expect(keysIn(after, 1)).toEqual(["ENG-2", "ENG-5"]);
  });

  it("leaves a card whose position is past a column's loaded cards to that column's next page", () => {
    const before = board([card(1), card(2)], [card(9, DONE)], true);
    const after = withIssueOnBoard(before, card(9, TODO));
    expect(keysIn(after, 0)).toEqual(["ENG-1", "ENG-2"]);
    expect(keysIn(after, 1)).toEqual([]);
  });

  it("keeps the last loaded card of a long column in place when it changes", () => {
    const before = board([card(1), card(2)], [], true);
    const after = withIssueOnBoard(before, card(2, TODO, "Renamed"));
    expect(after.columns[0]!.issues.map((issue) => issue.title)).toEqual(["Issue 1", "Renamed"]);
  });

  it("replaces a list's item in place, and takes a deleted card off the board", () => {
    const pages = { pages: [{ results: [card(1), card(2)] }], pageParams: [undefined] };
    const renamed = withIssueInPages(pages, card(2, TODO, "Renamed"));
    expect(renamed.pages[0]!.results.map((issue) => issue.title)).toEqual(["Issue 1", "Renamed"]);
    expect(keysIn(withoutIssueOnBoard(board([card(1)], []), "ENG-1"), 0)).toEqual([]);
  });
});
