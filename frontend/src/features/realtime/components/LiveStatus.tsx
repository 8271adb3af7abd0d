import { useNetworkState } from "../../../shared/components/NetworkBanner";
import { useRealtimeStatus } from "./RealtimeProvider";

const LABELS = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  hung: "Not responding",
} as const;

/**
 * Whether what is on screen updates by itself right now. An open socket is not enough: when
 * the API does not answer its requests, nothing on screen is live.
 */
export function LiveStatus() {
  const realtime = useRealtimeStatus();
  const network = useNetworkState();
  // A socket that is down says so itself (reconnecting); one that is up is not "live" while
  // the API does not answer the page's requests.
  const status = realtime === "live" && network !== "online" ? network : realtime;
  return (
    <span className={`live-status live-${status}`} role="status" data-realtime={status}>
      <span className="live-dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
