import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { session } from "../../../shared/api/session";
import { page, renderRoute, stubApi, type Sent } from "../../../shared/test/fakeApi";
import { MembersScreen } from "./MembersScreen";

const BASE = "/api/v1/workspaces/acme";
const user = (id: string, name: string) => ({ id, display_name: name, email: `${id}@example.com` });

/** A workspace API that keeps its members and invitations, so a refetch shows each write. */
function workspaceApi(myRole: "owner" | "member") {
  const members = [
    { user: user("u1", "Ada"), role: myRole, joined_at: "2026-11-01T09:00:00Z" },
    { user: user("u2", "Bob"), role: "member", joined_at: "2026-11-02T09:00:00Z" },
  ];
  const invitations: object[] = [];
  const api = stubApi((request: Sent) => {
    const { method, path, body } = request;
    if (path === "/api/v1/me") return { body: { ...user("u1", "Ada"), timezone: "UTC" } };
    if (path === BASE) return { body: { id: "w1", slug: "acme", name: "Acme", role: myRole } };
    if (path === `${BASE}/members` && method === "GET") return page(members);
    if (path === `${BASE}/invitations` && method === "GET") return page(invitations);
    const member = members.find((m) => path === `${BASE}/members/${m.user.id}`);
    if (member && method === "PATCH") {
      const role = (body as { role: string }).role;
      if (role === "owner") {
        return { status: 403, body: { code: "permission_denied", detail: "Only an owner can make an owner." } };
      }
      member.role = role;
      return { body: member };
    }
    if (member && method === "DELETE") {
      members.splice(members.indexOf(member), 1);
      return { status: 204 };
    }
    if (path === `${BASE}/invitations` && method === "POST") {
      const input = body as { email: string; role: string };
      const invitation = {
        id: "i1",
        email: input.email,
        role: input.role,
        invited_by: user("u1", "Ada"),
        created_at: "2026-12-01T09:00:00Z",
        expires_at: "2026-12-08T09:00:00Z",
      };
      invitations.push(invitation);
      return { status: 201, body: { ...invitation, token: "tok-123" } };
    }
    if (path === `${BASE}/invitations/i1` && method === "DELETE") {
      invitations.splice(0, 1);
      return { status: 204 };
    }
    return undefined;
  });
  return api;
}

const renderMembers = () => renderRoute("/w/acme/members", "/w/:slug/members", <MembersScreen />);
const bobsRow = () => screen.getByRole("cell", { name: /^Bob/ }).closest("tr") as HTMLElement;

describe("MembersScreen", () => {
  beforeEach(() => session.setAccessToken("session-jwt"));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    session.expire("");
  });

  it("lists the members with their roles and marks the signed-in user", async () => {
    workspaceApi("owner");
    renderMembers();
    await screen.findByText("Bob");
    expect((await screen.findByText("(you)")).closest("tr")?.textContent).toContain("Ada");
    expect((screen.getByLabelText("Access level of Bob") as HTMLInputElement).value).toBe("member");
    expect(screen.getByText("u2@example.com")).not.toBeNull();
  });

  it("changes a member's role with a PATCH and shows the role the API kept", async () => {
    const api = workspaceApi("owner");
    renderMembers();
    fireEvent.change(await screen.findByLabelText("Access level of Bob"), {
      target: { value: "admin" },
    });
    await waitFor(() => expect(api.writes()).toEqual([`PATCH ${BASE}/members/u2`]));
    expect(api.sent.find((r) => r.method === "PATCH")?.body).toEqual({ role: "admin" });
    // The select is bound to the cached list, so "admin" shows only once the list is read again.
    await waitFor(() =>
      expect((screen.getByLabelText("Access level of Bob") as HTMLSelectElement).value).toBe("admin"),
    );
  });

  it("shows the API's refusal of a role change in the member's row and keeps the old role", async () => {
    workspaceApi("owner");
    renderMembers();
    fireEvent.change(await screen.findByLabelText("Access level of Bob"), {
      target: { value: "owner" },
    });
    expect((await within(bobsRow()).findByRole("alert")).textContent).toContain(
      "Only an owner can make an owner.",
    );
    await waitFor(() => expect((screen.getByLabelText("Access level of Bob") as HTMLInputElement).value).toBe("member"));
  });

  it("removes a member after confirmation with a DELETE, and the row goes", async () => {
    const api = workspaceApi("owner");
    const confirm = vi.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderMembers();
    await screen.findByText("Bob");
    fireEvent.click(within(bobsRow()).getByRole("button", { name: "Remove" }));
    expect(confirm).toHaveBeenCalledWith("Remove Bob from this workspace?");
    expect(api.writes()).toEqual([]);
    fireEvent.click(within(bobsRow()).getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(screen.queryByText("Bob")).toBeNull());
    expect(api.writes()).toEqual([`DELETE ${BASE}/members/u2`]);
  });

  it("invites by email and role, shows the link to send, lists and revokes the invitation", async () => {
    const api = workspaceApi("owner");
    renderMembers();
    await screen.findByText("No open invitations");
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "cy@example.com" } });
    fireEvent.change(screen.getByLabelText("Role"), { target: { value: "guest" } });
    fireEvent.click(screen.getByRole("button", { name: "Send invitation" }));

    expect((await screen.findByLabelText("Invitation link") as HTMLInputElement).value).toBe(
      `${window.location.origin}/invite/tok-123`,
    );
    expect(api.sent.find((r) => r.method === "POST")?.body).toEqual({
      email: "cy@example.com",
      role: "guest",
    });
    expect((screen.getByLabelText("Email") as HTMLInputElement).value).toBe("");
    const invitation = (await screen.findByText("cy@example.com")).closest("li") as HTMLElement;
    expect(invitation?.textContent).toContain("Guest");

    fireEvent.click(within(invitation).getByRole("button", { name: "Revoke" }));
    await screen.findByText("No open invitations");
    expect(api.writes()).toEqual([`POST ${BASE}/invitations`, `DELETE ${BASE}/invitations/i1`]);
  });

  it("gives a plain member no role controls, no remove buttons and no invitations", async () => {
    const api = workspaceApi("member");
    renderMembers();
    const bob = (await screen.findByText("Bob")).closest("tr") as HTMLElement;
    await waitFor(() => expect(api.sent.some((r) => r.path === BASE)).toBe(true));
    expect(bob?.textContent).toContain("Member");
    expect(screen.queryByRole("combobox")).toBeNull();
    expect(screen.queryByRole("button", { name: "Remove" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Invite someone" })).toBeNull();
    expect(api.sent.some((r) => r.path === `${BASE}/invitations`)).toBe(false);
  });
});
