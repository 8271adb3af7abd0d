import { useMutation, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";

import { api, unwrap } from "../../../shared/api/http";
import { ErrorState, Loading, errorMessage } from "../../../shared/components/States";

// The app's authorization request, passed through unchanged to the API (docs/tokens.md).
const REQUEST_PARAMETERS = [
  "response_type",
  "client_id",
  "redirect_uri",
  "scope",
  "state",
  "code_challenge",
  "code_challenge_method",
] as const;

type AuthorizationQuery = Record<(typeof REQUEST_PARAMETERS)[number], string>;

function authorizationQuery(params: URLSearchParams): AuthorizationQuery {
  return Object.fromEntries(
    REQUEST_PARAMETERS.map((name) => [name, params.get(name) ?? ""]),
  ) as AuthorizationQuery;
}

/** /oauth/authorize: a member sees what a third-party app asks for, and allows or denies it. */
export function ConsentScreen() {
  const [params] = useSearchParams();
  const query = authorizationQuery(params);
  const consent = useQuery({
    queryKey: ["oauth-consent", query],
    queryFn: async () => unwrap(await api.GET("/api/v1/oauth/authorize", { params: { query } })),
    retry: false,
  });
  const answer = useMutation({
    mutationFn: async (allow: boolean) =>
      unwrap(await api.POST("/api/v1/oauth/authorize", { params: { query }, body: { allow } })),
    // Leaving the SPA for the app's redirect URI, with the code (or the refusal).
    onSuccess: ({ redirect_to }) => window.location.assign(redirect_to),
  });

  if (consent.isPending) return <Loading label="Loading the request" />;
  if (consent.isError) return <ErrorState error={consent.error} />;
  const request = consent.data;
  return (
    <main className="auth-card" aria-labelledby="consent-title">
      <h1 id="consent-title">Allow {request.app_name}?</h1>
      <p>
        {request.app_name} asks to act as you in the workspace <strong>{request.workspace}</strong>
        . It will be able to:
      </p>
      <ul aria-label="Requested access">
        {request.scopes.map((scope) => (
          <li key={scope.scope}>
            {scope.description} <code>{scope.scope}</code>
          </li>
        ))}
      </ul>
      <p>You will be sent back to {new URL(request.redirect_uri).origin}.</p>
      {answer.isError && <p role="alert">{errorMessage(answer.error)}</p>}
      <div className="actions">
        <button type="button" disabled={answer.isPending} onClick={() => answer.mutate(true)}>
          Allow
        </button>
        <button type="button" disabled={answer.isPending} onClick={() => answer.mutate(false)}>
          Deny
        </button>
      </div>
    </main>
  );
}
