import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter, Outlet, Route, Routes } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Notification } from "../../../shared/api/queries";
import { InboxLink } from "./InboxLink";
import { InboxScreen } from "./InboxScreen";

const BASE = "/api/v1/workspaces/acme/notifications";
const OLGA = {
  id: "7b0e9a4e-0000-4000-8000-000000000001",
  display_name: "Olga Owner",
  email: "olga@example.com",
};

function notification(id: number, changes: Partial<Notification> = {}): Notification {
  return {
    id,
    reason: "commented",
    actor: OLGA,
    issue_key: `ENG-${id}`,
    issue_title: `Issue number ${id}`,
    event_id: id,
    created_at: new Date(Date.now() - (100 - id) * 3600_000).toISOString(),
    read_at: "2026-01-01T00:00:00Z",
    read: true,
    ...changes,
  };
}

/**
 * A stand-in for the notification endpoints, in memory: unread first, newest first, pages by an
 * offset cursor. `hold` delays answers to mark-read requests until it resolves.
 */
function fakeApi(
  notifications: Notification[],
  options: { listStatus?: number; hold?: Promise<void> } = {},
) {
  const calls: string[] = [];
  let emailEnabled = true;
  let digestEnabled = true;
  const bodies: unknown[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" },
    });
  const ordered = () =>
    [...notifications].sort((a, b) => Number(a.read) - Number(b.read) || b.id - a.id);
  const markRead = (n: Notification) => {
    if (!n.read) Object.assign(n, { read: true, read_at: new Date().toISOString() });
  };
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url);
    calls.push(`${request.method} ${url.pathname}${url.search}`);
    if (url.pathname === "/api/v1/me/notification-settings") {
      if (request.method === "PUT") {
        const change = (await request.json()) as Record<string, boolean>;
        bodies.push(change);
        emailEnabled = change.email_enabled ?? emailEnabled;
        digestEnabled = change.digest_enabled ?? digestEnabled;
      }
      return json({ email_enabled: emailEnabled, digest_enabled: digestEnabled });
    }
    if (url.pathname === BASE) {
      if (options.listStatus) {
        return json({ code: "error", detail: "The inbox is unavailable." }, options.listStatus);
      }
      const start = Number(url.searchParams.get("cursor") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 50);
      const all = ordered();
      const end = start + limit;
      return json({
        results: all.slice(start, end),
        next_cursor: end < all.length ? String(end) : null,
      });
    }
    if (url.pathname === `${BASE}/unread-count`) {
      return json({ unread: notifications.filter((n) => !n.read).length });
    }
    if (url.pathname === `${BASE}/read-all`) {
      const marked = notifications.filter((n) => !n.read);
      marked.forEach(markRead);
      return json({ marked: marked.length });
    }
    const one = url.pathname.match(/\/notifications\/(\d+)\/read$/);
    if (one) {
      await options.hold;
      const found = notifications.find((n) => n.id === Number(one[1]));
      if (!found) return json({ code: "not_found", detail: "Not found." }, 404);
      markRead(found);
      return json(found);
    }
    return json({ code: "not_found", detail: `No fake for ${url.pathname}` }, 404);
  };
  vi.stubGlobal("fetch", fetchImpl);
  return { calls, emailEnabled: () => emailEnabled, bodies: () => bodies };
}

function renderInbox() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={["/w/acme/inbox"]}>
        <Routes>
          <Route
            path="/w/:slug"
            element={
              <>
                <nav>
                  <InboxLink slug="acme" />
                </nav>
                <Outlet />
              </>
            }
          >
            <Route path="inbox" element={<InboxScreen />} />
            <Route path="i/:issueKey" element={<p>The issue page</p>} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

/** Two unread (newest first) above 29 read ones: 31 in all, one more than the first page. */
function aFullInbox() {
  return [
    ...Array.from({ length: 29 }, (_, i) => notification(i + 1)),
    notification(40, {
      reason: "assigned",
      issue_key: "ENG-7",
      issue_title: "Crash on upload",
      created_at: new Date(Date.now() - 5 * 60_000).toISOString(),
      read: false,
      read_at: null,
    }),
    notification(35, { reason: "mentioned", actor: null, read: false, read_at: null }),
  ];
}

const rows = () =>
  within(screen.getByRole("list", { name: "Notifications" })).getAllByRole("listitem");

describe("InboxScreen", () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("lists unread first: who did what to which issue; loads more by the cursor", async () => {
    const api = fakeApi(aFullInbox());
    renderInbox();
    expect(screen.getByRole("status").textContent).toBe("Loading notifications…");
    await screen.findByRole("list", { name: "Notifications" });
    const first = rows()[0]!;
    expect(first.textContent).toBe(
      "Unread: Olga Owner assigned you to ENG-7 Crash on upload5 minutes ago",
    );
    expect(first.className).toContain("notification-unread");
    expect(within(first).getByRole("link").getAttribute("href")).toBe("/w/acme/i/ENG-7");
    expect(rows()[1]!.textContent).toContain("Someone mentioned you in ENG-35 Issue number 35");
    expect(rows()[2]!.textContent).toMatch(/^Olga Owner commented on ENG-29 Issue number 29/);
    expect(rows()[2]!.className).not.toContain("notification-unread");
    expect(rows()).toHaveLength(30);
    expect(await screen.findByRole("link", { name: "Inbox, 2 unread" })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(rows()).toHaveLength(31));
    expect(rows()[30]!.textContent).toContain("ENG-1 Issue number 1");
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
    expect(api.calls.filter((call) => call.startsWith(`GET ${BASE}?`))).toEqual([
      `GET ${BASE}?limit=30`,
      `GET ${BASE}?limit=30&cursor=30`,
    ]);
  });

  it("marks a notification read when it is opened; the badge counts one less at once", async () => {
    let answer = () => {};
    const api = fakeApi(aFullInbox(), { hold: new Promise<void>((resolve) => (answer = resolve)) });
    renderInbox();
    await screen.findByRole("link", { name: "Inbox, 2 unread" });
    fireEvent.click(within(rows()[0]!).getByRole("link"));

    expect(await screen.findByText("The issue page")).toBeTruthy();
    // While the API has not answered yet:
    expect(await screen.findByRole("link", { name: "Inbox, 1 unread" })).toBeTruthy();
    expect(api.calls).toContain(`POST ${BASE}/40/read`);
    answer();
    await waitFor(() =>
      expect(api.calls.filter((call) => call === `GET ${BASE}/unread-count`)).toHaveLength(2),
    );
    expect(screen.getByRole("link", { name: "Inbox, 1 unread" })).toBeTruthy();
  });

  it("marks all read: no row stays marked and the badge goes", async () => {
    const api = fakeApi(aFullInbox());
    renderInbox();
    await screen.findByRole("link", { name: "Inbox, 2 unread" });
    fireEvent.click(screen.getByRole("button", { name: "Mark all read" }));

    expect(await screen.findByRole("link", { name: "Inbox" })).toBeTruthy();
    expect(screen.queryByText("Unread:")).toBeNull();
    expect(api.calls).toContain(`POST ${BASE}/read-all`);
    await waitFor(() =>
      expect(
        (screen.getByRole("button", { name: "Mark all read" }) as HTMLButtonElement).disabled,
      ).toBe(true),
    );
  });

  it("says so when there is nothing", async () => {
    fakeApi([]);
    renderInbox();
    expect(await screen.findByText("You're all caught up")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Inbox" })).toBeTruthy();
    const markAll = screen.getByRole("button", { name: "Mark all read" }) as HTMLButtonElement;
    expect(markAll.disabled).toBe(true);
  });

  it("shows the API's problem when the inbox cannot load", async () => {
    fakeApi([], { listStatus: 503 });
    renderInbox();
    expect((await screen.findByRole("alert")).textContent).toBe("The inbox is unavailable.");
  });

  it("turns notification emails off", async () => {
    const api = fakeApi([]);
    renderInbox();
    const box = (await screen.findByRole("checkbox", {
      name: "Email me notifications",
    })) as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(api.emailEnabled()).toBe(false));
    await waitFor(() => expect(box.checked).toBe(false));
    expect(api.calls).toContain("PUT /api/v1/me/notification-settings");
  });

  it("turns the daily digest off without touching the email setting", async () => {
    const api = fakeApi([]);
    renderInbox();
    const digest = (await screen.findByRole("checkbox", {
      name: "Daily digest of unread",
    })) as HTMLInputElement;
    await waitFor(() => expect(digest.disabled).toBe(false));
    fireEvent.click(digest);
    await waitFor(() => expect(digest.checked).toBe(false));
    expect(api.bodies()).toEqual([{ digest_enabled: false }]);
    expect(api.emailEnabled()).toBe(true);
  });
});
