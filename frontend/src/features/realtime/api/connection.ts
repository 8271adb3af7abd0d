/**
 * One websocket to the API's /ws/v1/ (protocol: docs/realtime.md), kept open while signed in.
 *
 * Topics are reference-counted: screens say what they show, the connection subscribes once and
 * again after every reconnect. After any close but a refusal of the page itself (4403, 4404)
 * it reconnects with exponential backoff and full jitter, each time with a fresh ticket, and
 * tells its owner to refetch what it missed (`onResync`).
 */

import type { components } from "../../../shared/api/schema";

export type Topic = { workspace: string; project?: string };

/** The compact event a socket receives: generated from the schema's `RealtimeEventOutput`. */
export type RealtimeEvent = components["schemas"]["RealtimeEventOutput"];

export type ServerMessage =
  | { type: "ready"; user_id: string; heartbeat: number }
  | { type: "subscribed"; topic: string; ref?: string }
  | { type: "unsubscribed"; topic: string; reason: string }
  | { type: "event"; topic: string; event: RealtimeEvent }
  | { type: "notifications"; workspace_id: string }
  | { type: "pong" }
  | { type: "error"; code: string; detail: string; ref?: string };

export type Status = "connecting" | "live" | "reconnecting" | "offline";

type SocketLike = {
  readyState: number;
  send(data: string): void;
  close(code?: number): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
};

export type ConnectionOptions = {
  /** The socket's URL (ws:// or wss://). */
  url: string;
  /** A fresh single-use ticket from POST /api/v1/realtime/ticket. */
  getTicket: () => Promise<string>;
  onMessage: (message: ServerMessage) => void;
  onStatus?: (status: Status) => void;
  /** Called after a reconnect reaches `ready`: messages sent meanwhile are gone. */
  onResync?: () => void;
  createSocket?: (url: string) => SocketLike;
  random?: () => number;
  schedule?: (callback: () => void, ms: number) => unknown;
  cancel?: (handle: unknown) => void;
};

const OPEN = 1;
/** The server refused the page itself: reconnecting cannot help. */
const FINAL_CLOSE_CODES = new Set([4403, 4404]);
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;

export function topicName(topic: Topic): string {
  return topic.project
    ? `project:${topic.workspace}/${topic.project}`
    : `workspace:${topic.workspace}`;
}

/** Full jitter: a random wait up to the exponential step, so clients do not return in step. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
}

export class RealtimeConnection {
  private readonly options: Required<
    Pick<ConnectionOptions, "createSocket" | "random" | "schedule" | "cancel">
  > &
    ConnectionOptions;
  private socket: SocketLike | null = null;
  private readonly topics = new Map<string, { topic: Topic; count: number }>();
  private attempt = 0;
  private everReady = false;
  private ready = false;
  /** Topics asked for on `ready` and not yet answered: "live" waits for them. */
  private readonly pending = new Set<string>();
  private stopped = true;
  private retryTimer: unknown = null;
  private heartbeatTimer: unknown = null;

  constructor(options: ConnectionOptions) {
    this.options = {
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      random: Math.random,
      schedule: (callback, ms) => setTimeout(callback, ms),
      cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    this.everReady = false;
    void this.open();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    this.ready = false;
    if (socket) {
      socket.onclose = null;
      socket.close(1000);
    }
    this.options.onStatus?.("offline");
  }

  /** Show interest in a topic; the returned function withdraws it. */
  subscribe(topic: Topic): () => void {
    const name = topicName(topic);
    const entry = this.topics.get(name);
    if (entry) {
      entry.count += 1;
    } else {
      this.topics.set(name, { topic, count: 1 });
      if (this.ready) this.send({ type: "subscribe", ...topic, ref: name });
    }
    let withdrawn = false;
    return () => {
      if (withdrawn) return;
      withdrawn = true;
      const current = this.topics.get(name);
      if (!current) return;
      current.count -= 1;
      if (current.count === 0) {
        this.topics.delete(name);
        if (this.ready) this.send({ type: "unsubscribe", topic: name });
      }
    };
  }

  private send(message: Record<string, unknown>): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private async open(): Promise<void> {
    this.options.onStatus?.(this.everReady ? "reconnecting" : "connecting");
    let ticket: string;
    try {
      ticket = await this.options.getTicket();
    } catch {
      this.retry();
      return;
    }
    if (this.stopped) return;
    const socket = this.options.createSocket(this.options.url);
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: "auth", ticket }));
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.ready = false;
      this.clearTimers();
      if (FINAL_CLOSE_CODES.has(event.code)) {
        this.stopped = true;
        this.options.onStatus?.("offline");
        return;
      }
      this.retry();
    };
  }

  private retry(): void {
    if (this.stopped) return;
    this.options.onStatus?.("reconnecting");
    const delay = backoffDelay(this.attempt, this.options.random);
    this.attempt += 1;
    this.retryTimer = this.options.schedule(() => {
      this.retryTimer = null;
      void this.open();
    }, delay);
  }

  private receive(data: unknown): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(String(data)) as ServerMessage;
    } catch {
      return;
    }
    if (message.type === "ready") {
      this.ready = true;
      this.attempt = 0;
      this.pending.clear();
      for (const [name, { topic }] of this.topics) {
        this.pending.add(name);
        this.send({ type: "subscribe", ...topic, ref: name });
      }
      this.startHeartbeat(message.heartbeat);
      if (this.everReady) this.options.onResync?.();
      this.everReady = true;
    } else if (message.type === "subscribed" || message.type === "error") {
      // Answers to subscribes carry the topic as their ref.
      const ref = (message as { ref?: unknown }).ref;
      if (typeof ref === "string") this.pending.delete(ref);
    }
    // Live once every topic on screen is subscribed: from then on, what is shown updates itself.
    if (this.ready && this.pending.size === 0 && message.type !== "event") {
      this.options.onStatus?.("live");
    }
    this.options.onMessage(message);
  }

  private startHeartbeat(seconds: number): void {
    const beat = () => {
      this.send({ type: "ping" });
      this.heartbeatTimer = this.options.schedule(beat, Math.max(5, seconds) * 1000);
    };
    this.heartbeatTimer = this.options.schedule(beat, Math.max(5, seconds) * 1000);
  }

  private clearTimers(): void {
    if (this.retryTimer !== null) this.options.cancel(this.retryTimer);
    if (this.heartbeatTimer !== null) this.options.cancel(this.heartbeatTimer);
    this.retryTimer = null;
    this.heartbeatTimer = null;
  }
}
