export function MembersScreen() {
  return <main className="page"><h1>MembersScreen</h1></main>;
}
