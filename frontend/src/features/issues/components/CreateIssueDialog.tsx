import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";

import { projectsQuery } from "../../../shared/api/queries";
import { Modal } from "../../../shared/components/Modal";
import { PRIORITIES, type Priority } from "./display";
import { useCreateIssue } from "../hooks/useCreateIssue";
import { formErrors } from "../../../shared/components/States";

type Props = { slug: string; projectKey: string | undefined; onClose: () => void };

/** The "New issue" modal (the `c` shortcut); opens the new issue beside the list. */
export function CreateIssueDialog({ slug, projectKey, onClose }: Props) {
  const navigate = useNavigate();
  const projects = useQuery(projectsQuery(slug));
  const activeProjects = (projects.data ?? []).filter((project) => !project.archived_at);
  const [chosenProject, setChosenProject] = useState(projectKey ?? "");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [priority, setPriority] = useState<Priority>("none");
  const targetProject = chosenProject || activeProjects[0]?.key || "";

  const create = useCreateIssue(slug);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim() || !targetProject) return;
    create.mutate(
      { projectKey: targetProject, body: { title: title.trim(), description, priority } },
      {
        onSuccess: (issue) => {
          onClose();
          navigate(`/w/${slug}/p/${targetProject}/issues?issue=${encodeURIComponent(issue.key)}`);
        },
      },
    );
  }

  const { field, general: generalError } = formErrors(create.error, ["title"]);
  const titleError = field("title");

  return (
    <Modal label="New issue" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 className="modal-title">New issue</h2>
        {activeProjects.length > 1 && (
          <label className="field">
            <span>Project</span>
            <select aria-label="Project" value={targetProject} onChange={(event) => setChosenProject(event.target.value)}>
              {activeProjects.map((project) => (
                <option key={project.id} value={project.key}>
                  {project.key} · {project.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>Title</span>
          <input
            autoFocus
            required
            value={title}
            aria-invalid={titleError ? true : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
          {titleError && <span className="field-error">{titleError}</span>}
        </label>
        <label className="field">
          <span>Description</span>
          <textarea
            rows={5}
            placeholder="Markdown"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Priority</span>
          <select aria-label="Priority" value={priority} onChange={(event) => setPriority(event.target.value as Priority)}>
            {PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
        {generalError && (
          <p className="field-error" role="alert">
            {generalError}
          </p>
        )}
        {!targetProject && projects.isSuccess && (
          <p className="field-error" role="alert">
            Create a project first.
          </p>
        )}
        <div className="row row-end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            disabled={create.isPending || !title.trim() || !targetProject}
            title="Ctrl/⌘ Enter"
          >
            Create issue
          </button>
        </div>
      </form>
    </Modal>
  );
}
