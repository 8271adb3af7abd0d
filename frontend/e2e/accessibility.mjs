/* global document */
/**
 * Every screen, light and dark, desktop and phone: axe finds no critical or serious violation,
 * and the browser tab is named after the screen.
 */
import { axeViolations } from "./axe.mjs";
import { apiCall, newPage, tokenFor, WEB } from "./harness.mjs";

const PASSWORD = "a-long-accessibility-passphrase";
const PERSON = { name: "Alma Access", email: "alma@example.com" };
const SLUG = "access";
const WORKSPACE = "Access Lab";

/** Alma's workspace with one project, a label and three issues, through the API. */
async function accessWorkspace() {
  await apiCall("POST", "/api/v1/auth/register", {
    body: { email: PERSON.email, password: PASSWORD, display_name: PERSON.name },
  });
  const token = await tokenFor(PERSON.email, PASSWORD);
  await apiCall("POST", "/api/v1/workspaces", { token, body: { name: WORKSPACE, slug: SLUG } });
  const project = `/api/v1/workspaces/${SLUG}/projects`;
  await apiCall("POST", project, { token, body: { key: "ACC", name: "Accessible" } });
  await apiCall("POST", `${project}/ACC/labels`, { token, body: { name: "bug", color: "#d73a4a" } });
  for (const [title, priority] of [["Readable contrast", "high"], ["Named controls", "low"], ["Landmarks", "none"]]) {
    await apiCall("POST", `${project}/ACC/issues`, { token, body: { title, priority } });
  }
}

/** Waits until the tab's title is `expected`; fails naming the title it has. */
async function expectTitle(page, expected) {
  try {
    await page.waitForFunction((title) => document.title === title, expected);
  } catch (error) {
    throw new Error(`the title is "${await page.title()}", not "${expected}"`, { cause: error });
  }
}

const ws = `${WEB}/w/${SLUG}`;

/**
 * What each screen is: where it is, its title, what shows once it is loaded and, for an overlay,
 * the key that opens it over the screen before.
 */
const SIGNED_OUT = [
  { name: "sign-in", url: `${WEB}/signin`, title: "Sign in · Docket", ready: (p) => p.getByRole("button", { name: "Sign in" }) },
  { name: "sign-up", url: `${WEB}/signup`, title: "Create account · Docket", ready: (p) => p.getByRole("button", { name: "Create account" }) },
];
const SIGNED_IN = [
  { name: "workspaces", url: `${WEB}/workspaces`, title: "Workspaces · Docket", ready: (p) => p.getByRole("link", { name: new RegExp(WORKSPACE) }) },
  { name: "projects", url: ws, title: `Projects · ${WORKSPACE} · Docket`, ready: (p) => p.getByRole("main").getByRole("link", { name: /Accessible/ }).first() },
  { name: "list", url: `${ws}/p/ACC/issues`, title: "Issues · ACC · Docket", ready: (p) => p.locator("tbody tr.issue-row").filter({ hasText: "Landmarks" }) },
  { name: "palette", key: "Control+k", title: "Issues · ACC · Docket", ready: (p) => p.getByRole("dialog", { name: "Command palette" }).getByRole("option").first() },
  { name: "shortcut-sheet", key: "Shift+?", title: "Issues · ACC · Docket", ready: (p) => p.getByRole("dialog", { name: "Keyboard shortcuts" }) },
  { name: "issue-panel", url: `${ws}/p/ACC/issues?issue=ACC-1`, title: "ACC-1 Readable contrast · Docket", ready: (p) => p.getByRole("complementary", { name: "Issue ACC-1" }).getByRole("button", { name: "Comment", exact: true }) },
  { name: "issue-page", url: `${ws}/i/ACC-2`, title: "ACC-2 Named controls · Docket", ready: (p) => p.getByRole("button", { name: "Comment", exact: true }) },
  { name: "board", url: `${ws}/p/ACC/board`, title: "Board · ACC · Docket", ready: (p) => p.getByRole("region", { name: "Todo", exact: true }).getByText("Landmarks") },
  { name: "inbox", url: `${ws}/inbox`, title: `Inbox · ${WORKSPACE} · Docket`, ready: (p) => p.getByRole("heading", { level: 1, name: "Inbox" }) },
  { name: "insights", url: `${ws}/insights`, title: `Insights · ${WORKSPACE} · Docket`, ready: (p) => p.getByRole("region", { name: "Cycle time" }) },
  { name: "project-insights", url: `${ws}/p/ACC/insights`, title: "Insights · ACC · Docket", ready: (p) => p.getByRole("region", { name: "Cycle time" }) },
  { name: "members", url: `${ws}/members`, title: `Members · ${WORKSPACE} · Docket`, ready: (p) => p.getByRole("main").getByText(PERSON.email).first() },
  { name: "project-settings", url: `${ws}/p/ACC/settings`, title: "Settings · ACC · Docket", ready: (p) => p.getByRole("heading", { level: 1, name: /Accessible settings/ }) },
  { name: "tokens", url: `${ws}/tokens`, title: "API tokens · Docket", ready: (p) => p.getByRole("heading", { level: 1, name: "API tokens" }) },
  { name: "webhooks", url: `${ws}/webhooks`, title: `Webhooks · ${WORKSPACE} · Docket`, ready: (p) => p.getByRole("heading", { level: 1, name: "Webhooks" }) },
  { name: "not-found", url: `${WEB}/nowhere`, title: "Page not found · Docket", ready: (p) => p.getByRole("heading", { name: "Page not found" }) },
];

const LAYOUTS = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];

/** Opens each screen in turn and collects (rather than stops at) what axe finds. */
async function visitAll(page, screens, label, found) {
  for (const screen of screens) {
    if (screen.url) await page.goto(screen.url);
    else await page.keyboard.press(screen.key);
    try {
      await screen.ready(page).waitFor();
      await expectTitle(page, screen.title);
    } catch (error) {
      // What axe found on the screens before is worth seeing with this failure.
      throw new Error(`${label} ${screen.name}: ${error.message}\n${found.join("\n")}`, { cause: error });
    }
    for (const violation of await axeViolations(page)) found.push(`${label} ${screen.name}: ${violation}`);
    if (screen.key) {
      await page.keyboard.press("Escape");
      await screen.ready(page).waitFor({ state: "detached" });
    }
  }
}

export const accessibilityScenarios = {
  async "accessibility: axe finds nothing serious and every screen names the tab"({ browser, problems }) {
    await accessWorkspace();
    const found = [];
    for (const layout of LAYOUTS) {
      for (const colorScheme of ["light", "dark"]) {
        const page = await newPage(browser, problems, { viewport: layout.viewport });
        await page.emulateMedia({ colorScheme });
        const label = `${layout.name}/${colorScheme}`;
        await visitAll(page, SIGNED_OUT, label, found);
        await page.goto(`${WEB}/signin`);
        await page.getByLabel("Email").fill(PERSON.email);
        await page.getByLabel("Password").fill(PASSWORD);
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.waitForURL(/\/w\//);
        await visitAll(page, SIGNED_IN, label, found);
        await page.context().close();
      }
    }
    if (found.length) throw new Error(`axe found ${found.length} serious or critical:\n${found.join("\n")}`);
  },
};
