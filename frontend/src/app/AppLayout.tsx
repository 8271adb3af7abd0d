import { useQuery, useQueryClient, MutationObserver } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { NavLink, Outlet, useLocation, useNavigate, useParams, useSearchParams } from "react-router-dom";

import {
  issueQuery,
  meQuery,
  projectsQuery,
  workspaceQuery,
  workspacesQuery,
  type Project,
} from "../shared/api/queries";
import { signOut } from "../features/auth";
import { CreateIssueDialog } from "../features/issues";
import { InboxLink } from "../features/inbox";
import { NetworkBanner } from "../shared/components/NetworkBanner";
import type { PaletteMode } from "../features/palette";
import { ShortcutSheet } from "./ShortcutSheet";
import { UndoToast } from "./UndoToast";
import { issueEditOptions } from "../features/issues";
import { focusWhenShown } from "../shared/lib/focusWhenShown";
import { focusedIssueKey, isTyping, issueKeysOnScreen, moveIssueFocus, selection } from "../shared/lib/keyboard";
import { undoStack } from "../shared/lib/undo";
import { LiveStatus } from "../features/realtime";
import { useRealtimeTopic } from "../features/realtime";
import { lastWorkspace } from "./lastWorkspace";

// The palette is loaded the first time it is opened: the first page load does not carry it.
const CommandPalette = lazy(() =>
  import("../features/palette").then((module) => ({ default: module.CommandPalette })),
);

/** The project new issues go to: the one on screen if the caller may create issues there, else
 * the first that allows it; undefined where the caller may create none (a guest). */
function creatableProject(projects: Project[], onScreen: string | undefined): string | undefined {
  const allowed = projects.filter((project) => project.capabilities.create_issue);
  return (allowed.find((project) => project.key === onScreen) ?? allowed[0])?.key;
}

/** The frame of every workspace screen: switcher, navigation, and the keyboard (see SHORTCUTS). */
export function AppLayout() {
  const { slug = "", projectKey, issueKey: pageIssueKey } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const client = useQueryClient();
  const workspaces = useQuery(workspacesQuery());
  const projects = useQuery(projectsQuery(slug));
  const me = useQuery(meQuery());
  const workspaceCapabilities = useQuery(workspaceQuery(slug)).data?.capabilities;
  const [creating, setCreating] = useState(false);
  const [palette, setPalette] = useState<{ mode: PaletteMode; keys: string[] } | null>(null);
  const [sheet, setSheet] = useState(false);
  const [drawer, setDrawer] = useState(false);
  useRealtimeTopic(slug);

  useEffect(() => {
    if (slug) lastWorkspace.set(slug);
  }, [slug]);

  // The phone's drawer closes when the user goes somewhere.
  useEffect(() => setDrawer(false), [location.pathname]);

  // The keyboard handler reads the latest state through a ref: one listener for the page's life.
  const activeProjects = (projects.data ?? []).filter((p) => !p.archived_at);
  // Where `c`, the New issue button and the palette's "Create issue" create: the project on
  // screen, else the first one the caller may create issues in; none, and they are not offered.
  const createIn = creatableProject(activeProjects, projectKey);
  const latest = useRef({ params, pageIssueKey, projectKey, me: me.data, slug, location, createIn });
  latest.current = { params, pageIssueKey, projectKey, me: me.data, slug, location, createIn };

  useEffect(() => {
    /** The issues a change applies to: the selection, else the focused row, else the open one. */
    function targets(): string[] {
      const chosen = [...selection.keys()];
      if (chosen.length) return chosen;
      const key = focusedIssueKey() ?? latest.current.params.get("issue") ?? latest.current.pageIssueKey;
      return key ? [key] : [];
    }

    /** Opens an issue beside the list or board, or on its own page elsewhere. */
    function openIssue(key: string) {
      const { location: where } = latest.current;
      if (/\/p\/[^/]+\/(issues|board)$/.test(where.pathname)) {
        setParams((current) => {
          const next = new URLSearchParams(current);
          next.set("issue", key);
          return next;
        });
      } else {
        navigate(`/w/${latest.current.slug}/i/${key}`);
      }
    }

    function onKey(event: KeyboardEvent) {
      const mod = event.metaKey || event.ctrlKey;
      if (mod && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setPalette({ mode: "all", keys: targets() });
        return;
      }
      if (mod && event.key === "Enter") {
        // Ctrl/Cmd-Enter submits the form the cursor is in, whichever it is.
        const form = (event.target as HTMLElement | null)?.closest?.("form");
        if (form) {
          event.preventDefault();
          form.requestSubmit();
        }
        return;
      }
      if (mod || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const key = event.key;
      // Esc with nothing open to close lets go of the selection.
      if (key === "Escape" && !latest.current.params.get("issue")) selection.clear();
      const act = (run: () => void) => {
        event.preventDefault();
        run();
      };
      if (key === "c") {
        if (latest.current.createIn) act(() => setCreating(true));
      } else if (key === "?") act(() => setSheet(true));
      else if (key === "/") {
        const search = document.querySelector<HTMLInputElement>("input[type=search]");
        if (search) act(() => search.focus());
      } else if (event.shiftKey && ["J", "K", "ArrowDown", "ArrowUp"].includes(key)) {
        // Shift-J/K: the selection grows from where the focus was to where it goes.
        act(() => {
          const from = focusedIssueKey();
          if (from && !selection.keys().has(from)) selection.toggle(from);
          moveIssueFocus(key === "J" || key === "ArrowDown" ? 1 : -1);
          const to = focusedIssueKey();
          if (to) selection.extendTo(to, issueKeysOnScreen());
        });
      } else if (key === "j" || key === "ArrowDown") act(() => moveIssueFocus(1));
      else if (key === "k" || key === "ArrowUp") act(() => moveIssueFocus(-1));
      else if (key === "x") {
        const focused = focusedIssueKey();
        if (focused) act(() => selection.toggle(focused));
      } else if (key === "z") act(() => undoStack.undoLast());
      else if (["s", "a", "p", "l"].includes(key)) {
        const keys = targets();
        const mode = ({ s: "state", a: "assignee", p: "priority", l: "label" } as const)[key as "s" | "a" | "p" | "l"];
        if (keys.length) act(() => setPalette({ mode, keys }));
      } else if (key === "i") {
        const myId = latest.current.me?.id;
        const keys = targets();
        if (myId && keys.length) {
          act(() => {
            const { slug: where } = latest.current;
            for (const issueKey of keys) {
              const project = issueKey.split("-")[0] ?? "";
              // Only where the caller may edit (the issue's capabilities, usually cached).
              void client.fetchQuery(issueQuery(where, issueKey)).then((issue) => {
                if (!issue.capabilities.edit) return;
                void new MutationObserver(client, issueEditOptions(client, where, issueKey, project)).mutate({
                  edit: { link: "assignees", id: myId, on: true },
                });
              });
            }
          });
        }
      } else if (key === "e" || key === "m") {
        const [issueKey] = targets();
        if (issueKey) {
          act(() => {
            if (issueKey !== latest.current.params.get("issue") && issueKey !== latest.current.pageIssueKey) {
              openIssue(issueKey);
            }
            focusWhenShown(
              key === "e" ? '.issue-detail textarea[aria-label="Title"]' : '.issue-detail .comment-composer textarea',
            );
          });
        }
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [client, navigate, setParams]);

  return (
    <div className={`shell${drawer ? " drawer-open" : ""}`}>
      <div className="topbar">
        <button
          type="button"
          className="link drawer-toggle"
          aria-label="Menu"
          aria-expanded={drawer}
          aria-controls="workspace-navigation"
          onClick={() => setDrawer((open) => !open)}
        >
          ☰
        </button>
        <span className="brand">Docket</span>
      </div>
      {drawer && <div className="drawer-backdrop" onClick={() => setDrawer(false)} />}
      <aside className="sidebar" id="workspace-navigation" aria-label="Workspace navigation">
        <div className="brand">Docket</div>
        <label className="field">
          <span className="visually-hidden">Workspace</span>
          <select
            aria-label="Workspace"
            value={slug}
            onChange={(event) => {
              const next = event.target.value;
              if (next === "__all") navigate("/workspaces");
              else navigate(`/w/${next}`);
            }}
          >
            {(workspaces.data ?? []).map((workspace) => (
              <option key={workspace.id} value={workspace.slug}>
                {workspace.name}
              </option>
            ))}
            <option value="__all">All workspaces…</option>
          </select>
        </label>
        <nav className="nav">
          <InboxLink slug={slug} />
          <NavLink end to={`/w/${slug}`}>
            Projects
          </NavLink>
          <NavLink to={`/w/${slug}/insights`}>Insights</NavLink>
          <NavLink to={`/w/${slug}/members`}>Members</NavLink>
          <NavLink to={`/w/${slug}/tokens`}>API tokens</NavLink>
          {workspaceCapabilities?.manage_webhooks && <NavLink to={`/w/${slug}/webhooks`}>Webhooks</NavLink>}
        </nav>
        <nav className="nav nav-projects" aria-label="Projects">
          {activeProjects.map((project) => (
            <div key={project.id} className="nav-project">
              <NavLink to={`/w/${slug}/p/${project.key}/issues`}>
                <span className="project-key">{project.key}</span> {project.name}
              </NavLink>
              {project.key === projectKey && (
                <div className="nav-sub">
                  <NavLink to={`/w/${slug}/p/${project.key}/issues`}>Issues</NavLink>
                  <NavLink to={`/w/${slug}/p/${project.key}/board`}>Board</NavLink>
                  <NavLink to={`/w/${slug}/p/${project.key}/insights`}>Insights</NavLink>
                  {Object.values(project.capabilities).some(Boolean) && (
                    <NavLink to={`/w/${slug}/p/${project.key}/settings`}>Settings</NavLink>
                  )}
                </div>
              )}
            </div>
          ))}
        </nav>
        <div className="sidebar-footer">
          <LiveStatus />
          {createIn && (
            <button type="button" className="link" onClick={() => setCreating(true)}>
              New issue <kbd>c</kbd>
            </button>
          )}
          <button type="button" className="link" onClick={() => setPalette({ mode: "all", keys: [] })}>
            Commands <kbd>Ctrl K</kbd>
          </button>
          <button type="button" className="link" onClick={() => setSheet(true)}>
            Shortcuts <kbd>?</kbd>
          </button>
          <button
            type="button"
            className="link"
            onClick={async () => {
              await signOut();
              navigate("/signin");
            }}
          >
            Sign out
          </button>
        </div>
      </aside>
      <main className="content">
        <NetworkBanner />
        <Outlet />
      </main>
      {creating && createIn && (
        <CreateIssueDialog
          slug={slug}
          projectKey={createIn}
          onClose={() => setCreating(false)}
        />
      )}
      {palette && (
        <Suspense fallback={null}>
          <CommandPalette
            slug={slug}
            projectKey={projectKey}
            issueKeys={palette.keys}
            mode={palette.mode}
            onClose={() => setPalette(null)}
            onCreate={createIn ? () => setCreating(true) : undefined}
            onOpenIssue={(key) => navigate(`/w/${slug}/i/${key}`)}
          />
        </Suspense>
      )}
      {sheet && <ShortcutSheet onClose={() => setSheet(false)} />}
      <UndoToast />
    </div>
  );
}
