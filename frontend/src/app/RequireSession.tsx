import { useEffect, useState } from "react";
import { Navigate, Outlet, useLocation } from "react-router-dom";

import { restoreSession } from "../features/auth";
import { useSession } from "../shared/hooks/useSession";
import { Loading } from "../shared/components/States";
import { RealtimeProvider } from "../features/realtime";

/** Waits before the next try to restore a session while the API cannot be reached. */
function retryDelay(attempt: number): number {
  return Math.min(15_000, 1_000 * 2 ** attempt);
}

/**
 * Routes behind sign-in. On first load a refresh cookie restores the session silently; while the
 * API cannot be reached it keeps trying (sooner when the browser says it is back online) rather
 * than signing the user out.
 */
export function RequireSession() {
  const { token } = useSession();
  const location = useLocation();
  const [restoring, setRestoring] = useState(token === null);
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    if (token !== null) return;
    let active = true;
    let attempt = 0;
    let timer: number | undefined;
    async function tryRestore() {
      window.clearTimeout(timer);
      const outcome = await restoreSession();
      if (!active) return;
      if (outcome === "unreachable") {
        setUnreachable(true);
        timer = window.setTimeout(tryRestore, retryDelay(attempt));
        attempt += 1;
        return;
      }
      setRestoring(false);
    }
    const onOnline = () => void tryRestore();
    window.addEventListener("online", onOnline);
    void tryRestore();
    return () => {
      active = false;
      window.clearTimeout(timer);
      window.removeEventListener("online", onOnline);
    };
    // Only on mount: a later sign-out must not try to restore.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (token)
    return (
      <RealtimeProvider>
        <Outlet />
      </RealtimeProvider>
    );
  if (restoring)
    return unreachable ? (
      <p className="state" role="alert">
        Cannot reach Docket right now. You are still signed in; trying again…
      </p>
    ) : (
      <Loading label="Signing you in" />
    );
  const next = encodeURIComponent(location.pathname + location.search);
  return <Navigate to={`/signin?next=${next}`} replace />;
}
