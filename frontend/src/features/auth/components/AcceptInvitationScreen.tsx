import { useEffect, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";

import { restoreSession } from "../api/actions";
import { useSession } from "../../../shared/hooks/useSession";
import { errorMessage, Loading } from "../../../shared/components/States";
import { useAcceptInvitation } from "../hooks/useAcceptInvitation";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";

// The invitation's token travels in the URL fragment (`/invite#token=…`), which browsers never
// send to a server nor put in a Referer; while the person signs in or up it waits in this tab's
// session storage, so no other URL carries it either.
const PENDING_INVITATION = "docket.pendingInvitation";

function fragmentToken(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, "")).get("token") ?? "";
}

function useInvitationToken(): string {
  const { token: pathToken = "" } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const inviteToken =
    fragmentToken(location.hash) || pathToken || sessionStorage.getItem(PENDING_INVITATION) || "";

  useEffect(() => {
    if (!inviteToken) return;
    sessionStorage.setItem(PENDING_INVITATION, inviteToken);
    // An old link (`/invite/<token>`): the token leaves the path at once, for the fragment.
    if (pathToken) {
      navigate(`/invite#token=${encodeURIComponent(inviteToken)}`, { replace: true });
    }
  }, [inviteToken, pathToken, navigate]);

  return inviteToken;
}

export function AcceptInvitationScreen() {
  useDocumentTitle(["Invitation"]);
  const inviteToken = useInvitationToken();
  const { token } = useSession();
  const [restoring, setRestoring] = useState(token === null);

  useEffect(() => {
    if (token !== null) return;
    let active = true;
    restoreSession().finally(() => active && setRestoring(false));
    return () => {
      active = false;
    };
    // Only once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (token) return <AcceptInvitation inviteToken={inviteToken} />;
  if (restoring) return <Loading label="Checking your session" />;
  const next = encodeURIComponent("/invite");
  return (
    <main className="auth-card">
      <h1>Join Docket</h1>
      <p>You have been invited to a Docket workspace.</p>
      <p>
        <Link to={`/signup?next=${next}`}>Create an account</Link> or{" "}
        <Link to={`/signin?next=${next}`}>sign in</Link> with the email address the invitation was
        sent to.
      </p>
    </main>
  );
}

function AcceptInvitation({ inviteToken }: { inviteToken: string }) {
  const navigate = useNavigate();
  const accept = useAcceptInvitation(inviteToken);

  return (
    <main className="auth-card">
      <h1>Join a workspace</h1>
      <p>You have been invited to a Docket workspace.</p>
      {accept.isError && (
        <p className="field-error" role="alert">
          {errorMessage(accept.error)}
        </p>
      )}
      <button
        type="button"
        className="primary"
        disabled={accept.isPending}
        onClick={() =>
          accept.mutate(undefined, {
            onSuccess: (workspace) => {
              sessionStorage.removeItem(PENDING_INVITATION);
              navigate(`/w/${workspace.slug}`);
            },
          })
        }
      >
        Accept invitation
      </button>
      <p>
        <Link to="/">Not now</Link>
      </p>
    </main>
  );
}
