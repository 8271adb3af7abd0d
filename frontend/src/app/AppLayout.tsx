import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { NavLink, Outlet, useNavigate, useParams } from "react-router-dom";

import { projectsQuery, workspaceQuery, workspacesQuery } from "../api/queries";
import { signOut } from "../auth/actions";
import { CreateIssueDialog } from "../components/CreateIssueDialog";
import { InboxLink } from "../components/inbox/InboxLink";
import { NetworkBanner } from "../components/NetworkBanner";
import { LiveStatus } from "../realtime/LiveStatus";
import { useRealtimeTopic } from "../realtime/RealtimeProvider";
import { lastWorkspace } from "./lastWorkspace";

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return (
    element.isContentEditable ||
    ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName)
  );
}

/** The frame of every workspace screen: switcher, navigation, shortcuts (c, /, Esc). */
export function AppLayout() {
  const { slug = "", projectKey } = useParams();
  const navigate = useNavigate();
  const workspaces = useQuery(workspacesQuery());
  const projects = useQuery(projectsQuery(slug));
  const role = useQuery(workspaceQuery(slug)).data?.role;
  const isAdmin = role === "owner" || role === "admin";
  const [creating, setCreating] = useState(false);
  useRealtimeTopic(slug);

  useEffect(() => {
    if (slug) lastWorkspace.set(slug);
  }, [slug]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "c") {
        event.preventDefault();
        setCreating(true);
      } else if (event.key === "/") {
        const search = document.querySelector<HTMLInputElement>("input[type=search]");
        if (search) {
          event.preventDefault();
          search.focus();
        }
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const activeProjects = (projects.data ?? []).filter((p) => !p.archived_at);

  return (
    <div className="shell">
      <aside className="sidebar" aria-label="Workspace navigation">
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
          {isAdmin && <NavLink to={`/w/${slug}/webhooks`}>Webhooks</NavLink>}
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
                  <NavLink to={`/w/${slug}/p/${project.key}/settings`}>Settings</NavLink>
                </div>
              )}
            </div>
          ))}
        </nav>
        <div className="sidebar-footer">
          <LiveStatus />
          <button type="button" className="link" onClick={() => setCreating(true)}>
            New issue <kbd>c</kbd>
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
      {creating && (
        <CreateIssueDialog
          slug={slug}
          projectKey={projectKey ?? activeProjects[0]?.key}
          onClose={() => setCreating(false)}
        />
      )}
    </div>
  );
}
