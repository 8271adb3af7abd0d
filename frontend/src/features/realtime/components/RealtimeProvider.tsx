import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

import { API_URL, api, unwrap } from "../../../shared/api/http";
import { invalidateNotifications } from "../../../shared/api/queries";
import { useSession } from "../../../shared/hooks/useSession";
import { RealtimeConnection, type Status, type Topic } from "../api/connection";
import { parseTopic, staleKeys } from "../api/invalidate";
import { applyIssueEvent } from "../api/issueEvents";

/** The events that change what a list or a board shows of an issue. */
const ISSUE_CHANGES = new Set(["issue.created", "issue.updated", "issue.moved", "issue.deleted"]);

type Realtime = { connection: RealtimeConnection | null; status: Status };

const RealtimeContext = createContext<Realtime>({ connection: null, status: "offline" });

function socketUrl(): string {
  const url = new URL("/ws/v1/", API_URL);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

/** Holds the live connection while signed in, and turns what it hears into refetches. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { token } = useSession();
  const signedIn = token !== null;
  const [status, setStatus] = useState<Status>("offline");
  const [connection] = useState(
    () =>
      new RealtimeConnection({
        url: socketUrl(),
        getTicket: async () =>
          unwrap(await api.POST("/api/v1/realtime/ticket")).ticket,
        onStatus: setStatus,
        // Whatever was said while we were away is gone: refetch what is on screen.
        onResync: () => void queryClient.invalidateQueries(),
        onMessage: (message) => {
          if (message.type === "event") {
            for (const queryKey of staleKeys(message.topic, message.event)) {
              void queryClient.invalidateQueries({ queryKey });
            }
            const where = parseTopic(message.topic);
            if (where?.project && ISSUE_CHANGES.has(message.event.name)) {
              void applyIssueEvent(queryClient, where.workspace, where.project, message.event);
            }
          } else if (message.type === "notifications") {
            // The badge and the inbox of every workspace: the message names the workspace by
            // id, the queries by slug.
            void invalidateNotifications(queryClient);
          }
        },
      }),
  );

  useEffect(() => {
    if (!signedIn) return;
    connection.start();
    return () => connection.stop();
  }, [connection, signedIn]);

  return (
    <RealtimeContext.Provider value={{ connection, status }}>{children}</RealtimeContext.Provider>
  );
}

/** Keep a topic subscribed while the calling component is on screen. */
export function useRealtimeTopic(workspace: string | undefined, project?: string): void {
  const { connection } = useContext(RealtimeContext);
  useEffect(() => {
    if (!connection || !workspace) return;
    const topic: Topic = project ? { workspace, project } : { workspace };
    return connection.subscribe(topic);
  }, [connection, workspace, project]);
}

export function useRealtimeStatus(): Status {
  return useContext(RealtimeContext).status;
}
