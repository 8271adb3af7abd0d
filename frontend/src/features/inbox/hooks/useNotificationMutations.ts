import { useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";

import { api, unwrap } from "../../../shared/api/http";
import {
  invalidateNotifications,
  notificationListQuery,
  unreadCountQuery,
  type Notification,
  type NotificationPage,
} from "../../../shared/api/queries";

type Inbox = InfiniteData<NotificationPage, unknown>;

function markInInbox(inbox: Inbox | undefined, isTarget: (n: Notification) => boolean) {
  if (!inbox) return inbox;
  const readAt = new Date().toISOString();
  return {
    ...inbox,
    pages: inbox.pages.map((page) => ({
      ...page,
      results: page.results.map((notification) =>
        isTarget(notification) && !notification.read
          ? { ...notification, read: true, read_at: readAt }
          : notification,
      ),
    })),
  };
}

/**
 * Shows a notification (or all of them) read at once, in the inbox and the sidebar's count;
 * puts the previous copies back if the API refuses, and refetches both either way.
 */
function useOptimisticRead<Variables>(
  slug: string,
  send: (variables: Variables) => Promise<unknown>,
  isTarget: (variables: Variables) => (notification: Notification) => boolean,
  all = false,
) {
  const queryClient = useQueryClient();
  const listKey = notificationListQuery(slug).queryKey;
  const countKey = unreadCountQuery(slug).queryKey;
  return useMutation({
    mutationFn: send,
    onMutate: async (variables) => {
      await Promise.all([
        queryClient.cancelQueries({ queryKey: listKey }),
        queryClient.cancelQueries({ queryKey: countKey }),
      ]);
      const inbox = queryClient.getQueryData(listKey);
      const count = queryClient.getQueryData(countKey);
      const target = isTarget(variables);
      // By id: after a mark-read, "Load more" can bring the same notification again (read).
      const marked = new Set(
        inbox?.pages.flatMap((page) =>
          page.results.filter((n) => target(n) && !n.read).map((n) => n.id),
        ),
      ).size;
      queryClient.setQueryData(listKey, (current) => markInInbox(current, target));
      queryClient.setQueryData(countKey, (current) =>
        // Marking all also covers unread ones on pages not loaded yet.
        current === undefined ? current : all ? 0 : Math.max(0, current - marked),
      );
      return { inbox, count };
    },
    onError: (_error, _variables, previous) => {
      if (!previous) return;
      queryClient.setQueryData(listKey, previous.inbox);
      queryClient.setQueryData(countKey, previous.count);
    },
    onSettled: () => invalidateNotifications(queryClient, slug),
  });
}

export function useMarkRead(slug: string) {
  return useOptimisticRead(
    slug,
    async (notificationId: number) =>
      unwrap(
        await api.POST(
          "/api/v1/workspaces/{workspace_slug}/notifications/{notification_id}/read",
          { params: { path: { workspace_slug: slug, notification_id: notificationId } } },
        ),
      ),
    (notificationId) => (notification) => notification.id === notificationId,
  );
}

export function useMarkAllRead(slug: string) {
  return useOptimisticRead(
    slug,
    async () =>
      unwrap(
        await api.POST("/api/v1/workspaces/{workspace_slug}/notifications/read-all", {
          params: { path: { workspace_slug: slug } },
        }),
      ),
    () => () => true,
    true,
  );
}
