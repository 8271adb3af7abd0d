export function NotFoundScreen() {
  return <main className="page"><h1>NotFoundScreen</h1></main>;
}
