export function ProjectSettingsScreen() {
  return <main className="page"><h1>ProjectSettingsScreen</h1></main>;
}
