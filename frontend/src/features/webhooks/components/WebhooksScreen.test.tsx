import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Link, MemoryRouter, Outlet, Route, Routes } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { workspaceQuery, type WebhookDelivery, type WebhookEndpoint } from "../../../shared/api/queries";
import { AppLayout } from "../../../app/AppLayout";
import { session } from "../../../shared/api/session";
import { WebhooksScreen } from "./WebhooksScreen";

const BASE = "/api/v1/workspaces/acme/webhooks";
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const ROTATED = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
const ENDPOINT_ID = "0193f2c4-d1a8-7b6e-9c3f-5a0d2e4b6c81";

type Sent = { method: string; path: string; search: string; body: unknown };

function endpoint(changes: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    id: ENDPOINT_ID,
    url: "https://hooks.example.com/docket",
    description: "",
    event_types: ["issue.created"],
    is_active: true,
    disabled_at: null,
    disabled_reason: "",
    failing_since: null,
    previous_secret_expires_at: null,
    created_at: "2026-11-25T09:00:00Z",
    updated_at: "2026-11-25T09:00:00Z",
    ...changes,
  };
}

/** Deliveries 1..count; the highest number is the newest. */
function delivery(n: number, changes: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: `d0000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    webhook_id: `msg_${n}`,
    event_id: n,
    event_name: n % 2 ? "issue.created" : "issue.updated",
    status: "succeeded",
    attempts: 1,
    next_attempt_at: "2026-11-25T09:00:00Z",
    last_status_code: 200,
    last_error: "",
    delivered_at: "2026-11-25T09:00:01Z",
    created_at: new Date(Date.UTC(2026, 10, 25, 9, n)).toISOString(),
    attempts_log: [],
    ...changes,
  };
}

const json = (body: unknown, status = 200) =>
  new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" },
  });

/**
 * A stand-in for the webhook endpoints, in memory. Deliveries come newest first, in pages by an
 * offset cursor. `role` is the caller's role in the workspace.
 */
function fakeApi(
  options: { role?: string; endpoints?: WebhookEndpoint[]; deliveries?: WebhookDelivery[] } = {},
) {
  const sent: Sent[] = [];
  const endpoints = options.endpoints ?? [];
  const deliveries = options.deliveries ?? [];
  const role = options.role ?? "admin";
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url);
    const path = url.pathname;
    const text = await request.text();
    const body = text ? JSON.parse(text) : null;
    sent.push({ method: request.method, path, search: url.search, body });
    if (path === "/api/v1/workspaces/acme") {
      return json({ id: "w1", slug: "acme", name: "Acme", role });
    }
    if (path === "/api/v1/workspaces") {
      return json({ results: [{ id: "w1", slug: "acme", name: "Acme", role }], next_cursor: null });
    }
    if (path.startsWith(BASE) && role !== "admin" && role !== "owner") {
      return json({ code: "permission_denied", detail: "Admins only." }, 403);
    }
    if (path === BASE && request.method === "GET") {
      return json({ results: endpoints, next_cursor: null });
    }
    if (path === BASE && request.method === "POST") {
      const created = endpoint({
        url: body.url,
        description: body.description,
        event_types: body.event_types,
      });
      endpoints.push(created);
      return json({ ...created, secret: SECRET }, 201);
    }
    const id = ENDPOINT_ID;
    if (path === `${BASE}/${id}` && request.method === "PATCH") {
      Object.assign(endpoints[0]!, body);
      return json(endpoints[0]);
    }
    if (path === `${BASE}/${id}/rotate-secret`) {
      return json({ secret: ROTATED, previous_secret_expires_at: "2026-11-26T09:00:00Z" });
    }
    if (path === `${BASE}/${id}/deliveries`) {
      const newestFirst = [...deliveries].sort((a, b) => b.event_id - a.event_id);
      const start = Number(url.searchParams.get("cursor") ?? 0);
      const end = start + Number(url.searchParams.get("limit") ?? 50);
      return json({
        results: newestFirst.slice(start, end),
        next_cursor: end < newestFirst.length ? String(end) : null,
      });
    }
    const redeliver = path.match(/\/deliveries\/([^/]+)\/redeliver$/);
    if (redeliver && request.method === "POST") {
      const found = deliveries.find((d) => d.id === redeliver[1]);
      if (!found) return json({ code: "not_found", detail: "Not found." }, 404);
      Object.assign(found, { status: "pending", attempts: found.attempts + 1 });
      return json(found, 202);
    }
    return json({ code: "not_found", detail: `No fake for ${request.method} ${path}` }, 404);
  };
  vi.stubGlobal("fetch", fetchImpl);
  return { sent, endpoints };
}

/** The webhooks screen, with a link away to another screen of the workspace and back. */
function renderWebhooks() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={["/w/acme/webhooks"]}>
        <Routes>
          <Route
            path="/w/:slug"
            element={
              <>
                <nav>
                  <Link to="/w/acme">Projects</Link>
                  <Link to="/w/acme/webhooks">Webhooks</Link>
                </nav>
                <Outlet />
              </>
            }
          >
            <Route index element={<p>The projects</p>} />
            <Route path="webhooks" element={<WebhooksScreen />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

/** Shows the caller's role once the layout's query for it has answered (the same cache entry). */
function RoleShown() {
  const role = useQuery(workspaceQuery("acme")).data?.role;
  return <p>{role ? `Signed in as ${role}` : "Role unknown"}</p>;
}

function renderLayout() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={["/w/acme"]}>
        <Routes>
          <Route path="/w/:slug" element={<AppLayout />}>
            <Route index element={<RoleShown />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const endpointRow = (url: string | RegExp) => screen.findByRole("row", { name: url });

describe("WebhooksScreen", () => {
  beforeEach(() => {
    session.setAccessToken("session-jwt");
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: vi.fn(async () => undefined) },
      configurable: true,
    });
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    session.expire("");
  });

  it("adds an endpoint and shows its secret once: gone after leaving the screen", async () => {
    const api = fakeApi();
    renderWebhooks();

    expect(await screen.findByText("No endpoints yet")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Receiver URL"), {
      target: { value: "https://hooks.example.com/docket" },
    });
    fireEvent.change(screen.getByLabelText("Description"), { target: { value: "Our CI" } });
    fireEvent.click(screen.getByLabelText("issue.updated"));
    fireEvent.click(screen.getByLabelText("issue.created"));
    fireEvent.click(screen.getByRole("button", { name: "Add endpoint" }));

    const secret = (await screen.findByLabelText("Signing secret")) as HTMLInputElement;
    expect(secret.value).toBe(SECRET);
    expect(screen.getByText(/you will not see it again/)).toBeTruthy();
    const created = api.sent.find((call) => call.method === "POST");
    expect(created?.path).toBe(BASE);
    // In the schema's order, whatever order they were ticked in.
    expect(created?.body).toEqual({
      url: "https://hooks.example.com/docket",
      description: "Our CI",
      event_types: ["issue.created", "issue.updated"],
    });
    const row = await endpointRow(/hooks\.example\.com\/docket/);
    expect(row.textContent).toContain("Our CI");
    expect(row.textContent).toContain("Active");
    expect(row.textContent).not.toContain(SECRET);

    fireEvent.click(screen.getByRole("link", { name: "Projects" }));
    await screen.findByText("The projects");
    fireEvent.click(screen.getByRole("link", { name: "Webhooks" }));
    await endpointRow(/hooks\.example\.com\/docket/);
    expect(screen.queryByLabelText("Signing secret")).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it("shows the API's refusal of the URL next to the URL field, and no secret", async () => {
    fakeApi();
    const fake = globalThis.fetch;
    vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(String(input), init);
      if (request.method !== "POST") return fake(request);
      const message = "Receivers on private or reserved addresses are not allowed.";
      return json(
        {
          code: "validation_error",
          detail: message,
          errors: [{ field: "url", code: "url_not_allowed", message }],
        },
        400,
      );
    });
    renderWebhooks();

    await screen.findByText("No endpoints yet");
    const url = screen.getByLabelText("Receiver URL");
    fireEvent.change(url, { target: { value: "https://127.0.0.1/hook" } });
    fireEvent.click(screen.getByLabelText("issue.created"));
    fireEvent.click(screen.getByRole("button", { name: "Add endpoint" }));

    await waitFor(() => expect(url.getAttribute("aria-invalid")).toBe("true"));
    const error = document.getElementById(url.getAttribute("aria-describedby")!);
    expect(error?.textContent).toBe("Receivers on private or reserved addresses are not allowed.");
    expect(url.closest(".field")?.contains(error!)).toBe(true);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByLabelText("Signing secret")).toBeNull();
  });

  it("turns an endpoint off, and rotates its secret showing the new one once", async () => {
    const api = fakeApi({ endpoints: [endpoint()] });
    vi.spyOn(window, "confirm").mockReturnValue(true);
    renderWebhooks();

    const row = await endpointRow(/hooks\.example\.com/);
    fireEvent.click(within(row).getByRole("button", { name: "Turn off" }));
    await within(row).findByRole("button", { name: "Turn on" });
    expect(row.textContent).toContain("Disabled");
    expect(api.sent).toContainEqual(
      expect.objectContaining({
        method: "PATCH",
        path: `${BASE}/${ENDPOINT_ID}`,
        body: { is_active: false },
      }),
    );

    fireEvent.click(within(row).getByRole("button", { name: "Rotate secret" }));
    const secret = (await screen.findByLabelText("New signing secret")) as HTMLInputElement;
    expect(secret.value).toBe(ROTATED);
    expect(screen.getByText(/old secret keeps signing deliveries for 24 hours/)).toBeTruthy();
  });

  it("shows the delivery log newest first, loads more, and redelivers one", async () => {
    const deliveries = Array.from({ length: 21 }, (_, i) => delivery(i + 1));
    deliveries[20] = delivery(21, {
      status: "failed",
      attempts: 12,
      last_status_code: null,
      last_error: "connection refused",
      delivered_at: null,
    });
    const api = fakeApi({ endpoints: [endpoint()], deliveries });
    renderWebhooks();

    const row = await endpointRow(/hooks\.example\.com/);
    fireEvent.click(within(row).getByRole("button", { name: "Deliveries" }));
    const log = await screen.findByRole("table", {
      name: "Deliveries to https://hooks.example.com/docket",
    });
    const rows = () => within(log).getAllByRole("row").slice(1);
    await waitFor(() => expect(rows()).toHaveLength(20));
    const newest = rows()[0]!;
    expect(newest.textContent).toContain("issue.created");
    expect(newest.textContent).toContain("Failed");
    expect(newest.textContent).toContain("12");
    expect(newest.textContent).toContain("connection refused");
    expect(rows()[1]!.textContent).toContain("Delivered");
    expect(rows()[1]!.textContent).toContain("200");

    fireEvent.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(rows()).toHaveLength(21));
    expect(rows()[20]!.textContent).toContain("issue.created");
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();

    const logReads = () =>
      api.sent.filter((call) => call.path === `${BASE}/${ENDPOINT_ID}/deliveries`).length;
    const readsBefore = logReads();
    fireEvent.click(within(rows()[0]!).getByRole("button", { name: "Redeliver" }));
    await waitFor(() => expect(rows()[0]!.textContent).toContain("Pending"));
    expect(api.sent).toContainEqual(
      expect.objectContaining({
        method: "POST",
        path: `${BASE}/${ENDPOINT_ID}/deliveries/${deliveries[20]!.id}/redeliver`,
      }),
    );
    expect(logReads()).toBeGreaterThan(readsBefore);
  });

  it("tells a member that only admins manage webhooks, without asking for them", async () => {
    const api = fakeApi({ role: "member" });
    renderWebhooks();

    expect(await screen.findByText("Only admins and owners manage webhooks")).toBeTruthy();
    expect(screen.queryByLabelText("Receiver URL")).toBeNull();
    expect(api.sent.some((call) => call.path.startsWith(BASE))).toBe(false);
  });
});

describe("the Webhooks link in the sidebar", () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it.each(["admin", "owner"])("shows to an %s", async (role) => {
    fakeApi({ role });
    renderLayout();
    const link = await screen.findByRole("link", { name: "Webhooks" });
    expect(link.getAttribute("href")).toBe("/w/acme/webhooks");
  });

  it.each(["member", "guest"])("is hidden from a %s", async (role) => {
    fakeApi({ role });
    renderLayout();
    await screen.findByText(`Signed in as ${role}`);
    expect(screen.getByRole("link", { name: "API tokens" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Webhooks" })).toBeNull();
  });
});
