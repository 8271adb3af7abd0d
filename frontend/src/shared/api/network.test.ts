import { afterEach, describe, expect, it, vi } from "vitest";

import { ApiError, createTrackedFetch } from "./http";
import { HUNG_AFTER_MS, network } from "./network";

describe("the network status", () => {
  afterEach(() => vi.useRealTimers());

  it("is hung while a request waits too long, offline when the API cannot be reached", async () => {
    vi.useFakeTimers();
    let answer: (response: Response) => void = () => {};
    const slow = createTrackedFetch(
      (() => new Promise<Response>((resolve) => (answer = resolve))) as typeof fetch,
    );
    const pending = slow(new Request("http://api.test/slow"));
    expect(network.state()).toBe("online");
    await vi.advanceTimersByTimeAsync(HUNG_AFTER_MS + 10);
    expect(network.state()).toBe("hung");
    answer(new Response("{}"));
    await pending;
    expect(network.state()).toBe("online");

    const refused = createTrackedFetch((async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch);
    const failure = await refused(new Request("http://api.test/down")).catch((error) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(0);
    expect(network.state()).toBe("offline");
  });

  it("gives up on a request that never answers", async () => {
    vi.useFakeTimers();
    const never = createTrackedFetch(
      ((_input: Request) =>
        new Promise<Response>((_resolve, reject) =>
          _input.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
        )) as unknown as typeof fetch,
      1_000,
    );
    const result = never(new Request("http://api.test/hang")).catch((error) => error);
    await vi.advanceTimersByTimeAsync(1_100);
    const error = (await result) as ApiError;
    expect(error.code).toBe("timeout");
  });
});
