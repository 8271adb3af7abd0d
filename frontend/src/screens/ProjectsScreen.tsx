export function ProjectsScreen() {
  return <main className="page"><h1>ProjectsScreen</h1></main>;
}
