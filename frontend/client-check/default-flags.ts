// Realistic request bodies, type-checked against the types `openapi-typescript` makes from
// openapi/v1.yaml with its DEFAULT flags (the SPA's own client uses
// `--default-non-nullable false`). Third parties generate with the defaults, under which a
// field declared with a `default:` becomes required: a body that leaves it out, as the API
// allows, would not compile. `make client-check` copies this file next to such a generated
// `schema.d.ts` in a temporary directory and runs tsc on it, so the schema cannot regress.
import type { paths } from "./schema";

type JsonBody<Operation> = Operation extends {
  requestBody?: { content: { "application/json": infer Body } };
}
  ? Body
  : never;
type Post<Path extends keyof paths> = JsonBody<paths[Path]["post"]>;
type Patch<Path extends keyof paths> = JsonBody<paths[Path]["patch"]>;

const uuid = "0190a9d8-5f6e-7c3b-9a1e-2b4c6d8e0f12";

export const bodies = {
  register: {
    email: "ada@example.com",
    password: "correct horse battery staple",
    display_name: "Ada",
  } satisfies Post<"/api/v1/auth/register">,
  signIn: {
    email: "ada@example.com",
    password: "correct horse battery staple",
  } satisfies Post<"/api/v1/auth/token">,
  invite: { email: "grace@example.com" } satisfies Post<"/api/v1/workspaces/{workspace_slug}/invitations">,
  project: { key: "ENG", name: "Engineering" } satisfies Post<"/api/v1/workspaces/{workspace_slug}/projects">,
  issue: { title: "Crash on save" } satisfies Post<"/api/v1/workspaces/{workspace_slug}/projects/{project_key}/issues">,
  bulkCreate: {
    issues: [{ title: "One" }, { title: "Two", priority: "high", label_ids: [uuid] }],
  } satisfies Post<"/api/v1/workspaces/{workspace_slug}/projects/{project_key}/issues/bulk-create">,
  bulkUpdate: {
    keys: ["ENG-1", "ENG-2"],
    changes: { add_label_ids: [uuid], remove_assignee_ids: [uuid] },
  } satisfies Post<"/api/v1/workspaces/{workspace_slug}/issues/bulk-update">,
  rename: { title: "Crash on save (macOS)" } satisfies Patch<"/api/v1/workspaces/{workspace_slug}/issues/{issue_key}">,
  webhook: {
    url: "https://hooks.example.com/docket",
    event_types: ["issue.created"],
  } satisfies Post<"/api/v1/workspaces/{workspace_slug}/webhooks">,
};
