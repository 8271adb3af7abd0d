import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";

import { invalidateNotifications, notificationKeys } from "./queries";

function clientWithNotificationsOf(...slugs: string[]) {
  const queryClient = new QueryClient();
  for (const slug of slugs) {
    queryClient.setQueryData(notificationKeys.list(slug), { pages: [], pageParams: [] });
    queryClient.setQueryData(notificationKeys.unreadCount(slug), 3);
  }
  queryClient.setQueryData(notificationKeys.settings, { email_enabled: true });
  queryClient.setQueryData(["workspace", "acme"], { slug: "acme" });
  return queryClient;
}

function invalidated(queryClient: QueryClient) {
  return queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.isInvalidated)
    .map((query) => query.queryKey);
}

describe("invalidateNotifications", () => {
  it("marks one workspace's inbox and unread count stale, nothing else", async () => {
    const queryClient = clientWithNotificationsOf("acme", "globex");
    await invalidateNotifications(queryClient, "acme");
    expect(invalidated(queryClient)).toEqual([
      ["notifications", "acme", "list"],
      ["notifications", "acme", "unread-count"],
    ]);
  });

  it("marks every workspace's stale without a slug", async () => {
    const queryClient = clientWithNotificationsOf("acme", "globex");
    await invalidateNotifications(queryClient);
    expect(invalidated(queryClient)).toHaveLength(4);
    expect(invalidated(queryClient)).not.toContainEqual(notificationKeys.settings);
  });
});
