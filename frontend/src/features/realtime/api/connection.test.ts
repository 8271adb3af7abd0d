import { describe, expect, it } from "vitest";

import {
  BACKOFF_CAP_MS,
  RealtimeConnection,
  backoffDelay,
  type RealtimeEvent,
  type ServerMessage,
  type Status,
} from "./connection";
import { staleKeys } from "./invalidate";

/** A stand-in for the browser's WebSocket that records what the client sends. */
class FakeSocket {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  closedWith: number | null = null;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(code = 1000) {
    this.closedWith = code;
  }
  // The server's side
  accept() {
    this.readyState = 1;
    this.onopen?.({});
  }
  say(message: ServerMessage) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const statuses: Status[] = [];
  const received: ServerMessage[] = [];
  let tickets = 0;
  let resyncs = 0;
  const connection = new RealtimeConnection({
    url: "ws://api.test/ws/v1/",
    getTicket: async () => `ticket-${++tickets}`,
    onMessage: (message) => received.push(message),
    onStatus: (status) => statuses.push(status),
    onResync: () => (resyncs += 1),
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    random: () => 1,
    schedule: (callback, ms) => timers.push({ callback, ms }),
    cancel: () => undefined,
  });
  const flush = () => new Promise((resolve) => queueMicrotask(() => resolve(null)));
  const socket = (n: number): FakeSocket => {
    const found = sockets[n];
    if (!found) throw new Error(`socket ${n} was never opened`);
    return found;
  };
  return { connection, socket, timers, statuses, received, flush, resyncs: () => resyncs };
}

const READY: ServerMessage = { type: "ready", user_id: "u1", heartbeat: 30 };

describe("RealtimeConnection", () => {
  it("authenticates with a ticket first, then subscribes to every topic shown", async () => {
    const h = harness();
    h.connection.subscribe({ workspace: "acme" });
    const offBoard = h.connection.subscribe({ workspace: "acme", project: "ENG" });
    h.connection.subscribe({ workspace: "acme", project: "ENG" }); // a second screen
    h.connection.start();
    await h.flush();
    h.socket(0).accept();
    expect(h.socket(0).sent).toEqual([{ type: "auth", ticket: "ticket-1" }]);
    h.socket(0).say(READY);
    expect(h.socket(0).sent.slice(1)).toEqual([
      { type: "subscribe", workspace: "acme", ref: "workspace:acme" },
      { type: "subscribe", workspace: "acme", project: "ENG", ref: "project:acme/ENG" },
    ]);
    // Live only once every topic on screen is subscribed
    h.socket(0).say({ type: "subscribed", topic: "workspace:acme", ref: "workspace:acme" });
    expect(h.statuses.at(-1)).toBe("connecting");
    h.socket(0).say({ type: "subscribed", topic: "project:acme/ENG", ref: "project:acme/ENG" });
    expect(h.statuses.at(-1)).toBe("live");
    // One screen leaves: the other still shows the project, so no unsubscribe yet
    offBoard();
    offBoard(); // withdrawing twice counts once
    expect(h.socket(0).sent).toHaveLength(3);
  });

  it("unsubscribes when the last screen showing a topic leaves", async () => {
    const h = harness();
    h.connection.start();
    await h.flush();
    h.socket(0).accept();
    h.socket(0).say(READY);
    const off = h.connection.subscribe({ workspace: "acme", project: "OPS" });
    off();
    expect(h.socket(0).sent.slice(1)).toEqual([
      { type: "subscribe", workspace: "acme", project: "OPS", ref: "project:acme/OPS" },
      { type: "unsubscribe", topic: "project:acme/OPS" },
    ]);
  });

  it("reconnects with backoff and a fresh ticket, resubscribes, and asks for a resync", async () => {
    const h = harness();
    h.connection.subscribe({ workspace: "acme", project: "ENG" });
    h.connection.start();
    await h.flush();
    h.socket(0).accept();
    h.socket(0).say(READY);
    expect(h.resyncs()).toBe(0);

    h.socket(0).drop(1012); // the server restarted
    expect(h.statuses.at(-1)).toBe("reconnecting");
    expect(h.timers.map((t) => t.ms).filter((ms) => ms !== 30_000)).toEqual([500]);
    h.timers.find((t) => t.ms === 500)!.callback();
    await h.flush();
    h.socket(1).accept();
    expect(h.socket(1).sent[0]).toEqual({ type: "auth", ticket: "ticket-2" });
    h.socket(1).say(READY);
    expect(h.socket(1).sent[1]).toEqual({
      type: "subscribe",
      workspace: "acme",
      project: "ENG",
      ref: "project:acme/ENG",
    });
    expect(h.resyncs()).toBe(1);
  });

  it("waits longer after each failed attempt, up to the cap", () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, () => 1))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelay(20, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(3, () => 0)).toBe(0); // full jitter reaches down to zero
  });

  it("gives up when the server refuses the page itself", async () => {
    const h = harness();
    h.connection.start();
    await h.flush();
    h.socket(0).drop(4403);
    expect(h.statuses.at(-1)).toBe("offline");
    expect(h.timers.filter((t) => t.ms !== 30_000)).toEqual([]);
  });

  it("passes events on and ignores frames that are not JSON", async () => {
    const h = harness();
    h.connection.start();
    await h.flush();
    h.socket(0).accept();
    h.socket(0).onmessage?.({ data: "not json" });
    h.socket(0).say({ type: "notifications", workspace_id: "w1" });
    expect(h.received).toEqual([{ type: "notifications", workspace_id: "w1" }]);
  });
});

describe("staleKeys", () => {
  const event = (name: RealtimeEvent["name"], label: string): RealtimeEvent => ({
    id: 1,
    name,
    subject: { type: name.split(".")[0] ?? "", id: "s1", label },
    workspace_id: "w1",
    project_id: "p1",
    actor_id: null,
    version: 1,
    fields: ["state"],
    at: "2026-11-25T00:00:00Z",
  });

  it("marks only the issue's history stale on an issue event (the issue is patched in)", () => {
    expect(staleKeys("project:acme/ENG", event("issue.moved", "ENG-7"))).toEqual([
      ["workspace", "acme", "issue", "ENG-7", "activity"],
    ]);
  });

  it("marks an issue's comments stale on a comment event, not the project's lists", () => {
    expect(staleKeys("project:acme/ENG", event("comment.created", "ENG-7"))).toEqual([
      ["workspace", "acme", "issue", "ENG-7", "comments"],
      ["workspace", "acme", "issue", "ENG-7", "activity"],
    ]);
  });

  it("marks the sidebar stale on a project event, members on a member event", () => {
    expect(staleKeys("workspace:acme", event("project.updated", "ENG"))).toEqual([
      ["workspace", "acme", "projects"],
      ["workspace", "acme", "project", "ENG"],
    ]);
    expect(staleKeys("workspace:acme", event("member.removed", "Pat"))).toEqual([
      ["workspace", "acme", "members"],
      ["workspace", "acme"],
    ]);
  });

  it("ignores topics it cannot read", () => {
    expect(staleKeys("garbage", event("issue.moved", "ENG-7"))).toEqual([]);
  });
});
