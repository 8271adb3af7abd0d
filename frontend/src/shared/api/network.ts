/**
 * Whether the API answers: `online`, `offline` (the browser has no network, or the API could not
 * be reached), or `hung` (a request has waited longer than HUNG_AFTER_MS). The HTTP layer reports
 * every request here; the frame shows a banner and the Live dot from it.
 */

export type NetworkState = "online" | "offline" | "hung";

type Listener = () => void;

/** A request unanswered for this long makes the page say the API is not answering. */
export const HUNG_AFTER_MS = 4_000;

let unreachable = false;
let browserOffline = typeof navigator !== "undefined" && navigator.onLine === false;
let hung = false;
const pending = new Map<number, number>();
let nextId = 0;
let hungTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<Listener>();
let current: NetworkState = compute();

function compute(): NetworkState {
  if (browserOffline || unreachable) return "offline";
  return hung ? "hung" : "online";
}

function publish(): void {
  const next = compute();
  if (next === current) return;
  current = next;
  listeners.forEach((listener) => listener());
}

/** Re-arms the timer for the oldest pending request (or clears `hung` when none waits long). */
function watch(): void {
  clearTimeout(hungTimer);
  const oldest = Math.min(...pending.values());
  const waited = Number.isFinite(oldest) ? Date.now() - oldest : 0;
  hung = Number.isFinite(oldest) && waited >= HUNG_AFTER_MS;
  if (Number.isFinite(oldest) && !hung) hungTimer = setTimeout(watch, HUNG_AFTER_MS - waited);
  publish();
}

export const network = {
  state: (): NetworkState => current,
  /** Whether the browser itself says it has no network (else the API is what is unreachable). */
  browserOffline: (): boolean => browserOffline,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** A request left; call the returned function when it settled, with how. */
  started(): (outcome: "answered" | "unreachable" | "aborted") => void {
    const id = nextId++;
    pending.set(id, Date.now());
    watch();
    return (outcome) => {
      pending.delete(id);
      if (outcome === "answered") unreachable = false;
      if (outcome === "unreachable") unreachable = true;
      watch();
    };
  },
  /** The browser's own online/offline events. */
  setBrowserOnline(online: boolean): void {
    browserOffline = !online;
    if (online) unreachable = false;
    publish();
  },
};

if (typeof window !== "undefined") {
  window.addEventListener("online", () => network.setBrowserOnline(true));
  window.addEventListener("offline", () => network.setBrowserOnline(false));
}
