import { useEffect, useState } from "react";
import { Navigate, Outlet, useLocation } from "react-router-dom";

import { restoreSession } from "../auth/actions";
import { useSession } from "../auth/useSession";
import { Loading } from "../components/States";
import { RealtimeProvider } from "../realtime/RealtimeProvider";

/** Routes behind sign-in. On first load a refresh cookie restores the session silently. */
export function RequireSession() {
  const { token } = useSession();
  const location = useLocation();
  const [restoring, setRestoring] = useState(token === null);

  useEffect(() => {
    if (token !== null) return;
    let active = true;
    restoreSession().finally(() => active && setRestoring(false));
    return () => {
      active = false;
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
  if (restoring) return <Loading label="Signing you in" />;
  const next = encodeURIComponent(location.pathname + location.search);
  return <Navigate to={`/signin?next=${next}`} replace />;
}
