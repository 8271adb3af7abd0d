import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";

import { api, unwrap, unwrapEmpty } from "../../../shared/api/http";
import { keys, type Schemas } from "../../../shared/api/queries";

export type Role = Schemas["RoleEnum"];

/** A member's role shows in the member list and, for the caller, in the workspace itself. */
function refreshMembers(queryClient: QueryClient, slug: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.members(slug) }),
    queryClient.invalidateQueries({ queryKey: keys.workspace(slug) }),
  ]);
}

/** PATCH a member's role; the list is read again whether it worked or not. */
export function useChangeMemberRole(slug: string, userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (role: Role) =>
      unwrap(
        await api.PATCH("/api/v1/workspaces/{workspace_slug}/members/{user_id}", {
          params: { path: { workspace_slug: slug, user_id: userId } },
          body: { role },
        }),
      ),
    onSettled: () => refreshMembers(queryClient, slug),
  });
}

/** DELETE a member from the workspace. */
export function useRemoveMember(slug: string, userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrapEmpty(
        await api.DELETE("/api/v1/workspaces/{workspace_slug}/members/{user_id}", {
          params: { path: { workspace_slug: slug, user_id: userId } },
        }),
      ),
    onSuccess: () => refreshMembers(queryClient, slug),
  });
}

/** POST an invitation; its answer carries the one-time token for the link. */
export function useInviteMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; role: Role }) =>
      unwrap(
        await api.POST("/api/v1/workspaces/{workspace_slug}/invitations", {
          params: { path: { workspace_slug: slug } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.invitations(slug) }),
  });
}

/** DELETE an open invitation. */
export function useRevokeInvitation(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (invitationId: string) =>
      unwrapEmpty(
        await api.DELETE("/api/v1/workspaces/{workspace_slug}/invitations/{invitation_id}", {
          params: { path: { workspace_slug: slug, invitation_id: invitationId } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.invitations(slug) }),
  });
}
