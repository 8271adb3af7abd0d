import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";

import { PROJECT_KEY_PATTERN } from "../../../shared/api/constants";
import { projectsQuery, workspaceQuery, type Project } from "../../../shared/api/queries";
import { EmptyState, ErrorState, formErrors, Loading } from "../../../shared/components/States";
import { useCreateProject } from "../hooks/useCreateProject";

/** "Mobile App" -> "MA", "Website" -> "WEB": upper-case letters, 2 to 10 of them. */
export function suggestProjectKey(name: string): string {
  const words = name
    .toUpperCase()
    .normalize("NFKD")
    .replace(/[^A-Z\s]/g, "")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return "";
  const initials = words.map((word) => word[0]).join("");
  const key = initials.length >= 2 ? initials : (words[0] ?? "").slice(0, 3);
  return key.slice(0, 10);
}

export function ProjectsScreen() {
  const { slug = "" } = useParams();
  const workspace = useQuery(workspaceQuery(slug));
  const projects = useQuery(projectsQuery(slug));
  const canCreate = workspace.data ? workspace.data.role !== "guest" : false;

  return (
    <div className="page">
      <h1>{workspace.data ? `${workspace.data.name} projects` : "Projects"}</h1>
      {projects.isPending ? (
        <Loading label="Loading projects" />
      ) : projects.isError ? (
        <ErrorState error={projects.error} />
      ) : projects.data.length === 0 ? (
        <EmptyState title="No projects yet">
          {canCreate && <p>Create the first one below.</p>}
        </EmptyState>
      ) : (
        <ProjectTable slug={slug} projects={projects.data} />
      )}
      {canCreate && (
        <>
          <h2>New project</h2>
          <NewProjectForm slug={slug} />
        </>
      )}
    </div>
  );
}

function ProjectTable({ slug, projects }: { slug: string; projects: Project[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Name</th>
            <th scope="col">Lead</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((project) => (
            <tr key={project.id}>
              <td className="project-key">{project.key}</td>
              <td>
                <Link to={`/w/${slug}/p/${project.key}/issues`}>{project.name}</Link>
              </td>
              <td>{project.lead?.display_name ?? <span className="muted">No lead</span>}</td>
              <td>{project.archived_at ? <span className="badge">Archived</span> : "Active"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewProjectForm({ slug }: { slug: string }) {
  const [name, setName] = useState("");
  const [key, setKey] = useState("");
  const [keyEdited, setKeyEdited] = useState(false);
  const create = useCreateProject(slug);
  const error = create.error;
  const { field: fieldError, general: generalError } = formErrors(error, ["name", "key"]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { name, key },
      {
        onSuccess: () => {
          setName("");
          setKey("");
          setKeyEdited(false);
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="inline-form">
      <div className="field">
        <label htmlFor="project-name">Name</label>
        <input id="project-name"
          required
          maxLength={100}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            if (!keyEdited) setKey(suggestProjectKey(event.target.value));
          }}
        />
        {fieldError("name") && <span className="field-error">{fieldError("name")}</span>}
      </div>
      <div className="field">
        <label htmlFor="project-key">Key</label>
        <input id="project-key"
          required
          pattern={PROJECT_KEY_PATTERN}
          title="2 to 10 upper-case letters"
          value={key}
          onChange={(event) => {
            setKey(event.target.value.toUpperCase().replace(/[^A-Z]/g, "").slice(0, 10));
            setKeyEdited(true);
          }}
        />
        {fieldError("key") && <span className="field-error">{fieldError("key")}</span>}
      </div>
      {generalError && (
        <p className="field-error" role="alert">
          {generalError}
        </p>
      )}
      <button type="submit" className="primary" disabled={create.isPending}>
        Create project
      </button>
    </form>
  );
}
