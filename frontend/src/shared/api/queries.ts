/**
 * One query-options function per resource. Components call useQuery(xxxQuery(...)); mutations
 * invalidate by the same keys. Server state lives here (TanStack Query), nowhere else.
 */
import { infiniteQueryOptions, queryOptions, type QueryClient } from "@tanstack/react-query";

import type { Board, BoardColumn, IssuePage } from "./boardCache";
import { api, unwrap } from "./http";
import type { components } from "./schema";

export type Schemas = components["schemas"];
export type Issue = Schemas["IssueOutput"];
/** An issue as last read, with the ETag the server gave that copy (sent back in If-Match). */
export type TaggedIssue = Issue & { etag: string | null };
export type IssueListItem = Schemas["IssueListItem"];
export type Project = Schemas["ProjectOutput"];
export type State = Schemas["StateOutput"];
export type Label = Schemas["LabelOutput"];
export type Member = Schemas["MemberOutput"];
export type Workspace = Schemas["WorkspaceOutput"];
export type Comment = Schemas["CommentOutput"];
export type ActivityEvent = Schemas["ActivityEventOutput"];
export type IssueRelation = Schemas["IssueRelationOutput"];
export type RelationKind = Schemas["RelationKindEnum"];
export type Notification = Schemas["NotificationOutput"];
export type NotificationPage = Schemas["PaginatedNotificationOutputList"];
export type PersonalToken = Schemas["PersonalTokenOutput"];
export type WebhookEndpoint = Schemas["WebhookEndpointOutput"];
export type WebhookDelivery = Schemas["WebhookDeliveryOutput"];
export type Insights = Schemas["InsightsOutput"];
export type Percentiles = Schemas["PercentilesOutput"];

/** The windows the insights screens offer, in days up to today; the API takes 7 to 365. */
export const INSIGHT_WINDOWS = [30, 90, 180] as const;
export const DEFAULT_INSIGHT_WINDOW = 90;

export type IssueFilters = {
  state?: string;
  state_category?: string;
  assignee?: string;
  label?: string;
  priority?: string;
  q?: string;
  ordering?: string;
};

/** What the board can be narrowed by (its columns are the states, in position order). */
export type BoardFilters = Pick<IssueFilters, "assignee" | "label" | "priority" | "q">;

export const keys = {
  me: ["me"] as const,
  tokens: ["me", "tokens"] as const,
  workspaces: ["workspaces"] as const,
  workspace: (slug: string) => ["workspace", slug] as const,
  members: (slug: string) => ["workspace", slug, "members"] as const,
  invitations: (slug: string) => ["workspace", slug, "invitations"] as const,
  projects: (slug: string) => ["workspace", slug, "projects"] as const,
  project: (slug: string, key: string) => ["workspace", slug, "project", key] as const,
  states: (slug: string, key: string) => ["workspace", slug, "project", key, "states"] as const,
  labels: (slug: string, key: string) => ["workspace", slug, "project", key, "labels"] as const,
  projectMembers: (slug: string, key: string) =>
    ["workspace", slug, "project", key, "members"] as const,
  issues: (slug: string, key: string) => ["workspace", slug, "project", key, "issues"] as const,
  issueList: (slug: string, key: string, filters: IssueFilters) =>
    ["workspace", slug, "project", key, "issues", "list", filters] as const,
  boards: (slug: string, key: string) =>
    ["workspace", slug, "project", key, "issues", "board"] as const,
  board: (slug: string, key: string, filters: BoardFilters) =>
    ["workspace", slug, "project", key, "issues", "board", filters] as const,
  workspaceIssueSearch: (slug: string, q: string) => ["workspace", slug, "issue-search", q] as const,
  /** Outside `issues`: a live change to one issue does not re-ask every search. */
  issueSearch: (slug: string, key: string, q: string) =>
    ["workspace", slug, "project", key, "issue-search", q] as const,
  issue: (slug: string, issueKey: string) => ["workspace", slug, "issue", issueKey] as const,
  comments: (slug: string, issueKey: string) =>
    ["workspace", slug, "issue", issueKey, "comments"] as const,
  activity: (slug: string, issueKey: string) =>
    ["workspace", slug, "issue", issueKey, "activity"] as const,
  relations: (slug: string, issueKey: string) =>
    ["workspace", slug, "issue", issueKey, "relations"] as const,
  webhooks: (slug: string) => ["workspace", slug, "webhooks"] as const,
  workspaceInsights: (slug: string, days: number) =>
    ["workspace", slug, "insights", days] as const,
  projectInsights: (slug: string, key: string, days: number) =>
    ["workspace", slug, "project", key, "insights", days] as const,
  webhookDeliveries: (slug: string, endpointId: string) =>
    ["workspace", slug, "webhooks", endpointId, "deliveries"] as const,
};

const ALL = { limit: 100 } as const;

export const meQuery = () =>
  queryOptions({ queryKey: keys.me, queryFn: async () => unwrap(await api.GET("/api/v1/me")) });

export const tokensQuery = () =>
  queryOptions({
    queryKey: keys.tokens,
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/me/tokens", { params: { query: ALL } })).results,
  });

export const workspacesQuery = () =>
  queryOptions({
    queryKey: keys.workspaces,
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/workspaces", { params: { query: ALL } })).results,
  });

export const workspaceQuery = (slug: string) =>
  queryOptions({
    queryKey: keys.workspace(slug),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}", {
          params: { path: { workspace_slug: slug } },
        }),
      ),
  });

export const membersQuery = (slug: string) =>
  queryOptions({
    queryKey: keys.members(slug),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/members", {
          params: { path: { workspace_slug: slug }, query: ALL },
        }),
      ).results,
  });

export const invitationsQuery = (slug: string) =>
  queryOptions({
    queryKey: keys.invitations(slug),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/invitations", {
          params: { path: { workspace_slug: slug }, query: ALL },
        }),
      ).results,
  });

export const projectsQuery = (slug: string) =>
  queryOptions({
    queryKey: keys.projects(slug),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/projects", {
          params: { path: { workspace_slug: slug }, query: { ...ALL, include_archived: true } },
        }),
      ).results,
  });

export const projectQuery = (slug: string, key: string) =>
  queryOptions({
    queryKey: keys.project(slug, key),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/projects/{project_key}", {
          params: { path: { workspace_slug: slug, project_key: key } },
        }),
      ),
  });

export const statesQuery = (slug: string, key: string) =>
  queryOptions({
    queryKey: keys.states(slug, key),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/states", {
          params: { path: { workspace_slug: slug, project_key: key }, query: ALL },
        }),
      ).results,
  });

export const labelsQuery = (slug: string, key: string) =>
  queryOptions({
    queryKey: keys.labels(slug, key),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/labels", {
          params: { path: { workspace_slug: slug, project_key: key }, query: ALL },
        }),
      ).results,
  });

export const projectMembersQuery = (slug: string, key: string) =>
  queryOptions({
    queryKey: keys.projectMembers(slug, key),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/members", {
          params: { path: { workspace_slug: slug, project_key: key }, query: ALL },
        }),
      ).results,
  });

/** The issue table: pages of 50 over the keyset cursor ("load more"). */
export const issueListQuery = (slug: string, key: string, filters: IssueFilters) =>
  infiniteQueryOptions({
    queryKey: keys.issueList(slug, key, filters),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/issues", {
          params: {
            path: { workspace_slug: slug, project_key: key },
            query: { ...filters, limit: 50, cursor: pageParam } as never,
          },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });

/** Issues of a project matching `q` (words or a key such as ENG-12), for pickers: ten at most. */
export const ISSUE_SEARCH_LIMIT = 10;

export const issueSearchQuery = (slug: string, key: string, q: string) =>
  queryOptions({
    queryKey: keys.issueSearch(slug, key, q),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/issues", {
          params: {
            path: { workspace_slug: slug, project_key: key },
            query: { ...(q ? { q } : {}), limit: ISSUE_SEARCH_LIMIT, ordering: "-updated" } as never,
          },
          signal,
        }),
      ).results,
    staleTime: 10_000,
  });

/** A picker's page of matches: what fits its list without scrolling far. */
export const PICKER_LIMIT = 10;

/** Workspace members whose name or email contains `search` (pickers: assignee, lead). */
export const memberSearchQuery = (slug: string, search: string) =>
  queryOptions({
    queryKey: [...keys.members(slug), "search", search] as const,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/members", {
          params: {
            path: { workspace_slug: slug },
            query: { ...(search ? { search } : {}), limit: PICKER_LIMIT },
          },
          signal,
        }),
      ).results,
    staleTime: 30_000,
  });

/** The project's labels whose name contains `search` (pickers and filters). */
export const labelSearchQuery = (slug: string, key: string, search: string) =>
  queryOptions({
    queryKey: [...keys.labels(slug, key), "search", search] as const,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/labels", {
          params: {
            path: { workspace_slug: slug, project_key: key },
            query: { ...(search ? { search } : {}), limit: PICKER_LIMIT },
          },
          signal,
        }),
      ).results,
    staleTime: 30_000,
  });

/** Issues of every project the caller sees matching `q` (the command palette). */
export const workspaceIssueSearchQuery = (slug: string, q: string) =>
  queryOptions({
    queryKey: keys.workspaceIssueSearch(slug, q),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/issues", {
          params: { path: { workspace_slug: slug }, query: { q, limit: 8 } as never },
          signal,
        }),
      ).results,
    staleTime: 10_000,
  });

/**
 * Cards per column on the board's first load, and per "load more" of a column. A screen shows
 * about ten cards of a column; 25 fill it with room to scroll while the next page loads, and
 * halve the first load's payload and rendering against the API's default of 50
 * (bench/README.md has both figures).
 */
export const BOARD_PAGE_SIZE = 25;

/** The cards of one board column that follow `cursor` (a column's `next_cursor`), by position. */
export async function fetchColumnPage(
  slug: string,
  key: string,
  filters: BoardFilters,
  stateId: string,
  cursor: string,
  limit: number = BOARD_PAGE_SIZE,
): Promise<IssuePage> {
  return unwrap(
    await api.GET("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/issues", {
      params: {
        path: { workspace_slug: slug, project_key: key },
        query: { ...filters, state: stateId, ordering: "position", limit, cursor } as never,
      },
    }),
  );
}

/** Follows a column's cursor until it holds at least `depth` cards (or has no more). */
async function refill(
  slug: string,
  key: string,
  filters: BoardFilters,
  column: BoardColumn,
  depth: number,
): Promise<BoardColumn> {
  let current = column;
  while (current.next_cursor && current.issues.length < depth) {
    const cursor = current.next_cursor;
    const page = await fetchColumnPage(slug, key, filters, current.state.id, cursor, 100);
    const seen = new Set(current.issues.map((issue) => issue.id));
    current = {
      ...current,
      issues: [...current.issues, ...page.results.filter((issue) => !seen.has(issue.id))],
      next_cursor: page.next_cursor ?? null,
    };
  }
  return current;
}

/**
 * The board: every column with its first cards, in one request; a column's further cards are
 * appended to this same entry as the user scrolls (see boardCache.ts). A refetch (a live update,
 * a settled move) reloads each column as deep as it had been scrolled, so cards on screen stay.
 */
export const boardQuery = (slug: string, key: string, filters: BoardFilters = {}) =>
  queryOptions({
    queryKey: keys.board(slug, key, filters),
    queryFn: async ({ client, queryKey }): Promise<Board> => {
      const shown = client.getQueryData<Board>(queryKey);
      const board = unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/board", {
          params: {
            path: { workspace_slug: slug, project_key: key },
            query: { ...filters, limit: BOARD_PAGE_SIZE },
          },
        }),
      );
      const depthOf = (stateId: string) =>
        shown?.columns.find((column) => column.state.id === stateId)?.issues.length ?? 0;
      return {
        ...board,
        columns: await Promise.all(
          board.columns.map((column) =>
            refill(slug, key, filters, column, depthOf(column.state.id)),
          ),
        ),
      };
    },
  });

export const issueQuery = (slug: string, issueKey: string) =>
  queryOptions({
    queryKey: keys.issue(slug, issueKey),
    queryFn: async (): Promise<TaggedIssue> => {
      const result = await api.GET("/api/v1/workspaces/{workspace_slug}/issues/{issue_key}", {
        params: { path: { workspace_slug: slug, issue_key: issueKey } },
      });
      return { ...unwrap(result), etag: result.response.headers.get("ETag") };
    },
  });

export const commentsQuery = (slug: string, issueKey: string) =>
  queryOptions({
    queryKey: keys.comments(slug, issueKey),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/issues/{issue_key}/comments", {
          params: { path: { workspace_slug: slug, issue_key: issueKey }, query: ALL },
        }),
      ).results,
  });

export const activityQuery = (slug: string, issueKey: string) =>
  queryOptions({
    queryKey: keys.activity(slug, issueKey),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/issues/{issue_key}/activity", {
          params: { path: { workspace_slug: slug, issue_key: issueKey }, query: ALL },
        }),
      ).results,
  });

export const relationsQuery = (slug: string, issueKey: string) =>
  queryOptions({
    queryKey: keys.relations(slug, issueKey),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/issues/{issue_key}/relations", {
          params: { path: { workspace_slug: slug, issue_key: issueKey }, query: ALL },
        }),
      ).results,
  });

export const webhooksQuery = (slug: string) =>
  queryOptions({
    queryKey: keys.webhooks(slug),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/webhooks", {
          params: { path: { workspace_slug: slug }, query: ALL },
        }),
      ).results,
  });

/**
 * Flow figures over the last `days` days: of one project, or (without a project key) of every
 * project the caller can see in the workspace.
 */
export const insightsQuery = (slug: string, projectKey: string | undefined, days: number) =>
  queryOptions({
    queryKey: projectKey
      ? keys.projectInsights(slug, projectKey, days)
      : keys.workspaceInsights(slug, days),
    queryFn: async () =>
      projectKey
        ? unwrap(
            await api.GET("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/insights", {
              params: { path: { workspace_slug: slug, project_key: projectKey }, query: { days } },
            }),
          )
        : unwrap(
            await api.GET("/api/v1/workspaces/{workspace_slug}/insights", {
              params: { path: { workspace_slug: slug }, query: { days } },
            }),
          ),
  });

export const WEBHOOK_DELIVERY_PAGE_SIZE = 20;

/** An endpoint's delivery log, newest first; pages over the keyset cursor ("Load more"). */
export const webhookDeliveriesQuery = (slug: string, endpointId: string) =>
  infiniteQueryOptions({
    queryKey: keys.webhookDeliveries(slug, endpointId),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/webhooks/{endpoint_id}/deliveries", {
          params: {
            path: { workspace_slug: slug, endpoint_id: endpointId },
            query: { limit: WEBHOOK_DELIVERY_PAGE_SIZE, cursor: pageParam },
          },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });

/**
 * The caller's notifications. Their own root (not under ["workspace", slug]), so refreshing a
 * workspace's other data does not refetch them, and all of them can be refreshed at once.
 */
export const notificationKeys = {
  all: ["notifications"] as const,
  workspace: (slug: string) => ["notifications", slug] as const,
  list: (slug: string) => ["notifications", slug, "list"] as const,
  unreadCount: (slug: string) => ["notifications", slug, "unread-count"] as const,
  settings: ["notification-settings"] as const,
};

/**
 * Refetch the inbox and the unread count: of one workspace, or of every workspace when the slug
 * is left out. For whatever learns that the caller's notifications changed (the live updates).
 */
export function invalidateNotifications(
  queryClient: QueryClient,
  workspaceSlug?: string,
): Promise<void> {
  return queryClient.invalidateQueries({
    queryKey: workspaceSlug ? notificationKeys.workspace(workspaceSlug) : notificationKeys.all,
  });
}

export const NOTIFICATION_PAGE_SIZE = 30;

/** The inbox: unread first, newest first within each; pages over the keyset cursor. */
export const notificationListQuery = (slug: string) =>
  infiniteQueryOptions({
    queryKey: notificationKeys.list(slug),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/notifications", {
          params: {
            path: { workspace_slug: slug },
            query: { limit: NOTIFICATION_PAGE_SIZE, cursor: pageParam },
          },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });

export const unreadCountQuery = (slug: string) =>
  queryOptions({
    queryKey: notificationKeys.unreadCount(slug),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/workspaces/{workspace_slug}/notifications/unread-count", {
          params: { path: { workspace_slug: slug } },
        }),
      ).unread,
  });

export const notificationSettingsQuery = () =>
  queryOptions({
    queryKey: notificationKeys.settings,
    queryFn: async () => unwrap(await api.GET("/api/v1/me/notification-settings")),
  });
