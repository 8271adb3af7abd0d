import { useQuery } from "@tanstack/react-query";
import { NavLink } from "react-router-dom";

import { unreadCountQuery } from "../../../shared/api/queries";

/** The sidebar's "Inbox" entry, with the number of unread notifications when there are any. */
export function InboxLink({ slug }: { slug: string }) {
  const unread = useQuery(unreadCountQuery(slug)).data ?? 0;
  return (
    <NavLink
      to={`/w/${slug}/inbox`}
      className="nav-inbox"
      aria-label={unread > 0 ? `Inbox, ${unread} unread` : undefined}
    >
      Inbox
      {unread > 0 && (
        <span className="count-badge" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </NavLink>
  );
}
