import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";

import { restoreSession } from "../api/actions";
import { useSession } from "../../../shared/hooks/useSession";
import { errorMessage, Loading } from "../../../shared/components/States";
import { useAcceptInvitation } from "../hooks/useAcceptInvitation";

export function AcceptInvitationScreen() {
  const { token: inviteToken = "" } = useParams();
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
  const next = encodeURIComponent(`/invite/${inviteToken}`);
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
          accept.mutate(undefined, { onSuccess: (workspace) => navigate(`/w/${workspace.slug}`) })
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
