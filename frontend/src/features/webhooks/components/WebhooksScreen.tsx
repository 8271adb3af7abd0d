import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router-dom";

import { webhooksQuery, workspaceQuery, type WebhookEndpoint } from "../../../shared/api/queries";
import { CopyField } from "../../../shared/components/CopyField";
import { EmptyState, ErrorState, errorMessage, Loading } from "../../../shared/components/States";
import { formatDateTime } from "../../issues";
import { CreateWebhookForm } from "./CreateWebhookForm";
import { WebhookDeliveryLog } from "./WebhookDeliveryLog";
import { EVENT_NAMES } from "../lib/eventNames";
import { useDeleteWebhook, useRotateWebhookSecret, useSetWebhookActive } from "../hooks/useWebhookWrites";

const SHOWN_EVENTS = 3;

/** The workspace's webhook endpoints (admins and owners): add, turn off/on, rotate, the log. */
export function WebhooksScreen() {
  const { slug = "" } = useParams();
  const workspace = useQuery(workspaceQuery(slug));
  const role = workspace.data?.role;

  return (
    <div className="page">
      <h1>Webhooks</h1>
      <p className="muted">
        Docket POSTs each event you choose to your receiver, signed with the endpoint's secret
        (Standard Webhooks). Answer with a 2xx within 10 seconds; failed deliveries are retried for
        about three days.
      </p>
      {workspace.isPending ? (
        <Loading label="Loading webhooks" />
      ) : workspace.isError ? (
        <ErrorState error={workspace.error} />
      ) : !(role === "owner" || role === "admin") ? (
        <EmptyState title="Only admins and owners manage webhooks">
          <p className="muted">Ask an admin of this workspace if you need one.</p>
        </EmptyState>
      ) : (
        <>
          <h2>Add an endpoint</h2>
          <CreateWebhookForm slug={slug} />
          <h2>Endpoints</h2>
          <EndpointList slug={slug} />
        </>
      )}
    </div>
  );
}

function EndpointList({ slug }: { slug: string }) {
  const endpoints = useQuery(webhooksQuery(slug));
  if (endpoints.isPending) return <Loading label="Loading endpoints" />;
  if (endpoints.isError) return <ErrorState error={endpoints.error} />;
  if (endpoints.data.length === 0) {
    return (
      <EmptyState title="No endpoints yet">
        <p className="muted">Add one above to receive this workspace's events.</p>
      </EmptyState>
    );
  }
  return (
    <div className="table-scroll webhook-table-scroll">
      <table className="table webhook-endpoints" aria-label="Webhook endpoints">
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col">Events</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        {endpoints.data.map((endpoint) => (
          <EndpointRows key={endpoint.id} slug={slug} endpoint={endpoint} />
        ))}
      </table>
    </div>
  );
}

function EventList({ names }: { names: string[] }) {
  if (names.length === EVENT_NAMES.length) return <>All events</>;
  const shown = names.slice(0, SHOWN_EVENTS);
  const more = names.length - shown.length;
  return (
    <span className="chips" title={names.join(", ")}>
      {shown.map((name) => (
        <code key={name}>{name}</code>
      ))}
      {more > 0 && <span className="muted">+{more} more</span>}
    </span>
  );
}

function EndpointStatus({ endpoint }: { endpoint: WebhookEndpoint }) {
  if (!endpoint.is_active) {
    return (
      <>
        <span className="badge badge-off">Disabled</span>
        {endpoint.disabled_reason && <div className="small">{endpoint.disabled_reason}</div>}
        {endpoint.disabled_at && (
          <div className="muted small">since {formatDateTime(endpoint.disabled_at)}</div>
        )}
      </>
    );
  }
  return (
    <>
      <span className="badge badge-on">Active</span>
      {endpoint.failing_since && (
        <div className="field-error">Failing since {formatDateTime(endpoint.failing_since)}</div>
      )}
    </>
  );
}

/** One endpoint: its row, then (when opened) its new secret and its delivery log. */
function EndpointRows({ slug, endpoint }: { slug: string; endpoint: WebhookEndpoint }) {
  const [showLog, setShowLog] = useState(false);
  const setActive = useSetWebhookActive(slug, endpoint.id);
  const rotate = useRotateWebhookSecret(slug, endpoint.id);
  const remove = useDeleteWebhook(slug, endpoint.id);
  const error = setActive.error ?? rotate.error ?? remove.error;
  const busy = setActive.isPending || rotate.isPending || remove.isPending;
  const logId = `webhook-log-${endpoint.id}`;

  return (
    <tbody>
      <tr>
        <td className="webhook-url">
          <code>{endpoint.url}</code>
          {endpoint.description && <div className="muted small">{endpoint.description}</div>}
        </td>
        <td>
          <EventList names={endpoint.event_types} />
        </td>
        <td>
          <EndpointStatus endpoint={endpoint} />
        </td>
        <td className="actions webhook-actions">
          <button
            type="button"
            aria-expanded={showLog}
            aria-controls={showLog ? logId : undefined}
            onClick={() => setShowLog((open) => !open)}
          >
            {showLog ? "Hide deliveries" : "Deliveries"}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => setActive.mutate(!endpoint.is_active)}
          >
            {endpoint.is_active ? "Turn off" : "Turn on"}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              const question =
                "Give this endpoint a new signing secret? The current one keeps signing for 24 hours.";
              if (window.confirm(question)) rotate.mutate();
            }}
          >
            Rotate secret
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => {
              const question = `Delete the endpoint ${endpoint.url} and its delivery log?`;
              if (window.confirm(question)) remove.mutate();
            }}
          >
            Delete
          </button>
        </td>
      </tr>
      {error && (
        <tr>
          <td colSpan={4}>
            <p className="field-error" role="alert">
              {errorMessage(error)}
            </p>
          </td>
        </tr>
      )}
      {rotate.data && (
        <tr>
          <td colSpan={4}>
            <div className="notice invitation-link">
              <p>
                New signing secret for {endpoint.url}. Copy it now: you will not see it again. The
                old secret keeps signing deliveries for 24 hours (until{" "}
                {formatDateTime(rotate.data.previous_secret_expires_at)}).
              </p>
              <CopyField
                id={`webhook-secret-${endpoint.id}`}
                label="New signing secret"
                value={rotate.data.secret}
                copyLabel="Copy secret"
              />
            </div>
          </td>
        </tr>
      )}
      {showLog && (
        <tr id={logId} className="webhook-log-row">
          <td colSpan={4}>
            <WebhookDeliveryLog slug={slug} endpointId={endpoint.id} url={endpoint.url} />
          </td>
        </tr>
      )}
    </tbody>
  );
}
