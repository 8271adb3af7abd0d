export function IssueBoardScreen() {
  return <main className="page"><h1>IssueBoardScreen</h1></main>;
}
