import { Link } from "react-router-dom";

export function NotFoundScreen() {
  return (
    <main className="auth-card">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link to="/">Go home</Link>
    </main>
  );
}
