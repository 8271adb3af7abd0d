import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { CATEGORY_COLORS } from "../../../shared/api/constants";
import { session } from "../../../shared/api/session";
import { page, renderRoute, stubApi, type Sent } from "../../../shared/test/fakeApi";
import { ProjectSettingsScreen } from "./ProjectSettingsScreen";

const PROJECT = "/api/v1/workspaces/acme/projects/ENG";
const user = (id: string, name: string) => ({ id, display_name: name, email: `${id}@example.com` });
type Row = { id: string; name: string; [field: string]: unknown };

/** A project API that keeps its states, labels and members, so a refetch shows each write. */
function projectApi() {
  const project = { id: "p1", key: "ENG", name: "Engine", description: "", lead: null, archived_at: null as string | null,
    capabilities: {
      edit: true,
      archive: true,
      delete: true,
      manage_members: true,
      manage_states: true,
      manage_labels: true,
      create_issue: true,
    },
  };
  const states: Row[] = [
    { id: "s1", name: "Todo", category: "unstarted", color: "#64748b", position: 1 },
    { id: "s2", name: "Done", category: "completed", color: "#16a34a", position: 2 },
  ];
  const labels: Row[] = [{ id: "l1", name: "bug", color: "#dc2626" }];
  const members = [{ user: user("u1", "Ada"), role: "owner", added_at: "2026-11-01T09:00:00Z" }];
  const workspaceMembers = [
    { user: user("u1", "Ada"), role: "owner", joined_at: "2026-11-01T09:00:00Z" },
    { user: user("u2", "Bob"), role: "member", joined_at: "2026-11-02T09:00:00Z" },
  ];
  const api = stubApi(({ method, path, query, body }: Sent) => {
    const input = body as Row & { state_ids: string[]; user_id: string };
    if (path === PROJECT) return { body: project };
    if (path === `${PROJECT}/archive`) return { body: Object.assign(project, { archived_at: "2026-12-01T09:00:00Z" }) };
    if (path === `${PROJECT}/unarchive`) return { body: Object.assign(project, { archived_at: null }) };
    if (path === "/api/v1/workspaces/acme/members") return page(workspaceMembers);
    for (const [name, rows] of [["states", states], ["labels", labels]] as const) {
      if (path === `${PROJECT}/${name}` && method === "GET") return page(rows);
      if (path === `${PROJECT}/${name}` && method === "POST") {
        const row = { ...input, id: `${name}-new` };
        rows.push(row);
        return { status: 201, body: row };
      }
      const row = rows.find((r) => path === `${PROJECT}/${name}/${r.id}`);
      if (row && method === "PATCH") return { body: Object.assign(row, input) };
      if (row && method === "DELETE") {
        if (name === "states" && !query.get("move_to")) {
          return {
            status: 400,
            body: {
              code: "invalid",
              detail: "The state still has issues.",
              errors: [{ field: "move_to", code: "required", message: "Choose a state for its issues." }],
            },
          };
        }
        rows.splice(rows.indexOf(row), 1);
        return { status: 204 };
      }
    }
    if (path === `${PROJECT}/states/reorder`) {
      states.sort((a, b) => input.state_ids.indexOf(a.id) - input.state_ids.indexOf(b.id));
      return { body: page(states).body };
    }
    if (path === `${PROJECT}/members` && method === "GET") return page(members);
    if (path === `${PROJECT}/members` && method === "POST") {
      const added = workspaceMembers.find((m) => m.user.id === input.user_id);
      if (!added) return undefined;
      members.push({ user: added.user, role: added.role, added_at: "2026-12-01T09:00:00Z" });
      return { status: 201, body: members.at(-1) };
    }
    if (path === `${PROJECT}/members/u1` && method === "DELETE") {
      members.splice(0, 1);
      return { status: 204 };
    }
    return undefined;
  });
  return api;
}

const renderSettings = () =>
  renderRoute("/w/acme/p/ENG/settings", "/w/:slug/p/:projectKey/settings", <ProjectSettingsScreen />);
const stateNames = () =>
  screen.getAllByLabelText(/^Rename state /).map((input) => (input as HTMLInputElement).value);
const rowOf = (label: string) => screen.getByLabelText(label).closest("li") as HTMLElement;

describe("ProjectSettingsScreen", () => {
  beforeEach(() => session.setAccessToken("session-jwt"));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    session.expire("");
  });

  it("saves a renamed state and shows the name the API kept", async () => {
    const api = projectApi();
    renderSettings();
    fireEvent.change(await screen.findByLabelText("Rename state Todo"), { target: { value: "Ready" } });
    fireEvent.click(within(rowOf("Rename state Todo")).getByRole("button", { name: "Save" }));

    // The field is labelled by the saved name: it is renamed once the states are read again.
    expect(((await screen.findByLabelText("Rename state Ready")) as HTMLInputElement).value).toBe("Ready");
    expect(api.writes()).toEqual([`PATCH ${PROJECT}/states/s1`]);
    expect(api.sent.find((r) => r.method === "PATCH")?.body).toEqual({ name: "Ready" });
  });

  it("adds a state in the chosen category with that category's colour", async () => {
    const api = projectApi();
    renderSettings();
    await screen.findByLabelText("Rename state Todo");
    fireEvent.change(screen.getByLabelText("State name"), { target: { value: "Review" } });
    fireEvent.change(screen.getByLabelText("Category"), { target: { value: "started" } });
    fireEvent.click(screen.getByRole("button", { name: "Add state" }));

    await screen.findByLabelText("Rename state Review");
    expect(stateNames()).toEqual(["Todo", "Done", "Review"]);
    expect(api.sent.find((r) => r.method === "POST")?.body).toEqual({
      name: "Review",
      category: "started",
      color: CATEGORY_COLORS.started,
    });
    expect((screen.getByLabelText("State name") as HTMLInputElement).value).toBe("");
  });

  it("asks where a deleted state's issues go when the API needs it, then deletes with move_to", async () => {
    const api = projectApi();
    renderSettings();
    await screen.findByLabelText("Rename state Todo");
    fireEvent.click(within(rowOf("Rename state Todo")).getByRole("button", { name: "Delete" }));

    const target = (await screen.findByLabelText("Move its issues to")) as HTMLSelectElement;
    expect(target.value).toBe("s2");
    fireEvent.click(screen.getByRole("button", { name: "Move issues and delete" }));

    await waitFor(() => expect(stateNames()).toEqual(["Done"]));
    const deletes = api.sent.filter((r) => r.method === "DELETE");
    expect(deletes.map((r) => [r.path, r.query.get("move_to")])).toEqual([
      [`${PROJECT}/states/s1`, null],
      [`${PROJECT}/states/s1`, "s2"],
    ]);
  });

  it("moves a state down by sending the whole new order", async () => {
    const api = projectApi();
    renderSettings();
    fireEvent.click(await screen.findByRole("button", { name: "Move Todo down" }));

    await waitFor(() => expect(stateNames()).toEqual(["Done", "Todo"]));
    expect(api.sent.find((r) => r.method === "POST")?.body).toEqual({ state_ids: ["s2", "s1"] });
  });

  it("archives and unarchives the project", async () => {
    const api = projectApi();
    renderSettings();
    fireEvent.click(await screen.findByRole("button", { name: "Archive" }));
    fireEvent.click(await screen.findByRole("button", { name: "Unarchive" }));
    await screen.findByRole("button", { name: "Archive" });
    expect(api.writes()).toEqual([`POST ${PROJECT}/archive`, `POST ${PROJECT}/unarchive`]);
  });

  it("renames, adds and deletes labels", async () => {
    const api = projectApi();
    vi.spyOn(window, "confirm").mockReturnValue(true);
    renderSettings();
    fireEvent.change(await screen.findByLabelText("Rename label bug"), { target: { value: "defect" } });
    fireEvent.click(within(rowOf("Rename label bug")).getByRole("button", { name: "Save" }));
    await screen.findByLabelText("Rename label defect");
    expect(api.sent.find((r) => r.method === "PATCH")?.body).toMatchObject({ name: "defect" });

    fireEvent.change(screen.getByLabelText("Label name"), { target: { value: "ux" } });
    fireEvent.click(screen.getByRole("button", { name: "Add label" }));
    await screen.findByLabelText("Rename label ux");

    fireEvent.click(within(rowOf("Rename label defect")).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.queryByLabelText("Rename label defect")).toBeNull());
    expect(api.writes()).toEqual([
      `PATCH ${PROJECT}/labels/l1`,
      `POST ${PROJECT}/labels`,
      `DELETE ${PROJECT}/labels/l1`,
    ]);
  });

  it("adds a workspace member to the project and removes one", async () => {
    const api = projectApi();
    renderSettings();
    const section = (await screen.findByRole("heading", { name: "Project members" })).closest(
      "section",
    ) as HTMLElement;
    await within(section).findByText("Ada");
    // The picker asks the server for members as one types, and Enter adds the one offered.
    const picker = within(section).getByRole("combobox", { name: "Add workspace member to project" });
    picker.focus();
    fireEvent.change(picker, { target: { value: "bo" } });
    const bob = await within(section).findByRole("option", { name: /Bob/ });
    await waitFor(() => expect(picker.getAttribute("aria-activedescendant")).toBe(bob.id));
    fireEvent.keyDown(picker, { key: "Enter" });
    await waitFor(() => expect(within(section).queryByRole("listbox")).toBeNull());
    await within(section).findByText("Bob");
    expect(api.sent.find((r) => r.method === "POST")?.body).toEqual({ user_id: "u2" });

    const ada = within(section).getByText("Ada").closest("li") as HTMLElement;
    fireEvent.click(within(ada).getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(within(section).queryByText("Ada")).toBeNull());
    expect(api.writes()).toEqual([`POST ${PROJECT}/members`, `DELETE ${PROJECT}/members/u1`]);
  });
});
