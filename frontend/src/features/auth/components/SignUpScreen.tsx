import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";

import { signUp } from "../api/actions";
import { formErrors } from "../../../shared/components/States";
import { safeNext } from "./SignInScreen";

export function SignUpScreen() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const { field: fieldError, general: generalError } = formErrors(error, [
    "display_name",
    "email",
    "password",
  ]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signUp({ display_name: name, email, password });
      navigate(next, { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <main className="auth-card">
      <h1>Create your Docket account</h1>
      <form onSubmit={onSubmit}>
        <TextField
          label="Name"
          value={name}
          onChange={setName}
          error={fieldError("display_name")}
          autoComplete="name"
        />
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          error={fieldError("email")}
          autoComplete="email"
        />
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          error={fieldError("password")}
          autoComplete="new-password"
        />
        {generalError && (
          <p className="field-error" role="alert">
            {generalError}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Create account
        </button>
      </form>
      <p>
        Already have an account?{" "}
        <Link to={`/signin?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </main>
  );
}

function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  type?: string;
  autoComplete?: string;
}) {
  const id = `signup-${props.label.toLowerCase()}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? "text"}
        required
        autoComplete={props.autoComplete}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        onChange={(event) => props.onChange(event.target.value)}
      />
      {props.error && <span className="field-error">{props.error}</span>}
    </div>
  );
}
