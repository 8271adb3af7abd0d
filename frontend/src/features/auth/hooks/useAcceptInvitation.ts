import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../shared/api/http";
import { keys } from "../../../shared/api/queries";

/** POST the invitation token; the workspace list (now with the new one) is read again. */
export function useAcceptInvitation(inviteToken: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST("/api/v1/invitations/accept", { body: { token: inviteToken } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.workspaces }),
  });
}
