import { useInfiniteQuery } from "@tanstack/react-query";

import { webhookDeliveriesQuery, type WebhookDelivery } from "../../../shared/api/queries";
import { formatDateTime } from "../../issues";
import { EmptyState, ErrorState, errorMessage, Loading } from "../../../shared/components/States";
import { useRedeliver } from "../hooks/useWebhookWrites";

const STATUS_NAMES: Record<WebhookDelivery["status"], string> = {
  pending: "Pending",
  sending: "Sending",
  succeeded: "Delivered",
  failed: "Failed",
};

/** What the receiver last answered: its status code, or why there was no answer. */
function lastAnswer(delivery: WebhookDelivery): string {
  if (delivery.last_error) return delivery.last_error;
  if (delivery.last_status_code !== null) return String(delivery.last_status_code);
  return "—";
}

/** One endpoint's deliveries, newest first, each with a "Redeliver" button. */
export function WebhookDeliveryLog(props: { slug: string; endpointId: string; url: string }) {
  const { slug, endpointId } = props;
  const log = useInfiniteQuery(webhookDeliveriesQuery(slug, endpointId));
  const redeliver = useRedeliver(slug, endpointId);
  const deliveries = log.data?.pages.flatMap((page) => page.results) ?? [];

  if (log.isPending) return <Loading label="Loading deliveries" />;
  if (log.isError) return <ErrorState error={log.error} />;
  if (deliveries.length === 0) {
    return (
      <EmptyState title="No deliveries yet">
        <p className="muted">Events this endpoint subscribes to will show here as they are sent.</p>
      </EmptyState>
    );
  }
  return (
    <>
      {redeliver.isError && (
        <p className="field-error" role="alert">
          {errorMessage(redeliver.error)}
        </p>
      )}
      <table className="table webhook-deliveries" aria-label={`Deliveries to ${props.url}`}>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Created</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last answer</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id}>
              <td>
                <code>{delivery.event_name}</code>
              </td>
              <td className="cell-nowrap">{formatDateTime(delivery.created_at)}</td>
              <td>
                <span className={`badge delivery-${delivery.status}`}>
                  {STATUS_NAMES[delivery.status]}
                </span>
                {delivery.status === "pending" && delivery.attempts > 0 && (
                  <span className="muted small"> next {formatDateTime(delivery.next_attempt_at)}</span>
                )}
              </td>
              <td>{delivery.attempts}</td>
              <td className="webhook-answer">{lastAnswer(delivery)}</td>
              <td className="actions">
                <button
                  type="button"
                  disabled={redeliver.isPending}
                  onClick={() => redeliver.mutate(delivery.id)}
                >
                  Redeliver
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.hasNextPage && (
        <button
          type="button"
          className="load-more"
          disabled={log.isFetchingNextPage}
          onClick={() => log.fetchNextPage()}
        >
          {log.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </>
  );
}
