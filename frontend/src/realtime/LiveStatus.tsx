import { useRealtimeStatus } from "./RealtimeProvider";

const LABELS = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
} as const;

/** Whether what is on screen updates by itself right now. */
export function LiveStatus() {
  const status = useRealtimeStatus();
  return (
    <span className={`live-status live-${status}`} role="status" data-realtime={status}>
      <span className="live-dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
