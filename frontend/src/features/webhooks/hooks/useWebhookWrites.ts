import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap, unwrapEmpty } from "../../../shared/api/http";
import { keys, type Schemas } from "../../../shared/api/queries";

/** POST a webhook endpoint; the answer carries its signing secret, shown once. */
export function useCreateWebhook(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas["WebhookEndpointCreateInput"]) =>
      unwrap(
        await api.POST("/api/v1/workspaces/{workspace_slug}/webhooks", {
          params: { path: { workspace_slug: slug } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.webhooks(slug) }),
  });
}

function useRefreshWebhooks(slug: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.webhooks(slug) });
}

/** PATCH an endpoint on or off. */
export function useSetWebhookActive(slug: string, endpointId: string) {
  const refresh = useRefreshWebhooks(slug);
  return useMutation({
    mutationFn: async (isActive: boolean) =>
      unwrap(
        await api.PATCH("/api/v1/workspaces/{workspace_slug}/webhooks/{endpoint_id}", {
          params: { path: { workspace_slug: slug, endpoint_id: endpointId } },
          body: { is_active: isActive },
        }),
      ),
    onSettled: refresh,
  });
}

/** POST rotate-secret; the answer carries the new secret. */
export function useRotateWebhookSecret(slug: string, endpointId: string) {
  const refresh = useRefreshWebhooks(slug);
  return useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST("/api/v1/workspaces/{workspace_slug}/webhooks/{endpoint_id}/rotate-secret", {
          params: { path: { workspace_slug: slug, endpoint_id: endpointId } },
        }),
      ),
    onSettled: refresh,
  });
}

/** DELETE an endpoint. */
export function useDeleteWebhook(slug: string, endpointId: string) {
  const refresh = useRefreshWebhooks(slug);
  return useMutation({
    mutationFn: async () =>
      unwrapEmpty(
        await api.DELETE("/api/v1/workspaces/{workspace_slug}/webhooks/{endpoint_id}", {
          params: { path: { workspace_slug: slug, endpoint_id: endpointId } },
        }),
      ),
    onSuccess: refresh,
  });
}

/** POST redeliver for one delivery; the endpoint's delivery log is read again. */
export function useRedeliver(slug: string, endpointId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (deliveryId: string) =>
      unwrap(
        await api.POST(
          "/api/v1/workspaces/{workspace_slug}/webhooks/{endpoint_id}/deliveries/{delivery_id}/redeliver",
          { params: { path: { workspace_slug: slug, endpoint_id: endpointId, delivery_id: deliveryId } } },
        ),
      ),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: keys.webhookDeliveries(slug, endpointId) }),
  });
}
