import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router-dom";

import { CopyField } from "../../../shared/components/CopyField";
import { tokensQuery, workspacesQuery, type PersonalToken, type Schemas } from "../../../shared/api/queries";
import { EmptyState, ErrorState, errorMessage, formErrors, Loading } from "../../../shared/components/States";
import { useCreateToken, useRevokeToken } from "../hooks/useTokenWrites";

type Scope = Schemas["TokenScopeEnum"];
const SCOPE_NAMES: Record<Scope, string> = { read: "Read only", write: "Read and write" };
const EXPIRIES = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
];
const DAY_MS = 24 * 60 * 60 * 1000;

function expiryDate(choice: string): string | null {
  return choice === "never" ? null : new Date(Date.now() + Number(choice) * DAY_MS).toISOString();
}

function shortDate(value: string | null | undefined, none: string): string {
  return value ? new Date(value).toLocaleDateString() : none;
}

/** Personal access tokens: for bots and scripts, one workspace each, the secret shown once. */
export function TokensScreen() {
  const tokens = useQuery(tokensQuery());
  return (
    <div className="page">
      <h1>API tokens</h1>
      <p className="muted">
        A token acts as you in one workspace, with your access or less. Send it as{" "}
        <code>Authorization: Bearer dkt_pat_…</code>.
      </p>
      <h2>Create a token</h2>
      <CreateTokenForm />
      <h2>Your tokens</h2>
      {tokens.isPending ? (
        <Loading label="Loading tokens" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} />
      ) : tokens.data.length === 0 ? (
        <EmptyState title="No tokens yet" />
      ) : (
        <TokenTable tokens={tokens.data} />
      )}
    </div>
  );
}

function CreateTokenForm() {
  const { slug = "" } = useParams();
  const workspaces = useQuery(workspacesQuery());
  const [name, setName] = useState("");
  const [workspace, setWorkspace] = useState(slug);
  const [scope, setScope] = useState<Scope>("read");
  const [expiry, setExpiry] = useState("90");
  const create = useCreateToken();
  const errors = formErrors(create.error, ["name", "workspace", "scope", "expires_at"]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { name, workspace, scope, expires_at: expiryDate(expiry) },
      { onSuccess: () => setName("") },
    );
  }

  return (
    <>
      <form onSubmit={onSubmit} className="inline-form">
        <div className="field">
          <label htmlFor="token-name">Name</label>
          <input
            id="token-name"
            required
            maxLength={100}
            placeholder="CI bot"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="token-workspace">Workspace</label>
          <select
            id="token-workspace"
            value={workspace}
            onChange={(event) => setWorkspace(event.target.value)}
          >
            {(workspaces.data ?? [{ id: slug, slug, name: slug }]).map((option) => (
              <option key={option.id} value={option.slug}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="token-scope">Access</label>
          <select
            id="token-scope"
            value={scope}
            onChange={(event) => setScope(event.target.value as Scope)}
          >
            {(Object.keys(SCOPE_NAMES) as Scope[]).map((option) => (
              <option key={option} value={option}>
                {SCOPE_NAMES[option]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="token-expiry">Expires</label>
          <select
            id="token-expiry"
            value={expiry}
            onChange={(event) => setExpiry(event.target.value)}
          >
            {EXPIRIES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create token
        </button>
        {create.isError && (
          <p className="field-error" role="alert">
            {errors.general ??
              ["name", "workspace", "scope", "expires_at"].map(errors.field).find(Boolean)}
          </p>
        )}
      </form>
      {create.data && <NewTokenSecret name={create.data.name} secret={create.data.secret} />}
    </>
  );
}

function NewTokenSecret({ name, secret }: { name: string; secret: string }) {
  return (
    <div className="notice invitation-link">
      <p>Token “{name}” created. Copy it now: it will not be shown again.</p>
      <CopyField id="token-secret" label="Token" value={secret} copyLabel="Copy token" />
    </div>
  );
}

function TokenTable({ tokens }: { tokens: PersonalToken[] }) {
  const revoke = useRevokeToken();
  const now = Date.now();

  return (
    <>
      {revoke.isError && (
        <p className="field-error" role="alert">
          {errorMessage(revoke.error)}
        </p>
      )}
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Workspace</th>
              <th scope="col">Access</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => {
              const expired = token.expires_at !== null && Date.parse(token.expires_at) <= now;
              return (
                <tr key={token.id}>
                  <td>
                    {token.name} <code className="muted">{token.prefix}…</code>
                  </td>
                  <td>{token.workspace}</td>
                  <td>{SCOPE_NAMES[token.scope]}</td>
                  <td>{shortDate(token.created_at, "")}</td>
                  <td>{shortDate(token.last_used_at, "Never")}</td>
                  <td>{expired ? "Expired" : shortDate(token.expires_at, "Never")}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="danger"
                      disabled={revoke.isPending}
                      onClick={() => {
                        const question = `Revoke “${token.name}”? Anything using it stops working.`;
                        if (window.confirm(question)) revoke.mutate(token.id);
                      }}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
