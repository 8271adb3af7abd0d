import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Link, MemoryRouter, Outlet, Route, Routes } from "react-router-dom";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { Insights } from "../../../shared/api/queries";
import { session } from "../../../shared/api/session";
import { InsightsScreen } from "./InsightsScreen";

const PROJECT = "/api/v1/workspaces/acme/projects/ENG/insights";
const WORKSPACE = "/api/v1/workspaces/acme/insights";

const none = { count: 0, p50: null, p85: null, p95: null };

/** `days` days of flow ending 2026-11-25, the issues arriving one a day and moving along. */
function figures(changes: Partial<Insights> = {}, days = 90): Insights {
  const until = Date.UTC(2026, 10, 25);
  const flow = Array.from({ length: days }, (_, i) => {
    const date = new Date(until - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10);
    const n = Math.floor(i / 10);
    return { date, backlog: 4, unstarted: 2 + n, started: n, completed: 2 * n, canceled: 1 };
  });
  return {
    since: flow[0]!.date,
    until: flow[flow.length - 1]!.date,
    cycle_time_hours: { count: 18, p50: 5.5, p85: 30, p95: 40.25 },
    lead_time_hours: { count: 18, p50: 72, p85: 120, p95: 240 },
    open_age_days: { count: 11, p50: 2.5, p85: 12, p95: 0.5 },
    throughput: [
      { week: "2026-11-09", completed: 3 },
      { week: "2026-11-16", completed: 0 },
      { week: "2026-11-23", completed: 5 },
    ],
    cumulative_flow: flow,
    ...changes,
  };
}

const quiet = (days = 90) =>
  figures(
    {
      cycle_time_hours: none,
      lead_time_hours: none,
      open_age_days: none,
      throughput: [{ week: "2026-11-23", completed: 0 }],
      cumulative_flow: figures({}, days).cumulative_flow.map((day) => ({
        ...day,
        backlog: 0,
        unstarted: 0,
        started: 0,
        completed: 0,
        canceled: 0,
      })),
    },
    days,
  );

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status < 400 ? "application/json" : "application/problem+json" },
  });

/**
 * A stand-in for the API at the fetch boundary. `answer(days)` gives the insights for a window
 * (a Response for a refusal); `hold` keeps the insight requests waiting until released.
 */
function fakeApi(
  answer: (days: number, path: string) => Insights | Response,
  options: { hold?: (days: number, path: string) => boolean } = {},
) {
  const asked: { path: string; days: string | null }[] = [];
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url);
    if (url.pathname === "/api/v1/workspaces/acme") {
      return json({ id: "w1", slug: "acme", name: "Acme", role: "member" });
    }
    if (url.pathname === PROJECT || url.pathname === WORKSPACE) {
      asked.push({ path: url.pathname, days: url.searchParams.get("days") });
      const days = Number(url.searchParams.get("days") ?? 90);
      if (options.hold?.(days, url.pathname)) await held;
      const result = answer(days, url.pathname);
      return result instanceof Response ? result : json(result);
    }
    return json({ code: "not_found", detail: `No fake for ${url.pathname}` }, 404);
  });
  return { asked, release };
}

function renderAt(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route
            element={
              <>
                <Link to="/w/acme/insights">Workspace insights</Link>
                <Outlet />
              </>
            }
          >
            <Route path="/w/:slug/insights" element={<InsightsScreen />} />
            <Route path="/w/:slug/p/:projectKey/insights" element={<InsightsScreen />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const card = (name: string) => screen.findByRole("region", { name });
const figuresIn = async (name: string) =>
  Object.fromEntries(
    within(await card(name))
      .getAllByRole("definition")
      .map((dd) => [dd.previousElementSibling?.textContent, dd.textContent]),
  );

describe("InsightsScreen", () => {
  beforeEach(() => session.setAccessToken("session-jwt"));

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    session.expire("");
  });

  it("says it is loading until the figures arrive", async () => {
    const api = fakeApi(() => figures(), { hold: () => true });
    renderAt("/w/acme/p/ENG/insights");

    expect((await screen.findByRole("status")).textContent).toBe("Loading insights…");
    expect(screen.queryByRole("region", { name: "Cycle time" })).toBeNull();
    api.release();
    await card("Cycle time");
    expect(screen.queryByText("Loading insights…")).toBeNull();
  });

  it("shows a project's percentiles as stat cards and draws both charts", async () => {
    const api = fakeApi(() => figures());
    const { container } = renderAt("/w/acme/p/ENG/insights");

    expect(await figuresIn("Cycle time")).toEqual({
      "Median (p50)": "5.5 h",
      p85: "30 h",
      p95: "40.3 h",
    });
    expect(within(await card("Cycle time")).getByText("18 completed issues")).toBeTruthy();
    // Two days and more read as days.
    expect(await figuresIn("Lead time")).toEqual({ "Median (p50)": "3 d", p85: "5 d", p95: "10 d" });
    // Open age comes in days; under a day reads as hours.
    expect(await figuresIn("Open issue age")).toEqual({
      "Median (p50)": "2.5 d",
      p85: "12 d",
      p95: "12 h",
    });
    expect(within(await card("Open issue age")).getByText("11 open issues")).toBeTruthy();

    const flow = screen.getByRole("figure", { name: "Cumulative flow" });
    expect(flow.querySelector("svg.recharts-surface")).not.toBeNull();
    // One band per state category, stacked.
    expect(flow.querySelectorAll(".recharts-area")).toHaveLength(5);
    // The legend in workflow order.
    expect(
      [...flow.querySelectorAll(".recharts-legend-item-text")].map((item) => item.textContent),
    ).toEqual(["Backlog", "Unstarted", "Started", "Completed", "Canceled"]);
    expect(flow.textContent).toContain(
      "At the end of Nov 25: 4 backlog, 10 unstarted, 8 started, 16 completed, 1 canceled.",
    );
    const throughput = screen.getByRole("figure", { name: "Weekly throughput" });
    expect(throughput.querySelector("svg.recharts-surface")).not.toBeNull();
    expect(throughput.textContent).toContain("8 issues completed over 3 weeks");
    expect(container.textContent).not.toContain("No completed issues");

    expect(api.asked).toEqual([{ path: PROJECT, days: "90" }]);
    // Reached from the project's tabs, next to the list and the board.
    const tabs = screen.getByRole("navigation", { name: "Project views" });
    const tab = within(tabs).getByRole("link", { name: "Insights" });
    expect(tab.getAttribute("href")).toBe("/w/acme/p/ENG/insights");
    expect(tab.getAttribute("aria-current")).toBe("page");
  });

  it("asks again for the window picked, showing the current figures until it arrives", async () => {
    const api = fakeApi(
      (days) =>
        days === 30
          ? figures({ cycle_time_hours: { count: 2, p50: 0.25, p85: 1, p95: 2 } }, 30)
          : figures(),
      { hold: (days) => days === 30 },
    );
    renderAt("/w/acme/p/ENG/insights");

    await card("Cycle time");
    const picker = screen.getByRole("group", { name: "Window" });
    expect(within(picker).getByRole("button", { name: "90 days" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    fireEvent.click(within(picker).getByRole("button", { name: "30 days" }));

    expect((await screen.findByRole("status")).textContent).toBe("Loading the last 30 days…");
    expect((await figuresIn("Cycle time"))["Median (p50)"]).toBe("5.5 h");
    api.release();

    await waitFor(async () => expect((await figuresIn("Cycle time"))["Median (p50)"]).toBe("15 min"));
    expect(within(picker).getByRole("button", { name: "30 days" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(within(await card("Cycle time")).getByText("2 completed issues")).toBeTruthy();
    expect(api.asked.map((call) => call.days)).toEqual(["90", "30"]);
  });

  it("never shows a project's figures as the workspace's while those load", async () => {
    const api = fakeApi((_days, path) => (path === PROJECT ? figures() : quiet()), {
      hold: (_days, path) => path === WORKSPACE,
    });
    renderAt("/w/acme/p/ENG/insights");

    await card("Cycle time");
    fireEvent.click(screen.getByRole("link", { name: "Workspace insights" }));
    expect((await screen.findByRole("status")).textContent).toBe("Loading insights…");
    expect(screen.queryByRole("region", { name: "Cycle time" })).toBeNull();
    api.release();
    expect(await screen.findByText("No completed issues in this window yet")).toBeTruthy();
  });

  it("says no issue was completed instead of drawing empty charts", async () => {
    fakeApi(() => quiet());
    renderAt("/w/acme/p/ENG/insights");

    expect(await screen.findByText("No completed issues in this window yet")).toBeTruthy();
    expect(screen.queryByRole("figure")).toBeNull();
    expect(screen.queryByRole("region", { name: "Cycle time" })).toBeNull();
    expect(document.querySelector(".recharts-surface")).toBeNull();
  });

  it("with open issues but none completed, shows their age and flow, and no throughput", async () => {
    const open = figures({
      cycle_time_hours: none,
      lead_time_hours: none,
      throughput: [{ week: "2026-11-23", completed: 0 }],
    });
    fakeApi(() => open);
    renderAt("/w/acme/p/ENG/insights");

    expect((await figuresIn("Open issue age"))["Median (p50)"]).toBe("2.5 d");
    expect(
      within(await card("Cycle time")).getByText("No completed issues in this window yet"),
    ).toBeTruthy();
    expect(screen.getByRole("figure", { name: "Cumulative flow" })).toBeTruthy();
    expect(screen.queryByRole("figure", { name: "Weekly throughput" })).toBeNull();
    expect(
      within(await card("Weekly throughput")).getByText("No completed issues in this window yet"),
    ).toBeTruthy();
  });

  it("shows the API's problem detail when it refuses", async () => {
    fakeApi(() => json({ code: "not_found", detail: "No such project." }, 404));
    renderAt("/w/acme/p/ENG/insights");

    expect((await screen.findByRole("alert")).textContent).toBe("No such project.");
    expect(screen.queryByRole("figure")).toBeNull();
  });

  it("shows the workspace's figures at /w/:slug/insights, for the window in the address", async () => {
    const api = fakeApi((days) => figures({}, days));
    renderAt("/w/acme/insights?days=180");

    expect(await screen.findByRole("heading", { level: 1, name: "Insights" })).toBeTruthy();
    await card("Lead time");
    expect(await screen.findByText(/every project you can see in Acme/)).toBeTruthy();
    const picker = screen.getByRole("group", { name: "Window" });
    expect(within(picker).getByRole("button", { name: "180 days" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(api.asked).toEqual([{ path: WORKSPACE, days: "180" }]);
  });
});
