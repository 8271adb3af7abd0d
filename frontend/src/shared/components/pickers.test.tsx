import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { session } from "../api/session";
import { MemberPicker } from "./pickers";

const PEOPLE = ["Ada Lovelace", "Adam Smith", "Bea Brown", "Zed Last"].map((name, n) => ({
  user: { id: `u${n}`, display_name: name, email: `${name.split(" ")[0]?.toLowerCase()}@example.com` },
  role: "member",
  joined_at: "2026-01-01T00:00:00Z",
}));

/** A stand-in members endpoint that filters by `search` as the real one does, and logs each ask. */
function membersServer() {
  const asked: URL[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL((input as Request).url);
    asked.push(url);
    const search = (url.searchParams.get("search") ?? "").toLowerCase();
    const limit = Number(url.searchParams.get("limit") ?? 50);
    const results = PEOPLE.filter(
      ({ user }) => user.display_name.toLowerCase().includes(search) || user.email.includes(search),
    ).slice(0, limit);
    return new Response(JSON.stringify({ results, next_cursor: null }), {
      status: 200,
      headers: { "Content-Type": "application/json" },
    });
  });
  return { fetchImpl, asked };
}

describe("the member picker", () => {
  let server: ReturnType<typeof membersServer>;

  beforeEach(() => {
    session.setAccessToken("token");
    server = membersServer();
    vi.stubGlobal("fetch", server.fetchImpl);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  function renderPicker(onChoose: (person: { id: string }) => void, excludeIds: string[] = []) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MemberPicker slug="acme" label="Add assignee" onChoose={onChoose} excludeIds={excludeIds} />
      </QueryClientProvider>,
    );
    return screen.getByRole("combobox", { name: "Add assignee" });
  }

  it("asks the server once the typing settles, a page at a time, and chooses by keyboard", async () => {
    const chosen: string[] = [];
    const input = renderPicker((person) => chosen.push(person.id), ["u0"]);

    input.focus();
    fireEvent.change(input, { target: { value: "a" } });
    fireEvent.change(input, { target: { value: "ad" } });
    // Once the typing settled, the server is asked for "ad"; its answer has no Bea, and Ada is
    // chosen already: only Adam is offered.
    await waitFor(() => expect(server.asked[server.asked.length - 1]?.searchParams.get("search")).toBe("ad"));
    await waitFor(() => expect(screen.queryByRole("option", { name: /Bea Brown/ })).toBeNull());
    const option = await screen.findByRole("option", { name: /Adam Smith/ });
    expect(screen.queryByRole("option", { name: /Ada Lovelace/ })).toBeNull();
    expect(input.getAttribute("aria-expanded")).toBe("true");
    expect(input.getAttribute("aria-activedescendant")).toBe(option.id);

    // Every ask is one page; the half-typed "a" was never sent on its own.
    expect(server.asked.map((url) => url.searchParams.get("search"))).not.toContain("a");
    expect(server.asked.every((url) => url.pathname === "/api/v1/workspaces/acme/members")).toBe(true);
    expect(server.asked.every((url) => url.searchParams.get("limit") === "10")).toBe(true);

    fireEvent.keyDown(input, { key: "Enter" });
    expect(chosen).toEqual(["u1"]);
    expect(input.getAttribute("aria-expanded")).toBe("false");
  });

  it("moves through the options with the arrows and closes on Escape", async () => {
    const chosen: string[] = [];
    const input = renderPicker((person) => chosen.push(person.id));
    input.focus();
    await screen.findByRole("option", { name: /Zed Last/ });
    fireEvent.keyDown(input, { key: "End" });
    fireEvent.keyDown(input, { key: "ArrowUp" });
    expect(screen.getByRole("option", { name: /Bea Brown/ }).getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(input, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("listbox")).toBeNull());
    expect(chosen).toEqual([]);
  });
});
