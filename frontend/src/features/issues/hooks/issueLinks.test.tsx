import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { session } from "../../../shared/api/session";
import { issueQuery } from "../../../shared/api/queries";
import { IssueFields } from "../components/IssueFields";
import { useUpdateIssue } from "./useIssueMutations";

const WS = "/api/v1/workspaces/acme";
const BUG = { id: "l-bug", name: "bug", color: "#ff0000" };
const FEATURE = { id: "l-feature", name: "feature", color: "#00ff00" };
const ADA = { id: "u-ada", display_name: "Ada" };
const GRACE = { id: "u-grace", display_name: "Grace" };

/** A stand-in API: one issue whose labels and assignees change one at a time, with ETags. */
function fakeServer() {
  let version = 1;
  const labels = new Set([BUG.id]);
  const assignees = new Set([ADA.id]);
  const writes: { method: string; path: string; ifMatch: string | null }[] = [];
  const etag = () => `"${version}-aaaaaaaaaaaaaaaa"`;
  const issue = () => ({
    id: "i1",
    key: "ENG-1",
    title: "First",
    project: { id: "p1", key: "ENG", name: "Engineering" },
    state: { id: "s1", name: "Todo", category: "unstarted", color: "#999999" },
    priority: "none",
    estimate: null,
    due_date: null,
    parent: null,
    labels: [BUG, FEATURE].filter((label) => labels.has(label.id)),
    assignees: [ADA, GRACE].filter((user) => assignees.has(user.id)),
  });
  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json", ...headers },
    });
  const page = (results: unknown[]) => json({ results, next_cursor: null });
  const fetchImpl = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    const path = new URL(request.url).pathname;
    if (request.method === "GET") {
      if (path === `${WS}/issues/ENG-1`) return json(issue(), 200, { ETag: etag() });
      if (path.endsWith("/labels")) return page([BUG, FEATURE]);
      if (path.endsWith("/members")) return page([{ user: ADA }, { user: GRACE }]);
      if (path.endsWith("/states")) return page([issue().state]);
      return page([]);
    }
    writes.push({ method: request.method, path, ifMatch: request.headers.get("If-Match") });
    const link = path.match(/\/issues\/ENG-1\/(labels|assignees)\/([^/]+)$/);
    if (!link || !["PUT", "DELETE"].includes(request.method)) return json({}, 405);
    const set = link[1] === "labels" ? labels : assignees;
    const id = link[2] ?? "";
    const changes = request.method === "PUT" ? !set.has(id) : set.has(id);
    if (request.method === "PUT") set.add(id);
    else set.delete(id);
    if (changes) version += 1;
    return json(issue(), 200, { ETag: etag() });
  });
  return { fetchImpl, writes, labels, assignees };
}

/** The chips of what is chosen, by name (the pickers offer the rest). */
const chosen = (list: string) =>
  Array.from(screen.getByRole("list", { name: list }).querySelectorAll("li"), (item) =>
    item.textContent?.replace("✕", "").trim(),
  );

/** Types into a picker and chooses the option named `name` with the keyboard. */
async function pick(picker: string, text: string, name: string) {
  const input = screen.getByRole("combobox", { name: picker });
  input.focus();
  fireEvent.change(input, { target: { value: text } });
  const option = await screen.findByRole("option", { name: new RegExp(name) });
  await waitFor(() => expect(input.getAttribute("aria-activedescendant")).toBe(option.id));
  fireEvent.keyDown(input, { key: "Enter" });
}

function SidePanel() {
  const issue = useQuery(issueQuery("acme", "ENG-1"));
  const update = useUpdateIssue("acme", "ENG-1", "ENG");
  if (!issue.data) return null;
  return <IssueFields slug="acme" issue={issue.data} onChange={(edit) => update.mutate({ edit })} />;
}

describe("the side panel's label and assignee pickers", () => {
  let server: ReturnType<typeof fakeServer>;

  beforeEach(() => {
    session.setAccessToken("token");
    server = fakeServer();
    vi.stubGlobal("fetch", server.fetchImpl);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  function renderPanel() {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <SidePanel />
      </QueryClientProvider>,
    );
  }

  it("puts or takes off only the label chosen or removed, with the ETag on screen", async () => {
    renderPanel();
    await waitFor(() => expect(chosen("Labels chosen")).toEqual(["bug"]));

    await pick("Add label", "feat", "feature");
    await waitFor(() => expect(chosen("Labels chosen")).toEqual(["bug", "feature"]));
    fireEvent.click(screen.getByRole("button", { name: "Remove label bug" }));
    await waitFor(() => expect(chosen("Labels chosen")).toEqual(["feature"]));

    expect(server.writes).toEqual([
      { method: "PUT", path: `${WS}/issues/ENG-1/labels/${FEATURE.id}`, ifMatch: '"1-aaaaaaaaaaaaaaaa"' },
      // The second write sends the ETag the first one brought back.
      { method: "DELETE", path: `${WS}/issues/ENG-1/labels/${BUG.id}`, ifMatch: '"2-aaaaaaaaaaaaaaaa"' },
    ]);
    expect([...server.labels]).toEqual([FEATURE.id]);
  });

  it("assigns and unassigns one person without sending the others", async () => {
    renderPanel();
    await waitFor(() => expect(chosen("Assignees chosen")).toEqual(["Ada"]));

    await pick("Add assignee", "gra", "Grace");
    await waitFor(() => expect([chosen("Assignees chosen"), server.writes.length]).toEqual([["Ada", "Grace"], 1]));
    fireEvent.click(screen.getByRole("button", { name: "Unassign Ada" }));
    await waitFor(() => expect(chosen("Assignees chosen")).toEqual(["Grace"]));

    expect(server.writes.map(({ method, path }) => `${method} ${path}`)).toEqual([
      `PUT ${WS}/issues/ENG-1/assignees/${GRACE.id}`,
      `DELETE ${WS}/issues/ENG-1/assignees/${ADA.id}`,
    ]);
    expect([...server.assignees]).toEqual([GRACE.id]);
  });
});
