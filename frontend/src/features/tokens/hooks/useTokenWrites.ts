import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap, unwrapEmpty } from "../../../shared/api/http";
import { keys, type Schemas } from "../../../shared/api/queries";

/** POST a personal token; the answer carries its secret, shown once. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas["PersonalTokenCreateInput"]) =>
      unwrap(await api.POST("/api/v1/me/tokens", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.tokens }),
  });
}

/** DELETE (revoke) a personal token. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (tokenId: string) =>
      unwrapEmpty(
        await api.DELETE("/api/v1/me/tokens/{token_id}", {
          params: { path: { token_id: tokenId } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.tokens }),
  });
}
