import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router-dom";

import { api, unwrap } from "../../../shared/api/http";
import {
  notificationKeys,
  notificationListQuery,
  notificationSettingsQuery,
  unreadCountQuery,
  type Notification,
  type Schemas,
} from "../../../shared/api/queries";
import { EmptyState, ErrorState, errorMessage, Loading } from "../../../shared/components/States";
import { formatDateTime, formatRelative } from "../../issues";
import { useMarkAllRead, useMarkRead } from "../hooks/useNotificationMutations";

const WHAT_THEY_DID: Record<Schemas["ReasonEnum"], string> = {
  assigned: "assigned you to",
  mentioned: "mentioned you in",
  commented: "commented on",
  state_changed: "changed the state of",
};

/** The caller's notifications in this workspace: unread first, then newest first. */
export function InboxScreen() {
  const { slug = "" } = useParams();
  const list = useInfiniteQuery(notificationListQuery(slug));
  const unread = useQuery(unreadCountQuery(slug));
  const markRead = useMarkRead(slug);
  const markAllRead = useMarkAllRead(slug);
  const notifications = uniqueById(list.data?.pages.flatMap((page) => page.results) ?? []);
  const error = markAllRead.error ?? markRead.error;

  return (
    <div className="page inbox">
      <div className="page-header">
        <h1>Inbox</h1>
        <div className="inbox-actions">
          <EmailSetting />
          <button
            type="button"
            disabled={!unread.data || markAllRead.isPending}
            onClick={() => markAllRead.mutate()}
          >
            Mark all read
          </button>
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {list.isPending ? (
        <Loading label="Loading notifications" />
      ) : list.isError ? (
        <ErrorState error={list.error} />
      ) : notifications.length === 0 ? (
        <EmptyState title="You're all caught up">
          <p className="muted">
            You'll hear here when someone assigns you, mentions you, or changes an issue you
            follow.
          </p>
        </EmptyState>
      ) : (
        <ul className="item-list notification-list" aria-label="Notifications">
          {notifications.map((notification) => (
            <NotificationRow
              key={notification.id}
              slug={slug}
              notification={notification}
              onOpen={() => {
                if (!notification.read) markRead.mutate(notification.id);
              }}
            />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="load-more"
          disabled={list.isFetchingNextPage}
          onClick={() => list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </div>
  );
}

/** A notification marked read moves down the order, so a later page can bring it again. */
function uniqueById(notifications: Notification[]): Notification[] {
  const seen = new Set<number>();
  return notifications.filter((notification) => {
    if (seen.has(notification.id)) return false;
    seen.add(notification.id);
    return true;
  });
}

function NotificationRow(props: { slug: string; notification: Notification; onOpen: () => void }) {
  const { notification } = props;
  const actor = notification.actor?.display_name ?? "Someone";
  return (
    <li className={notification.read ? "notification" : "notification notification-unread"}>
      {/* The link opens the issue; following it (a click, or ctrl/cmd-click into a new tab)
          marks the notification read. */}
      <Link
        className="notification-link"
        to={`/w/${props.slug}/i/${notification.issue_key}`}
        onClick={props.onOpen}
      >
        <span className="unread-dot" aria-hidden="true" />
        {!notification.read && <span className="visually-hidden">Unread: </span>}
        <span className="notification-text">
          <span className="notification-actor">{actor}</span>{" "}
          {WHAT_THEY_DID[notification.reason]}{" "}
          <span className="notification-key">{notification.issue_key}</span>{" "}
          <span className="notification-title">{notification.issue_title}</span>
        </span>
        <time
          className="notification-time"
          dateTime={notification.created_at}
          title={formatDateTime(notification.created_at)}
        >
          {formatRelative(notification.created_at)}
        </time>
      </Link>
    </li>
  );
}

type EmailSettingName = "email_enabled" | "digest_enabled";

const EMAIL_SETTINGS: { name: EmailSettingName; label: string }[] = [
  { name: "email_enabled", label: "Email me notifications" },
  { name: "digest_enabled", label: "Daily digest of unread" },
];

/** The person's email settings: one value each for every workspace. */
function EmailSetting() {
  const queryClient = useQueryClient();
  const settings = useQuery(notificationSettingsQuery());
  const save = useMutation({
    mutationFn: async (change: Partial<Record<EmailSettingName, boolean>>) =>
      unwrap(await api.PUT("/api/v1/me/notification-settings", { body: change })),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.settings, saved),
  });
  const value = (name: EmailSettingName): boolean =>
    (save.isPending ? save.variables?.[name] : undefined) ?? settings.data?.[name] ?? false;
  return (
    <span className="email-setting">
      {EMAIL_SETTINGS.map(({ name, label }) => (
        <label key={name} className="check" title="Applies to every workspace">
          <input
            type="checkbox"
            checked={value(name)}
            disabled={!settings.data || save.isPending}
            onChange={(event) => save.mutate({ [name]: event.target.checked })}
          />
          {label}
        </label>
      ))}
      {(settings.error ?? save.error) && (
        <span className="field-error" role="alert">
          {errorMessage(settings.error ?? save.error)}
        </span>
      )}
    </span>
  );
}
