import { ApiError } from "../api/http";

export function Loading({ label = "Loading" }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      {label}…
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

export function ErrorState({ error }: { error: unknown }) {
  return (
    <div className="state state-error" role="alert">
      {errorMessage(error)}
    </div>
  );
}

/**
 * Splits an API refusal for a form: a message per named input, and a general message when the
 * refusal names none of the form's inputs.
 */
export function formErrors(error: unknown, fields: readonly string[]) {
  const field = (name: string): string | undefined =>
    error instanceof ApiError ? error.fieldMessage(name) : undefined;
  const general = error && !fields.some((name) => field(name)) ? errorMessage(error) : null;
  return { field, general };
}
