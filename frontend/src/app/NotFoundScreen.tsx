import { Link } from "react-router-dom";
import { useDocumentTitle } from "../shared/hooks/useDocumentTitle";

export function NotFoundScreen() {
  useDocumentTitle(["Page not found"]);
  return (
    <main className="auth-card">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link to="/">Go home</Link>
    </main>
  );
}
