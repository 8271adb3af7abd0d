import { NavLink } from "react-router-dom";

/** Issues | Board switch above the project's issue screens. */
export function ProjectTabs({ slug, projectKey }: { slug: string; projectKey: string }) {
  return (
    <div className="project-head">
      <h1>{projectKey}</h1>
      <nav className="tabs" aria-label="Issue views">
        <NavLink to={`/w/${slug}/p/${projectKey}/issues`}>List</NavLink>
        <NavLink to={`/w/${slug}/p/${projectKey}/board`}>Board</NavLink>
      </nav>
    </div>
  );
}
