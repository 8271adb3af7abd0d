export function WorkspacesScreen() {
  return <main className="page"><h1>WorkspacesScreen</h1></main>;
}
