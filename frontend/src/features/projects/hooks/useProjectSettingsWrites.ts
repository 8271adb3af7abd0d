import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap, unwrapEmpty } from "../../../shared/api/http";
import { keys, projectQuery, type Schemas } from "../../../shared/api/queries";

/** The project a settings write goes to. */
export type Where = { slug: string; projectKey: string };

type StateCategory = Schemas["StateCategoryEnum"];

const paths = ({ slug, projectKey }: Where) => ({ workspace_slug: slug, project_key: projectKey });

/** Everything under the project (states, labels, issues showing them) is read again. */
function useRefreshProject(where: Where) {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({ queryKey: keys.project(where.slug, where.projectKey) });
}

/** POST archive or unarchive; the project and the workspace's project list are read again. */
export function useToggleArchive(where: Where, archived: boolean) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const params = { path: paths(where) };
      return unwrap(
        archived
          ? await api.POST(
              "/api/v1/workspaces/{workspace_slug}/projects/{project_key}/unarchive",
              { params },
            )
          : await api.POST("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/archive", {
              params,
            }),
      );
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.project(where.slug, where.projectKey) }),
        queryClient.invalidateQueries({ queryKey: keys.projects(where.slug) }),
      ]),
  });
}

/** POST the whole new order of the workflow states. */
export function useReorderStates(where: Where) {
  const refresh = useRefreshProject(where);
  return useMutation({
    mutationFn: async (stateIds: string[]) =>
      unwrap(
        await api.POST(
          "/api/v1/workspaces/{workspace_slug}/projects/{project_key}/states/reorder",
          { params: { path: paths(where) }, body: { state_ids: stateIds } },
        ),
      ),
    onSettled: refresh,
  });
}

/** PATCH a state's name. */
export function useRenameState(where: Where, stateId: string) {
  const refresh = useRefreshProject(where);
  return useMutation({
    mutationFn: async (name: string) =>
      unwrap(
        await api.PATCH(
          "/api/v1/workspaces/{workspace_slug}/projects/{project_key}/states/{state_id}",
          { params: { path: { ...paths(where), state_id: stateId } }, body: { name } },
        ),
      ),
    onSuccess: refresh,
  });
}

/** DELETE a state, moving its issues to `moveTo` when given (the API asks for it if needed). */
export function useDeleteState(where: Where, stateId: string) {
  const refresh = useRefreshProject(where);
  return useMutation({
    mutationFn: async (moveTo: string | null) =>
      unwrapEmpty(
        await api.DELETE(
          "/api/v1/workspaces/{workspace_slug}/projects/{project_key}/states/{state_id}",
          {
            params: {
              path: { ...paths(where), state_id: stateId },
              query: moveTo ? { move_to: moveTo } : {},
            },
          },
        ),
      ),
    onSuccess: refresh,
  });
}

/** POST a new state. */
export function useAddState(where: Where) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; category: StateCategory; color: string }) =>
      unwrap(
        await api.POST("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/states", {
          params: { path: paths(where) },
          body,
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: keys.states(where.slug, where.projectKey) }),
  });
}

/** PATCH a label's name and colour. */
export function useSaveLabel(where: Where, labelId: string) {
  const refresh = useRefreshProject(where);
  return useMutation({
    mutationFn: async (body: { name: string; color: string }) =>
      unwrap(
        await api.PATCH(
          "/api/v1/workspaces/{workspace_slug}/projects/{project_key}/labels/{label_id}",
          { params: { path: { ...paths(where), label_id: labelId } }, body },
        ),
      ),
    onSuccess: refresh,
  });
}

/** DELETE a label (the API takes it off every issue). */
export function useDeleteLabel(where: Where, labelId: string) {
  const refresh = useRefreshProject(where);
  return useMutation({
    mutationFn: async () =>
      unwrapEmpty(
        await api.DELETE(
          "/api/v1/workspaces/{workspace_slug}/projects/{project_key}/labels/{label_id}",
          { params: { path: { ...paths(where), label_id: labelId } } },
        ),
      ),
    onSuccess: refresh,
  });
}

/** POST a new label. */
export function useAddLabel(where: Where) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; color: string }) =>
      unwrap(
        await api.POST("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/labels", {
          params: { path: paths(where) },
          body,
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: keys.labels(where.slug, where.projectKey) }),
  });
}

/** DELETE a member from the project (they stay in the workspace). */
export function useRemoveProjectMember(where: Where, userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrapEmpty(
        await api.DELETE(
          "/api/v1/workspaces/{workspace_slug}/projects/{project_key}/members/{user_id}",
          { params: { path: { ...paths(where), user_id: userId } } },
        ),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: keys.projectMembers(where.slug, where.projectKey),
      }),
  });
}

/** POST a workspace member into the project. */
export function useAddProjectMember(where: Where) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (userId: string) =>
      unwrap(
        await api.POST("/api/v1/workspaces/{workspace_slug}/projects/{project_key}/members", {
          params: { path: paths(where) },
          body: { user_id: userId },
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: keys.projectMembers(where.slug, where.projectKey),
      }),
  });
}

/** PATCH the project's lead (null: none); the project's copy becomes the server's answer. */
export function useSetProjectLead(where: Where) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (leadId: string | null) =>
      unwrap(
        await api.PATCH("/api/v1/workspaces/{workspace_slug}/projects/{project_key}", {
          params: { path: paths(where) },
          body: { lead_id: leadId },
        }),
      ),
    onSuccess: (saved) =>
      queryClient.setQueryData(projectQuery(where.slug, where.projectKey).queryKey, saved),
  });
}
