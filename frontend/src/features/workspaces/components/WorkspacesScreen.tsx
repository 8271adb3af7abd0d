import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router-dom";

import { workspacesQuery, type Workspace } from "../../../shared/api/queries";
import { EmptyState, ErrorState, formErrors, Loading } from "../../../shared/components/States";
import { useCreateWorkspace } from "../hooks/useCreateWorkspace";

/** "Acme Corp!" -> "acme-corp" (the API's slug rule: a-z, 0-9 and inner dashes, max 40). */
export function suggestSlug(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

export function WorkspacesScreen() {
  const workspaces = useQuery(workspacesQuery());
  return (
    <main className="page page-narrow">
      <h1>Your workspaces</h1>
      {workspaces.isPending ? (
        <Loading label="Loading workspaces" />
      ) : workspaces.isError ? (
        <ErrorState error={workspaces.error} />
      ) : workspaces.data.length === 0 ? (
        <EmptyState title="You are not in any workspace yet">
          <p>Create one below, or ask a colleague for an invitation.</p>
        </EmptyState>
      ) : (
        <WorkspaceList workspaces={workspaces.data} />
      )}
      <h2>Create a workspace</h2>
      <CreateWorkspaceForm />
    </main>
  );
}

function WorkspaceList({ workspaces }: { workspaces: Workspace[] }) {
  return (
    <ul className="item-list">
      {workspaces.map((workspace) => (
        <li key={workspace.id}>
          <Link to={`/w/${workspace.slug}`}>{workspace.name}</Link>
          <span className="muted">
            /{workspace.slug} · {workspace.role}
          </span>
        </li>
      ))}
    </ul>
  );
}

function CreateWorkspaceForm() {
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const create = useCreateWorkspace();
  const error = create.error;
  const { field: fieldError, general: generalError } = formErrors(error, ["name", "slug"]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { name, slug },
      { onSuccess: (workspace) => navigate(`/w/${workspace.slug}`) },
    );
  }

  return (
    <form onSubmit={onSubmit} className="inline-form">
      <div className="field">
        <label htmlFor="workspace-name">Workspace name</label>
        <input id="workspace-name"
          required
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            if (!slugEdited) setSlug(suggestSlug(event.target.value));
          }}
        />
        {fieldError("name") && <span className="field-error">{fieldError("name")}</span>}
      </div>
      <div className="field">
        <label htmlFor="workspace-slug">URL slug</label>
        <input id="workspace-slug"
          required
          value={slug}
          onChange={(event) => {
            setSlug(event.target.value);
            setSlugEdited(true);
          }}
        />
        {fieldError("slug") && <span className="field-error">{fieldError("slug")}</span>}
      </div>
      {generalError && (
        <p className="field-error" role="alert">
          {generalError}
        </p>
      )}
      <button type="submit" className="primary" disabled={create.isPending}>
        Create workspace
      </button>
    </form>
  );
}
