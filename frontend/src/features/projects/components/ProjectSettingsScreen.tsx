import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router-dom";

import { ApiError } from "../../../shared/api/http";
import {
  labelsQuery,
  projectMembersQuery,
  projectQuery,
  statesQuery,
  type Label,
  type Project,
  type Schemas,
  type State,
} from "../../../shared/api/queries";
import { MemberPicker } from "../../../shared/components/pickers";
import { EmptyState, ErrorState, errorMessage, Loading } from "../../../shared/components/States";
import { CATEGORIES, categoryName, type Category } from "../../issues";
import {
  useAddLabel,
  useAddProjectMember,
  useSetProjectLead,
  useAddState,
  useDeleteLabel,
  useDeleteState,
  useRemoveProjectMember,
  useRenameState,
  useReorderStates,
  useSaveLabel,
  useToggleArchive,
  type Where,
} from "../hooks/useProjectSettingsWrites";
import { useDocumentTitle } from "../../../shared/hooks/useDocumentTitle";

type ProjectMember = Schemas["ProjectMemberOutput"];

function Problem({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="field-error" role="alert">
      {errorMessage(error)}
    </p>
  );
}

export function ProjectSettingsScreen() {
  const { slug = "", projectKey = "" } = useParams();
  const where = { slug, projectKey };
  const project = useQuery(projectQuery(slug, projectKey));
  useDocumentTitle(["Settings", projectKey]);

  if (project.isPending) return <Loading label="Loading project" />;
  if (project.isError) return <ErrorState error={project.error} />;
  const can = project.data.capabilities;
  return (
    <div className="page settings">
      <div className="page-header">
        <h1>
          <span className="project-key">{project.data.key}</span> {project.data.name} settings
        </h1>
        {can.archive && <ArchiveButton where={where} project={project.data} />}
      </div>
      {/* Each part for a caller who may change it (the project's capabilities). */}
      {can.edit && <ProjectLead where={where} project={project.data} />}
      {can.manage_states && <WorkflowStates where={where} />}
      {can.manage_labels && <ProjectLabels where={where} />}
      {can.manage_members && <ProjectMembers where={where} />}
    </div>
  );
}

/** The project's lead, chosen in a picker that asks the server for members as one types. */
function ProjectLead({ where, project }: { where: Where; project: Project }) {
  const save = useSetProjectLead(where);
  return (
    <section aria-labelledby="project-lead-heading">
      <h2 id="project-lead-heading">Lead</h2>
      <MemberPicker
        slug={where.slug}
        label="Project lead"
        placeholder="No lead — type a name or email"
        value={project.lead}
        onChoose={(person) => save.mutate(person.id)}
        onClear={() => save.mutate(null)}
      />
      <Problem error={save.error} />
    </section>
  );
}

function ArchiveButton({ where, project }: { where: Where; project: Project }) {
  const archived = project.archived_at !== null;
  const toggle = useToggleArchive(where, archived);
  return (
    <div className="archive">
      {archived && <span className="badge">Archived</span>}
      <button
        type="button"
        className={archived ? undefined : "danger"}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate()}
      >
        {archived ? "Unarchive" : "Archive"}
      </button>
      <Problem error={toggle.error} />
    </div>
  );
}

/* ---------- Workflow states ---------- */

function WorkflowStates({ where }: { where: Where }) {
  const states = useQuery(statesQuery(where.slug, where.projectKey));
  const reorder = useReorderStates(where);

  function move(list: State[], index: number, by: -1 | 1) {
    const ids = list.map((state) => state.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + by, 0, moved);
    reorder.mutate(ids);
  }

  return (
    <section aria-labelledby="states-heading">
      <h2 id="states-heading">Workflow states</h2>
      {states.isPending ? (
        <Loading label="Loading states" />
      ) : states.isError ? (
        <ErrorState error={states.error} />
      ) : (
        <ul className="item-list">
          {states.data.map((state, index) => (
            <StateRow
              key={state.id}
              where={where}
              state={state}
              others={states.data.filter((other) => other.id !== state.id)}
              onUp={index > 0 ? () => move(states.data, index, -1) : undefined}
              onDown={
                index < states.data.length - 1 ? () => move(states.data, index, 1) : undefined
              }
              reordering={reorder.isPending}
            />
          ))}
        </ul>
      )}
      <Problem error={reorder.error} />
      <AddStateForm where={where} />
    </section>
  );
}

function StateRow(props: {
  where: Where;
  state: State;
  others: State[];
  onUp?: () => void;
  onDown?: () => void;
  reordering: boolean;
}) {
  const { where, state } = props;
  const [name, setName] = useState(state.name);
  const [moveTo, setMoveTo] = useState<string | null>(null);

  const rename = useRenameState(where, state.id);
  const remove = useDeleteState(where, state.id);
  // A state that still has issues cannot go until the user says where they move.
  const askWhereIssuesGo = (error: Error) => {
    if (error instanceof ApiError && error.status === 400 && error.fieldMessage("move_to")) {
      setMoveTo((current) => current ?? props.others[0]?.id ?? "");
    }
  };
  const needsTarget = moveTo !== null;

  return (
    <li className="settings-row">
      <span className="swatch" style={{ background: state.color }} aria-hidden="true" />
      <form
        className="row-form"
        onSubmit={(event) => {
          event.preventDefault();
          rename.mutate(name);
        }}
      >
        <input
          aria-label={`Rename state ${state.name}`}
          required
          maxLength={50}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" disabled={rename.isPending || name === state.name}>
          Save
        </button>
      </form>
      <span className="muted">{categoryName(state.category)}</span>
      <span className="row-actions">
        <button
          type="button"
          aria-label={`Move ${state.name} up`}
          disabled={!props.onUp || props.reordering}
          onClick={props.onUp}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={`Move ${state.name} down`}
          disabled={!props.onDown || props.reordering}
          onClick={props.onDown}
        >
          ↓
        </button>
        {!needsTarget && (
          <button
            type="button"
            className="danger"
            disabled={remove.isPending}
            onClick={() => remove.mutate(null, { onError: askWhereIssuesGo })}
          >
            Delete
          </button>
        )}
      </span>
      {needsTarget && (
        <div className="move-issues">
          <div className="field">
            <label htmlFor={`move-to-${state.id}`}>Move its issues to</label>
            <select
              id={`move-to-${state.id}`}
              value={moveTo}
              onChange={(event) => setMoveTo(event.target.value)}
            >
              {props.others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="danger"
            disabled={remove.isPending || !moveTo}
            onClick={() => remove.mutate(moveTo, { onError: askWhereIssuesGo })}
          >
            Move issues and delete
          </button>{" "}
          <button type="button" onClick={() => setMoveTo(null)}>
            Cancel
          </button>
        </div>
      )}
      <Problem error={rename.error} />
      <Problem error={remove.error} />
    </li>
  );
}

function AddStateForm({ where }: { where: Where }) {
  const [name, setName] = useState("");
  const [category, setCategory] = useState<Category>("unstarted");
  const add = useAddState(where);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      { name, category, color: CATEGORIES.find((c) => c.value === category)?.color ?? "#64748b" },
      { onSuccess: () => setName("") },
    );
  }

  return (
    <form onSubmit={onSubmit} className="inline-form">
      <div className="field">
        <label htmlFor="state-name">State name</label>
        <input id="state-name"
          required
          maxLength={50}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="state-category">Category</label>
        <select
          id="state-category"
          value={category}
          onChange={(event) => setCategory(event.target.value as Category)}
        >
          {CATEGORIES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="primary" disabled={add.isPending}>
        Add state
      </button>
      <Problem error={add.error} />
    </form>
  );
}

/* ---------- Labels ---------- */

function ProjectLabels({ where }: { where: Where }) {
  const labels = useQuery(labelsQuery(where.slug, where.projectKey));
  return (
    <section aria-labelledby="labels-heading">
      <h2 id="labels-heading">Labels</h2>
      {labels.isPending ? (
        <Loading label="Loading labels" />
      ) : labels.isError ? (
        <ErrorState error={labels.error} />
      ) : labels.data.length === 0 ? (
        <EmptyState title="No labels yet" />
      ) : (
        <ul className="item-list">
          {labels.data.map((label) => (
            <LabelRow key={label.id} where={where} label={label} />
          ))}
        </ul>
      )}
      <AddLabelForm where={where} />
    </section>
  );
}

function LabelRow({ where, label }: { where: Where; label: Label }) {
  const [name, setName] = useState(label.name);
  const [color, setColor] = useState(label.color);
  const save = useSaveLabel(where, label.id);
  const remove = useDeleteLabel(where, label.id);
  const unchanged = name === label.name && color.toLowerCase() === label.color.toLowerCase();

  return (
    <li className="settings-row">
      <form
        className="row-form"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ name, color });
        }}
      >
        <input
          type="color"
          aria-label={`Recolor ${label.name}`}
          value={color}
          onChange={(event) => setColor(event.target.value)}
        />
        <input
          aria-label={`Rename label ${label.name}`}
          required
          maxLength={50}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" disabled={save.isPending || unchanged}>
          Save
        </button>
      </form>
      <span className="row-actions">
        <button
          type="button"
          className="danger"
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(`Delete the label ${label.name}? It is removed from every issue.`))
              remove.mutate();
          }}
        >
          Delete
        </button>
      </span>
      <Problem error={save.error ?? remove.error} />
    </li>
  );
}

function AddLabelForm({ where }: { where: Where }) {
  const [name, setName] = useState("");
  const [color, setColor] = useState("#4f46e5");
  const add = useAddLabel(where);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    add.mutate({ name, color }, { onSuccess: () => setName("") });
  }

  return (
    <form onSubmit={onSubmit} className="inline-form">
      <div className="field">
        <label htmlFor="label-name">Label name</label>
        <input id="label-name"
          required
          maxLength={50}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="label-color">Label color</label>
        <input
          id="label-color"
          type="color"
          value={color}
          onChange={(event) => setColor(event.target.value)}
        />
      </div>
      <button type="submit" className="primary" disabled={add.isPending}>
        Add label
      </button>
      <Problem error={add.error} />
    </form>
  );
}

/* ---------- Project members ---------- */

function ProjectMembers({ where }: { where: Where }) {
  const projectMembers = useQuery(projectMembersQuery(where.slug, where.projectKey));
  return (
    <section aria-labelledby="project-members-heading">
      <h2 id="project-members-heading">Project members</h2>
      <p className="muted">Guests see only the projects they are added to.</p>
      {projectMembers.isPending ? (
        <Loading label="Loading project members" />
      ) : projectMembers.isError ? (
        <ErrorState error={projectMembers.error} />
      ) : (
        <>
          {projectMembers.data.length === 0 ? (
            <EmptyState title="No one has been added to this project yet" />
          ) : (
            <ul className="item-list">
              {projectMembers.data.map((member) => (
                <ProjectMemberRow key={member.user.id} where={where} member={member} />
              ))}
            </ul>
          )}
          <AddProjectMemberForm where={where} memberIds={projectMembers.data.map((member) => member.user.id)} />
        </>
      )}
    </section>
  );
}

function ProjectMemberRow({ where, member }: { where: Where; member: ProjectMember }) {
  const remove = useRemoveProjectMember(where, member.user.id);
  return (
    <li className="settings-row">
      <span>
        {member.user.display_name} <span className="muted">{member.user.email}</span>
      </span>
      <span className="muted">{member.role}</span>
      <span className="row-actions">
        <button
          type="button"
          className="danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
        >
          Remove
        </button>
      </span>
      <Problem error={remove.error} />
    </li>
  );
}

function AddProjectMemberForm({ where, memberIds }: { where: Where; memberIds: string[] }) {
  const add = useAddProjectMember(where);
  // Chosen in a picker that asks the server as one types: a workspace of thousands is never
  // loaded whole to add one person.
  return (
    <div className="inline-form">
      <div className="field">
        <MemberPicker
          slug={where.slug}
          label="Add workspace member to project"
          placeholder="Add a workspace member…"
          excludeIds={memberIds}
          onChoose={(person) => add.mutate(person.id)}
        />
      </div>
      <Problem error={add.error} />
    </div>
  );
}
