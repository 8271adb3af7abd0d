import { describe, expect, it } from "vitest";

import type { ActivityEvent } from "../../../shared/api/queries";
import { describeEvent } from "./describeEvent";

function event(
  name: ActivityEvent["name"],
  actor: string,
  changes: Record<string, unknown> = {},
): ActivityEvent {
  return {
    id: 1,
    name,
    actor: { id: "u1", display_name: actor, email: `${actor.toLowerCase()}@example.com` },
    subject_type: "issue",
    subject_id: "00000000-0000-0000-0000-000000000001",
    subject_label: "ENG-4",
    changes: changes as ActivityEvent["changes"],
    created_at: "2024-01-01T00:00:00Z",
  };
}

describe("describeEvent", () => {
  it("describes a move between states", () => {
    const moved = event("issue.moved", "Ana", {
      position: { old: "a0", new: "a1" },
      state: {
        old: { id: "s1", name: "Todo", category: "unstarted" },
        new: { id: "s2", name: "In Progress", category: "started" },
      },
    });
    expect(describeEvent(moved, "ENG-4")).toBe("Ana moved ENG-4 from Todo to In Progress");
  });

  it("describes relating and unrelating issues", () => {
    const other = { id: "i2", key: "OPS-7" };
    const linked = event("issue.linked", "Ana", {
      issue: { old: null, new: other },
      relation: { old: null, new: "relates" },
    });
    expect(describeEvent(linked, "ENG-4")).toBe("Ana related this issue to OPS-7");
    const blocking = event("issue.linked", "Ana", {
      issue: { old: null, new: other },
      relation: { old: null, new: "blocked_by" },
    });
    expect(describeEvent(blocking, "ENG-4")).toBe("Ana marked this issue as blocked by OPS-7");
    const unlinked = event("issue.unlinked", "Max", {
      issue: { old: other, new: null },
      relation: { old: "blocks", new: null },
    });
    expect(describeEvent(unlinked, "ENG-4")).toBe("Max removed the relation to OPS-7");
  });

  it("describes a reorder within a column", () => {
    const moved = event("issue.moved", "Ana", { position: { old: "a0", new: "a1" } });
    expect(describeEvent(moved, "ENG-4")).toBe("Ana reordered ENG-4");
  });

  it("describes a priority change", () => {
    const updated = event("issue.updated", "Max", { priority: { old: "None", new: "High" } });
    expect(describeEvent(updated, "ENG-4")).toBe("Max changed priority from none to high");
  });

  it("describes assigning and unassigning", () => {
    const updated = event("issue.updated", "Max", {
      assignees: {
        old: [{ id: "u2", display_name: "Ben" }],
        new: [{ id: "u3", display_name: "Olivia" }],
      },
    });
    expect(describeEvent(updated, "ENG-4")).toBe("Max assigned Olivia and unassigned Ben");
  });

  it("describes comments and creation", () => {
    expect(describeEvent(event("comment.created", "Olivia"), "ENG-4")).toBe("Olivia commented");
    expect(describeEvent(event("issue.created", "Olivia"), "ENG-4")).toBe(
      "Olivia created the issue",
    );
  });

  it("falls back for a missing actor", () => {
    const created = { ...event("issue.created", "X"), actor: null };
    expect(describeEvent(created, "ENG-4")).toBe("Someone created the issue");
  });
});
