export function IssueDetailScreen() {
  return <main className="page"><h1>IssueDetailScreen</h1></main>;
}
