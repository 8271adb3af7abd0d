/**
 * The command palette (Ctrl/Cmd-K, and S/A/P/L for one kind of change): fuzzy over actions and
 * over issues by key or title (asked of the server). Loaded on demand, so the first page load
 * does not carry it.
 */
import { useQuery, useQueryClient, MutationObserver } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { useNavigate } from "react-router-dom";

import {
  issueQuery,
  labelSearchQuery,
  meQuery,
  memberSearchQuery,
  projectsQuery,
  statesQuery,
  workspaceIssueSearchQuery,
} from "../../../shared/api/queries";
import { useDialogFocus } from "../../../shared/hooks/useDialogFocus";
import { toggleTheme } from "../../../shared/lib/theme";
import { useDebounced } from "../../../shared/lib/combobox";
import { PRIORITIES } from "../../issues";
import type { IssueEdit } from "../../issues";
import { issueEditOptions } from "../../issues";
import { fuzzyScore } from "../lib/fuzzy";

export type PaletteMode = "all" | "state" | "assignee" | "priority" | "label";

type Command = { id: string; group: string; label: string; run: () => void };

type Props = {
  slug: string;
  projectKey: string | undefined;
  /** The issues the issue actions apply to: the selection, or the focused or open issue. */
  issueKeys: string[];
  mode: PaletteMode;
  onClose: () => void;
  /** Absent where the caller may create issues in no project. */
  onCreate: (() => void) | undefined;
  onOpenIssue: (key: string) => void;
};

const PLACEHOLDER: Record<PaletteMode, string> = {
  all: "Type a command, a project, or an issue's key or title…",
  state: "Change state to…",
  assignee: "Assign to…",
  priority: "Set priority…",
  label: "Toggle label…",
};

export function CommandPalette(props: Props) {
  const { slug, issueKeys, mode, onClose } = props;
  const client = useQueryClient();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(dialog);
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), 150);

  const firstKey = issueKeys[0];
  const issueProject = firstKey?.split("-")[0] ?? props.projectKey ?? "";
  const first = useQuery({ ...issueQuery(slug, firstKey ?? ""), enabled: !!firstKey });
  const projects = useQuery(projectsQuery(slug));
  // People and labels are asked of the server with what was typed (less a command's verb),
  // a page at a time: a workspace of thousands costs what one of ten does.
  const named = query.replace(/^(un)?assign\s*|^(add|remove|toggle)?\s*label\s*/i, "");
  const members = useQuery({
    ...memberSearchQuery(slug, named),
    enabled: !!firstKey && (mode === "all" || mode === "assignee"),
  });
  const me = useQuery(meQuery());
  const states = useQuery({ ...statesQuery(slug, issueProject), enabled: !!firstKey });
  const labels = useQuery({
    ...labelSearchQuery(slug, issueProject, named),
    enabled: !!firstKey && (mode === "all" || mode === "label"),
  });
  const found = useQuery({
    ...workspaceIssueSearchQuery(slug, query),
    enabled: mode === "all" && query.length >= 2,
  });

  function edit(change: (key: string) => IssueEdit) {
    for (const key of issueKeys) {
      const projectKey = key.split("-")[0] ?? "";
      void new MutationObserver(client, issueEditOptions(client, slug, key, projectKey)).mutate({
        edit: change(key),
      });
    }
  }

  const canCreate = Boolean(props.onCreate);
  const commands = useMemo(() => {
    const list: Command[] = [];
    const target = issueKeys.length > 1 ? `${issueKeys.length} issues` : firstKey;
    const current = first.data;
    // Changes to the issues only for a caller who may edit them (the same for every issue they
    // see, so the first one's capabilities speak for all).
    const editable = firstKey && current?.capabilities.edit;
    if (editable && (mode === "all" || mode === "state")) {
      for (const state of states.data ?? []) {
        list.push({
          id: `state-${state.id}`,
          group: `State of ${target}`,
          label: `Change state to ${state.name}`,
          run: () => edit(() => ({ state_id: state.id })),
        });
      }
    }
    if (editable && (mode === "all" || mode === "priority")) {
      for (const priority of PRIORITIES) {
        list.push({
          id: `priority-${priority}`,
          group: `Priority of ${target}`,
          label: `Set priority ${priority}`,
          run: () => edit(() => ({ priority })),
        });
      }
    }
    if (editable && (mode === "all" || mode === "assignee")) {
      if (me.data) {
        const myId = me.data.id;
        list.push({
          id: "assign-me",
          group: `Assignees of ${target}`,
          label: "Assign to me",
          run: () => edit(() => ({ link: "assignees", id: myId, on: true })),
        });
      }
      for (const { user } of members.data ?? []) {
        const on = !current?.assignees.some((person) => person.id === user.id);
        list.push({
          id: `assignee-${user.id}`,
          group: `Assignees of ${target}`,
          label: `${on ? "Assign" : "Unassign"} ${user.display_name}`,
          run: () => edit(() => ({ link: "assignees", id: user.id, on })),
        });
      }
    }
    if (editable && (mode === "all" || mode === "label")) {
      for (const label of labels.data ?? []) {
        const on = !current?.labels.some((other) => other.id === label.id);
        list.push({
          id: `label-${label.id}`,
          group: `Labels of ${target}`,
          label: `${on ? "Add" : "Remove"} label ${label.name}`,
          run: () => edit(() => ({ link: "labels", id: label.id, on })),
        });
      }
    }
    if (mode === "all") {
      if (firstKey) {
        const link = `${window.location.origin}/w/${slug}/i/${firstKey}`;
        list.push(
          { id: "copy-link", group: firstKey, label: `Copy link to ${firstKey}`, run: () => void navigator.clipboard?.writeText(link) },
          { id: "copy-key", group: firstKey, label: `Copy key ${firstKey}`, run: () => void navigator.clipboard?.writeText(firstKey) },
        );
      }
      if (props.onCreate) list.push({ id: "create", group: "Actions", label: "Create issue", run: props.onCreate });
      list.push({ id: "inbox", group: "Go to", label: "Go to inbox", run: () => navigate(`/w/${slug}/inbox`) });
      list.push({ id: "projects", group: "Go to", label: "Go to projects", run: () => navigate(`/w/${slug}`) });
      for (const project of (projects.data ?? []).filter((p) => !p.archived_at)) {
        for (const [view, name] of [
          ["issues", "list"],
          ["board", "board"],
        ] as const) {
          list.push({
            id: `go-${project.key}-${view}`,
            group: "Go to",
            label: `Go to ${project.key} ${project.name} ${name}`,
            run: () => navigate(`/w/${slug}/p/${project.key}/${view}`),
          });
        }
      }
      list.push({ id: "theme", group: "Actions", label: "Toggle dark theme", run: toggleTheme });
    }
    return list;
    // `edit` and the callbacks close over the latest props on each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, firstKey, issueKeys.length, first.data, canCreate, states.data, labels.data, members.data, me.data, projects.data, slug]);

  const ranked = commands
    .map((command) => ({ command, score: fuzzyScore(text, command.label) }))
    .filter((entry): entry is { command: Command; score: number } => entry.score !== null)
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.command);
  const issues: Command[] = (found.data ?? []).map((issue) => ({
    id: `issue-${issue.id}`,
    group: "Issues",
    label: `${issue.key} ${issue.title}`,
    run: () => props.onOpenIssue(issue.key),
  }));
  const options = text ? [...issues, ...ranked] : ranked;
  const shown = options.slice(0, 50);

  function choose(command: Command | undefined) {
    if (!command) return;
    onClose();
    command.run();
  }

  return (
    <div className="modal-backdrop palette-backdrop" onClick={onClose}>
      <div
        ref={dialog}
        className="modal palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        onClick={(event) => event.stopPropagation()}
      >
        <input
          autoFocus
          role="combobox"
          aria-label="Command"
          aria-expanded="true"
          aria-controls="palette-options"
          aria-activedescendant={shown[active] ? `palette-${shown[active].id}` : undefined}
          placeholder={PLACEHOLDER[mode]}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              const step = event.key === "ArrowDown" ? 1 : -1;
              setActive((at) => Math.max(0, Math.min(shown.length - 1, at + step)));
            } else if (event.key === "Enter") {
              event.preventDefault();
              choose(shown[active]);
            } else if (event.key === "Escape") {
              event.preventDefault();
              event.stopPropagation();
              onClose();
            }
          }}
        />
        <ul id="palette-options" role="listbox" aria-label="Commands" className="palette-list">
          {found.isFetching && text.trim().length >= 2 && <li className="muted">Searching issues…</li>}
          {shown.length === 0 && <li className="muted">Nothing matches</li>}
          {shown.map((command, index) => (
            <li
              key={command.id}
              id={`palette-${command.id}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? "combobox-active" : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(command);
              }}
            >
              <span>{command.label}</span>
              <span className="muted small">{command.group}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
