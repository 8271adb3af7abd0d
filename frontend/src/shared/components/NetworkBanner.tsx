import { useSyncExternalStore } from "react";

import { network, type NetworkState } from "../api/network";

export function useNetworkState(): NetworkState {
  return useSyncExternalStore(network.subscribe, network.state, network.state);
}

/** Says, above every workspace screen, when the API is unreachable or not answering. */
export function NetworkBanner() {
  const state = useNetworkState();
  if (state === "online") return null;
  return state === "offline" ? (
    <p className="network-banner network-banner-offline" role="alert">
      {network.browserOffline() ? "You are offline: " : "Docket cannot be reached (offline or down): "}
      changes made now are not saved, and none are kept to send later.
    </p>
  ) : (
    <p className="network-banner" role="alert">
      Docket is not answering. Waiting for it; what you see may be out of date.
    </p>
  );
}
