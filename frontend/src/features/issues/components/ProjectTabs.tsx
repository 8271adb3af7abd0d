import { NavLink } from "react-router-dom";

/** List | Board | Insights switch above the project's screens. */
export function ProjectTabs({ slug, projectKey }: { slug: string; projectKey: string }) {
  return (
    <div className="project-head">
      <h1>{projectKey}</h1>
      <nav className="tabs" aria-label="Project views">
        <NavLink to={`/w/${slug}/p/${projectKey}/issues`}>List</NavLink>
        <NavLink to={`/w/${slug}/p/${projectKey}/board`}>Board</NavLink>
        <NavLink to={`/w/${slug}/p/${projectKey}/insights`}>Insights</NavLink>
      </nav>
    </div>
  );
}
