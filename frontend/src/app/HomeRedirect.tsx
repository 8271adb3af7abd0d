import { useQuery } from "@tanstack/react-query";
import { Navigate } from "react-router-dom";

import { workspacesQuery } from "../shared/api/queries";
import { ErrorState, Loading } from "../shared/components/States";
import { lastWorkspace } from "./lastWorkspace";

/** "/" opens the workspace used last, else the first one, else the workspace list. */
export function HomeRedirect() {
  const workspaces = useQuery(workspacesQuery());
  if (workspaces.isPending) return <Loading label="Loading workspaces" />;
  if (workspaces.isError) return <ErrorState error={workspaces.error} />;
  const remembered = lastWorkspace.get();
  const target =
    workspaces.data.find((w) => w.slug === remembered) ?? workspaces.data[0] ?? null;
  return <Navigate to={target ? `/w/${target.slug}` : "/workspaces"} replace />;
}
