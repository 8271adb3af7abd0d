import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../shared/api/http";
import { keys, type Schemas } from "../../../shared/api/queries";

/** POST a workspace; the workspace list is read again before the caller moves on. */
export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas["WorkspaceCreateInput"]) =>
      unwrap(await api.POST("/api/v1/workspaces", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.workspaces }),
  });
}
