export function IssueListScreen() {
  return <main className="page"><h1>IssueListScreen</h1></main>;
}
