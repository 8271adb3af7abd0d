/* global document */
/**
 * The user journeys. They run in order and share one workspace: the first builds it through the
 * UI, the later ones invite people into it.
 *
 * Every wait is for something the user sees (a row, a text, a URL, focus), never for the network
 * to go quiet or for a fixed time: on a busy machine both of those pass before the screen has
 * caught up. The one exception is waiting for the server's answer to a move, right before a
 * reload that reads the server's copy. ESLint (frontend/eslint.config.js) enforces this.
 */
import { API, apiCall, newPage, restartApi, tokenFor, WEB } from "./harness.mjs";
import { oauthScenarios } from "./oauth.mjs";

const PASSWORD = "a-long-browser-test-passphrase";
const OWNER = { name: "Olga Owner", email: "olga@example.com" };

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function signUp(page, person, startUrl = `${WEB}/signup`) {
  await page.goto(startUrl);
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

/**
 * Waits until the page shows the projects in the sidebar. They arrive with their own query, in a
 * later render than the workspace frame, so by then the frame's keyboard shortcuts (c, /), which
 * are attached in an effect after its first render, are listening.
 */
async function shortcutsReady(page) {
  await page.getByRole("navigation", { name: "Projects" }).getByRole("link").first().waitFor();
}

async function signedIn(browser, problems, email) {
  const page = await newPage(browser, problems);
  await page.goto(`${WEB}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\/rocket/);
  return page;
}

function column(page, name) {
  return page.getByRole("region", { name, exact: true });
}

/** Waits until `predicate(arg)` holds in the page; on timeout, fails with `description`. */
async function waitUntil(page, description, predicate, arg) {
  try {
    await page.waitForFunction(predicate, arg);
  } catch (error) {
    throw new Error(`timed out waiting until ${await description()}`, { cause: error });
  }
}

/** Waits until the issue table shows exactly these issues, in this order. */
async function expectRows(page, titles) {
  await waitUntil(
    page,
    async () =>
      `the issue list shows ${JSON.stringify(titles)}; ` +
      `it shows ${JSON.stringify(await page.locator("tbody tr.issue-row").allInnerTexts())}`,
    (expected) => {
      const rows = [...document.querySelectorAll("tbody tr.issue-row")].map((row) => row.innerText);
      return rows.length === expected.length && expected.every((title, i) => rows[i].includes(title));
    },
    titles,
  );
}

async function signIn(page, email) {
  await page.goto(`${WEB}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\//);
}

/** A person with an account, through the API (for scenarios that test something else). */
async function register(person) {
  await apiCall("POST", "/api/v1/auth/register", {
    body: { email: person.email, password: PASSWORD, display_name: person.name },
  });
  return tokenFor(person.email, PASSWORD);
}

/**
 * Waits until the API's insights for a project count `completed` completions in the last 30
 * days. The worker's analytics consumer records a change a moment after it is made (after the
 * live update that would otherwise tell the page), so the page is opened once they count. The
 * page asks the API, one request at a time, whenever Playwright polls the predicate.
 */
async function waitForCompletions(page, token, projectPath, completed) {
  const url = `${API}${projectPath}/insights?days=30`;
  try {
    await page.waitForFunction(
      ({ url, token, completed }) => {
        const probe = (globalThis.insightsProbe ??= { pending: false, count: 0 });
        if (!probe.pending) {
          probe.pending = true;
          fetch(url, { headers: { Authorization: `Bearer ${token}` } })
            .then((response) => response.json())
            .then((body) => (probe.count = body.cycle_time_hours.count))
            .finally(() => (probe.pending = false));
        }
        return probe.count >= completed;
      },
      { url, token, completed },
      { polling: 250 },
    );
  } catch (error) {
    throw new Error(`timed out waiting until ${url} counts ${completed} completed`, { cause: error });
  }
}

async function createIssue(page, title, priority) {
  await shortcutsReady(page);
  await page.keyboard.press("c");
  const dialog = page.getByRole("dialog", { name: "New issue" });
  await dialog.getByLabel("Title").fill(title);
  if (priority) await dialog.getByLabel("Priority").selectOption(priority);
  await dialog.getByRole("button", { name: "Create issue" }).click();
  await dialog.waitFor({ state: "detached" });
}

/**
 * A person with a workspace and a project of their own, through the API, for a scenario that
 * must not depend on (or disturb) the shared `rocket` workspace. Returns their token.
 */
async function ownWorkspace(person, slug, projectKey, projectName = "Project") {
  const token = await register(person);
  await apiCall("POST", "/api/v1/workspaces", { token, body: { name: slug, slug } });
  await apiCall("POST", `/api/v1/workspaces/${slug}/projects`, {
    token,
    body: { key: projectKey, name: projectName },
  });
  return token;
}

/** `count` issues titled `${prefix} 1..count`, created 100 at a time (the bulk limit). */
async function bulkIssues(token, slug, projectKey, prefix, count) {
  for (let start = 1; start <= count; start += 100) {
    const issues = [];
    for (let n = start; n < Math.min(start + 100, count + 1); n += 1) {
      issues.push({ title: `${prefix} ${n}` });
    }
    await apiCall("POST", `/api/v1/workspaces/${slug}/projects/${projectKey}/issues/bulk-create`, {
      token,
      body: { issues },
    });
  }
}

export const scenarios = {
  async "sign up, workspace, project, issues, filters, detail, board"({ browser, problems, shot }) {
    const page = await newPage(browser, problems);
    await signUp(page, OWNER);
    await page.waitForURL(`${WEB}/workspaces`);
    await page.getByLabel("Workspace name").fill("Rocket Labs");
    await page.getByLabel("URL slug").fill("rocket");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL(`${WEB}/w/rocket`);
    await shot(page, "1-workspace");

    await page.getByLabel("Name").fill("Engineering");
    await page.getByLabel("Key").fill("ENG");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.getByRole("link", { name: /Engineering/ }).first().waitFor();
    await page.goto(`${WEB}/w/rocket/p/ENG/issues`);
    await createIssue(page, "Crash on upload", "urgent");
    await createIssue(page, "Add dark mode");
    await createIssue(page, "Write onboarding docs");
    const allIssues = ["Write onboarding docs", "Add dark mode", "Crash on upload"];
    await expectRows(page, allIssues);
    await shot(page, "2-issue-list");

    await page.getByLabel("Filter by priority").selectOption("urgent");
    await page.waitForURL(/priority=urgent/);
    await expectRows(page, ["Crash on upload"]);
    await page.goto(`${WEB}/w/rocket/p/ENG/issues`);
    await expectRows(page, allIssues);
    await shortcutsReady(page);
    await page.keyboard.press("/");
    await waitUntil(
      page,
      async () => "the search box has the focus after pressing /",
      () => document.activeElement?.matches("input[type=search]") ?? false,
    );
    await page.keyboard.type("dark");
    await page.waitForURL(/q=dark/);
    await expectRows(page, ["Add dark mode"]);
    await shot(page, "3-search");

    await page.goto(`${WEB}/w/rocket/i/ENG-3`);
    await page.getByLabel("Priority").selectOption("high");
    await page.getByRole("textbox", { name: "Comment", exact: true }).fill("Drafted the first chapter.");
    await page.getByRole("button", { name: "Comment", exact: true }).click();
    await page.getByText("Drafted the first chapter.").first().waitFor();
    await page.getByText(/changed priority/).first().waitFor();
    await shot(page, "4-detail");

    await page.goto(`${WEB}/w/rocket/p/ENG/board`);
    const card = page.getByTestId("issue-card").filter({ hasText: "ENG-2" });
    const target = page.getByRole("region", { name: "In Progress", exact: true });
    // The board shows the move at once (optimistic); only the server's answer says it is saved,
    // and the reload below shows the server's copy. So this one wait is for the API response.
    const [moved] = await Promise.all([
      page.waitForResponse(
        (response) =>
          response.request().method() === "POST" &&
          new URL(response.url()).pathname === "/api/v1/workspaces/rocket/issues/ENG-2/move",
      ),
      card.dragTo(target),
    ]);
    check(moved.ok(), `move ENG-2: HTTP ${moved.status()}`);
    await target.getByTestId("issue-card").filter({ hasText: "ENG-2" }).waitFor();
    await page.reload();
    await page
      .getByRole("region", { name: "In Progress", exact: true })
      .getByTestId("issue-card")
      .filter({ hasText: "ENG-2" })
      .waitFor();
    await shot(page, "5-board-after-reload");
    const token = await tokenFor(OWNER.email, PASSWORD);
    const issue = await apiCall("GET", "/api/v1/workspaces/rocket/issues/ENG-2", { token });
    check(issue.state.name === "In Progress", `ENG-2 is in ${issue.state.name}`);
    await page.context().close();
  },

  async "invite a second user who signs up through the link"({ browser, problems, shot }) {
    const owner = await newPage(browser, problems);
    await owner.goto(`${WEB}/signin`);
    await owner.getByLabel("Email").fill(OWNER.email);
    await owner.getByLabel("Password").fill(PASSWORD);
    await owner.getByRole("button", { name: "Sign in" }).click();
    await owner.waitForURL(/\/w\/rocket/);
    await owner.goto(`${WEB}/w/rocket/members`);
    await owner.getByLabel("Email").fill("sam@example.com");
    await owner.getByRole("button", { name: "Send invitation" }).click();
    const link = await owner.getByLabel("Invitation link").inputValue();
    // The token rides in the fragment, never in a path a server or a Referer sees.
    check(/\/invite#token=[\w-]+$/.test(link), `invitation link: ${link}`);
    await shot(owner, "1-invited");
    await owner.context().close();

    const invitee = await newPage(browser, problems);
    await invitee.goto(link);
    await invitee.getByRole("link", { name: "Create an account" }).click();
    check(!invitee.url().includes(new URL(link).hash.slice(7)), `token in URL: ${invitee.url()}`);
    await invitee.getByLabel("Name").fill("Sam Second");
    await invitee.getByLabel("Email").fill("sam@example.com");
    await invitee.getByLabel("Password").fill(PASSWORD);
    await invitee.getByRole("button", { name: "Create account" }).click();
    await invitee.getByRole("button", { name: "Accept invitation" }).click();
    await invitee.waitForURL(/\/w\/rocket/);
    await invitee.getByRole("link", { name: /Engineering/ }).first().waitFor();
    await shot(invitee, "2-member-sees-project");
    await invitee.context().close();
  },

  async "a guest sees only the projects they were added to"({ browser, problems, shot }) {
    const token = await tokenFor(OWNER.email, PASSWORD);
    await apiCall("POST", "/api/v1/workspaces/rocket/projects", {
      token,
      body: { key: "OPS", name: "Operations" },
    });
    const invitation = await apiCall("POST", "/api/v1/workspaces/rocket/invitations", {
      token,
      body: { email: "gil@example.com", role: "guest" },
    });
    const guest = await newPage(browser, problems, { expectHttpErrors: true });
    // A link of the old shape (the token in the path) still works: the SPA moves it away.
    await guest.goto(`${WEB}/invite/${invitation.token}`);
    await guest.waitForURL((url) => url.pathname === "/invite" && url.hash.includes("token="));
    await signUp(guest, { name: "Gil Guest", email: "gil@example.com" },
      `${WEB}/signup?next=${encodeURIComponent("/invite")}`);
    await guest.getByRole("button", { name: "Accept invitation" }).click();
    await guest.waitForURL(/\/w\/rocket/);
    const members = await apiCall("GET", "/api/v1/workspaces/rocket/members", { token });
    const gil = members.results.find((m) => m.user.email === "gil@example.com");
    await apiCall("POST", "/api/v1/workspaces/rocket/projects/ENG/members", {
      token,
      body: { user_id: gil.user.id },
    });
    await guest.reload();
    await guest.getByRole("link", { name: /Engineering/ }).first().waitFor();
    const nav = await guest.getByRole("navigation", { name: "Projects" }).innerText();
    check(!nav.includes("Operations"), `guest sees: ${nav}`);
    await guest.goto(`${WEB}/w/rocket/p/OPS/issues`);
    await guest.getByRole("alert").first().waitFor();
    await shot(guest, "1-guest-view");
    await guest.context().close();
  },

  async "the issue list and board fit a phone screen"({ browser, problems, shot }) {
    const page = await newPage(browser, problems, { viewport: { width: 390, height: 844 } });
    await page.goto(`${WEB}/signin`);
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/w\/rocket/);
    for (const view of ["issues", "board"]) {
      await page.goto(`${WEB}/w/rocket/p/ENG/${view}`);
      await page.getByText("Crash on upload").first().waitFor();
      const width = await page.evaluate(() => globalThis.document.documentElement.scrollWidth);
      check(width <= 390, `${view} is ${width}px wide on a 390px screen`);
      await shot(page, `phone-${view}`);
    }
    await page.context().close();
  },

  async "a card moved in one window moves in the other, live"({ browser, problems, shot }) {
    const olga = await signedIn(browser, problems, OWNER.email);
    const sam = await signedIn(browser, problems, "sam@example.com");
    for (const page of [olga, sam]) {
      await page.goto(`${WEB}/w/rocket/p/ENG/board`);
      await column(page, "Todo").getByTestId("issue-card").filter({ hasText: "ENG-1" }).waitFor();
      // "Live": the socket is open and every topic on screen is subscribed.
      await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    }
    await shot(sam, "1-both-live");

    // Olga drags a card; Sam's board shows it in its new column without a reload.
    await column(olga, "Todo").getByTestId("issue-card").filter({ hasText: "ENG-1" })
      .dragTo(column(olga, "In Progress"));
    await column(sam, "In Progress").getByTestId("issue-card").filter({ hasText: "ENG-1" }).waitFor();
    await shot(sam, "2-moved-by-olga");

    // And the other way round.
    await column(sam, "In Progress").getByTestId("issue-card").filter({ hasText: "ENG-1" })
      .dragTo(column(sam, "Todo"));
    await column(olga, "Todo").getByTestId("issue-card").filter({ hasText: "ENG-1" }).waitFor();
    await shot(olga, "3-moved-back-by-sam");
    await olga.context().close();
    await sam.context().close();
  },

  async "after a server restart the board reconnects and shows what changed"({ browser, problems, shot }) {
    // Chromium reports the dropped socket and the refused reconnects as console errors.
    const page = await newPage(browser, problems, { expectConsoleErrors: /WebSocket/ });
    await signIn(page, OWNER.email);
    await page.goto(`${WEB}/w/rocket/p/ENG/board`);
    await column(page, "Todo").getByTestId("issue-card").filter({ hasText: "ENG-1" }).waitFor();
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    const token = await tokenFor(OWNER.email, PASSWORD);
    await restartApi(async () => {
      await page.getByRole("status").filter({ hasText: "Reconnecting" }).waitFor();
      await shot(page, "1-reconnecting");
    });
    // A change made right after the restart, while the page may still be waiting to reconnect:
    // it arrives live, or with the refetch that follows the reconnect. Either way, no reload.
    const issue = await apiCall("GET", "/api/v1/workspaces/rocket/issues/ENG-1", { token });
    const states = await apiCall("GET", "/api/v1/workspaces/rocket/projects/ENG/states", { token });
    const done = states.results.find((state) => state.name === "Done");
    await apiCall("PATCH", `/api/v1/workspaces/rocket/issues/${issue.key}`, {
      token,
      body: { state_id: done.id },
    });
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    await column(page, "Done").getByTestId("issue-card").filter({ hasText: "ENG-1" }).waitFor();
    await shot(page, "2-live-again");
    await apiCall("PATCH", `/api/v1/workspaces/rocket/issues/${issue.key}`, {
      token,
      body: { state_id: issue.state.id },
    });
    await column(page, "Todo").getByTestId("issue-card").filter({ hasText: "ENG-1" }).waitFor();
    await page.context().close();
  },

  async "a move the server refuses rolls back with a message"({ browser, problems, shot }) {
    const token = await tokenFor(OWNER.email, PASSWORD);
    const page = await newPage(browser, problems, { expectHttpErrors: true });
    await page.goto(`${WEB}/signin`);
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/w\/rocket/);
    await page.goto(`${WEB}/w/rocket/p/ENG/board`);
    const todo = page.getByRole("region", { name: "Todo", exact: true });
    await todo.getByTestId("issue-card").filter({ hasText: "ENG-1" }).waitFor();
    // Archived projects refuse issue changes (409): the board shows the drop, then undoes it.
    await apiCall("POST", "/api/v1/workspaces/rocket/projects/ENG/archive", { token });
    try {
      const done = page.getByRole("region", { name: "Done", exact: true });
      await todo.getByTestId("issue-card").filter({ hasText: "ENG-1" }).dragTo(done);
      const alert = page.getByRole("alert").filter({ hasText: "Could not move ENG-1" });
      await alert.waitFor();
      check((await alert.innerText()).includes("archived"), await alert.innerText());
      await todo.getByTestId("issue-card").filter({ hasText: "ENG-1" }).waitFor();
      await shot(page, "rolled-back");
    } finally {
      await apiCall("POST", "/api/v1/workspaces/rocket/projects/ENG/unarchive", { token });
    }
    const issue = await apiCall("GET", "/api/v1/workspaces/rocket/issues/ENG-1", { token });
    check(issue.state.name === "Todo", `ENG-1 is in ${issue.state.name}`);
    await page.context().close();
  },

  async "inbox: an assignee is told, and reading clears the badge"({ browser, problems, shot }) {
    const ada = { name: "Ada Assigner", email: "ada@example.com" };
    const ben = { name: "Ben Busy", email: "ben@example.com" };
    const adaToken = await register(ada);
    const benToken = await register(ben);
    await apiCall("POST", "/api/v1/workspaces", {
      token: adaToken,
      body: { name: "Beacon", slug: "beacon" },
    });
    const invitation = await apiCall("POST", "/api/v1/workspaces/beacon/invitations", {
      token: adaToken,
      body: { email: ben.email, role: "member" },
    });
    await apiCall("POST", "/api/v1/invitations/accept", {
      token: benToken,
      body: { token: invitation.token },
    });
    await apiCall("POST", "/api/v1/workspaces/beacon/projects", {
      token: adaToken,
      body: { key: "BCN", name: "Lighthouse" },
    });
    await apiCall("POST", "/api/v1/workspaces/beacon/projects/BCN/issues", {
      token: adaToken,
      body: { title: "Replace the lamp" },
    });

    // Ben has his inbox open, live and empty.
    const benPage = await newPage(browser, problems);
    await signIn(benPage, ben.email);
    const inbox = `${WEB}/w/beacon/inbox`;
    await benPage.goto(inbox);
    await benPage.getByText("You're all caught up").waitFor();
    await benPage.getByRole("status").filter({ hasText: "Live" }).waitFor();

    // Ada assigns Ben, then mentions him in a comment: two notifications for Ben.
    const adaPage = await newPage(browser, problems);
    await signIn(adaPage, ada.email);
    await adaPage.goto(`${WEB}/w/beacon/i/BCN-1`);
    // The assignee picker asks the server for "ben" and offers him.
    await adaPage.getByRole("combobox", { name: "Add assignee" }).fill("ben");
    await adaPage.getByRole("option", { name: new RegExp(ben.name) }).click();
    await waitUntil(
      adaPage,
      async () => "Ben's assignment is saved (the activity says so)",
      () => document.body.innerText.includes("assigned Ben Busy"),
    );
    await adaPage
      .getByRole("textbox", { name: "Comment", exact: true })
      .fill("@ben@example.com can you take this one?");
    await adaPage.getByRole("button", { name: "Comment", exact: true }).click();
    await adaPage.getByText("can you take this one?").first().waitFor();

    const rows = benPage.getByRole("list", { name: "Notifications" }).getByRole("listitem");
    const row = (text) => rows.filter({ hasText: `Ada Assigner ${text} BCN-1 Replace the lamp` });
    const assigned = row("assigned you to");
    const mentioned = row("mentioned you in");
    // They arrive on Ben's open page without a reload: the badge counts up and the rows show.
    await benPage.getByRole("link", { name: "Inbox, 2 unread" }).waitFor();
    await mentioned.waitFor();
    await assigned.waitFor();
    check((await rows.count()) === 2, `Ben's inbox: ${await rows.allInnerTexts()}`);
    check(
      (await mentioned.innerText()).includes("just now") ||
        /minutes? ago/.test(await mentioned.innerText()),
      `relative time: ${await mentioned.innerText()}`,
    );
    await shot(benPage, "1-two-unread");

    // Opening one marks it read: the issue opens and the badge counts one.
    await assigned.getByRole("link").click();
    await benPage.waitForURL(`${WEB}/w/beacon/i/BCN-1`);
    await benPage.getByRole("link", { name: "Inbox, 1 unread" }).waitFor();
    await benPage.getByText("can you take this one?").first().waitFor();
    await shot(benPage, "2-opened-issue");

    await benPage.getByRole("link", { name: "Inbox, 1 unread" }).click();
    await benPage.waitForURL(inbox);
    await mentioned.getByText("Unread:").waitFor({ state: "attached" });
    await assigned.waitFor();
    check(
      !(await assigned.innerText()).includes("Unread"),
      `the opened one is still unread: ${await assigned.innerText()}`,
    );
    await benPage.getByRole("button", { name: "Mark all read" }).click();
    await benPage.getByRole("link", { name: "Inbox", exact: true }).waitFor();
    await waitUntil(
      benPage,
      async () => `no row is marked unread; rows: ${await rows.allInnerTexts()}`,
      () => document.querySelectorAll(".notification-unread").length === 0,
    );
    await shot(benPage, "3-all-read");
    await benPage.setViewportSize({ width: 390, height: 844 });
    const width = await benPage.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 390, `the inbox is ${width}px wide on a 390px screen`);
    await shot(benPage, "4-phone");

    // The server agrees, and Ada was told nothing of her own changes.
    const count = await apiCall("GET", "/api/v1/workspaces/beacon/notifications/unread-count", {
      token: benToken,
    });
    check(count.unread === 0, `Ben has ${count.unread} unread`);
    await adaPage.goto(`${WEB}/w/beacon/inbox`);
    await adaPage.getByText("You're all caught up").waitFor();
    await shot(adaPage, "5-actor-caught-up");
    await adaPage.context().close();
    await benPage.context().close();
  },

  async "webhooks: an admin adds an endpoint, sees its secret once, turns it off"({ browser, problems, shot }) {
    const page = await newPage(browser, problems);
    await signIn(page, OWNER.email);
    await page.getByRole("link", { name: "Webhooks" }).click();
    await page.waitForURL(`${WEB}/w/rocket/webhooks`);
    await page.getByText("No endpoints yet").waitFor();

    const receiver = "https://hooks.example.com/docket";
    await page.getByLabel("Receiver URL").fill(receiver);
    await page.getByLabel("Description", { exact: true }).fill("Release notes bot");
    await page.getByLabel("issue.created").check();
    await page.getByLabel("issue.updated").check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = await page.getByLabel("Signing secret").inputValue();
    check(secret.startsWith("whsec_"), `signing secret: ${secret}`);
    await page.getByText("you will not see it again").waitFor();
    const row = page.getByRole("row").filter({ hasText: receiver });
    await row.getByText("Release notes bot").waitFor();
    await row.getByText("Active").waitFor();
    check(!(await row.innerText()).includes(secret), "the list shows the secret");
    await shot(page, "1-created");

    // Turned off, and still off after a reload; the secret is not shown again.
    await row.getByRole("button", { name: "Turn off" }).click();
    await row.getByRole("button", { name: "Turn on" }).waitFor();
    await page.reload();
    await page.getByRole("row").filter({ hasText: receiver }).getByText("Disabled").waitFor();
    check((await page.getByLabel("Signing secret").count()) === 0, "the secret is shown again");
    check(!(await page.content()).includes(secret), "the page still holds the secret");
    await shot(page, "2-turned-off");
    const token = await tokenFor(OWNER.email, PASSWORD);
    const endpoints = await apiCall("GET", "/api/v1/workspaces/rocket/webhooks", { token });
    check(
      endpoints.results.length === 1 && endpoints.results[0].is_active === false,
      `endpoints: ${JSON.stringify(endpoints.results)}`,
    );
    await page.context().close();
  },

  async "insights: a completed issue shows in the project's figures and charts"({ browser, problems, shot }) {
    const token = await tokenFor(OWNER.email, PASSWORD);
    const states = await apiCall("GET", "/api/v1/workspaces/rocket/projects/ENG/states", { token });
    const done = states.results.find((state) => state.name === "Done");
    // ENG-2 was started on the board in the first scenario; finishing it gives it a cycle time.
    await apiCall("PATCH", "/api/v1/workspaces/rocket/issues/ENG-2", {
      token,
      body: { state_id: done.id },
    });

    const page = await newPage(browser, problems, { viewport: { width: 1280, height: 1000 } });
    await signIn(page, OWNER.email);
    await waitForCompletions(page, token, "/api/v1/workspaces/rocket/projects/ENG", 1);
    await page.goto(`${WEB}/w/rocket/p/ENG/board`);
    await page.getByRole("navigation", { name: "Project views" }).getByRole("link", { name: "Insights" }).click();
    await page.waitForURL(`${WEB}/w/rocket/p/ENG/insights`);

    const cycle = page.getByRole("region", { name: "Cycle time" });
    await cycle.getByText("1 completed issue", { exact: true }).waitFor();
    await cycle.getByText("Median (p50)").waitFor();
    await page.getByRole("region", { name: "Lead time" }).getByText("1 completed issue", { exact: true }).waitFor();
    // ENG-1 and ENG-3 are still open.
    await page.getByRole("region", { name: "Open issue age" }).getByText("2 open issues").waitFor();
    const flow = page.getByRole("figure", { name: "Cumulative flow" });
    // Bands of categories no issue is in are flat (and so hidden): wait for one that is not.
    await flow.locator('.recharts-area-area[name="Completed"]').waitFor();
    check((await flow.locator(".recharts-area").count()) === 5, "the flow has five bands");
    await flow.getByText(/1 completed, 0 canceled\.$/).waitFor();
    const throughput = page.getByRole("figure", { name: "Weekly throughput" });
    await throughput.locator(".recharts-bar-rectangle path").first().waitFor();
    await throughput.getByText(/^1 issue completed over/).waitFor();
    await shot(page, "1-project-90-days");

    // Another window: asked for again, kept in the address.
    const picker = page.getByRole("group", { name: "Window" });
    await picker.getByRole("button", { name: "30 days" }).click();
    await page.waitForURL(/insights\?days=30$/);
    await picker.locator('button[aria-pressed="true"]').filter({ hasText: "30 days" }).waitFor();
    // The 90 days' figures stay, marked as updating, until the 30 days' arrive.
    await page.getByRole("status").filter({ hasText: "Loading the last 30 days" }).waitFor({ state: "detached" });
    await cycle.getByText("1 completed issue", { exact: true }).waitFor();
    const weeks = await throughput.getByText(/^1 issue completed over \d+ weeks\.$/).innerText();
    check(Number(/over (\d+) weeks/.exec(weeks)[1]) <= 6, `30 days span ${weeks}`);
    await shot(page, "2-project-30-days");

    // The workspace's figures, from the workspace navigation.
    // The sidebar's first "Insights" is the workspace's; the project's own follows under ENG.
    await page.getByRole("complementary", { name: "Workspace navigation" }).getByRole("link", { name: "Insights", exact: true }).first().click();
    await page.waitForURL(`${WEB}/w/rocket/insights`);
    await page.getByRole("heading", { level: 1, name: "Insights" }).waitFor();
    await page.getByRole("region", { name: "Cycle time" }).getByText("1 completed issue", { exact: true }).waitFor();
    await page.getByRole("figure", { name: "Cumulative flow" }).locator('.recharts-area-area[name="Unstarted"]').waitFor();
    await shot(page, "3-workspace");

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("figure", { name: "Weekly throughput" }).locator(".recharts-bar-rectangle path").first().waitFor();
    // The charts measure their container when it resizes (a ResizeObserver, a frame or more
    // after the viewport shrinks): wait for the page to settle at the phone's width, then check.
    await page
      .waitForFunction(() => document.documentElement.scrollWidth <= 390, null, { timeout: 10_000 })
      .catch(() => {});
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 390, `insights are ${width}px wide on a 390px screen`);
    await shot(page, "4-phone");
    await page.context().close();
  },

  async "a long board column loads its next cards when scrolled to its end"({ browser, problems, shot }) {
    // A project of its own, so the other scenarios' counts stay as they were.
    const token = await tokenFor(OWNER.email, PASSWORD);
    await apiCall("POST", "/api/v1/workspaces/rocket/projects", {
      token,
      body: { key: "LONG", name: "Long board" },
    });
    const issues = Array.from({ length: 70 }, (_, i) => ({ title: `Long card ${i + 1}` }));
    await apiCall("POST", "/api/v1/workspaces/rocket/projects/LONG/issues/bulk-create", {
      token,
      body: { issues },
    });

    const page = await signedIn(browser, problems, OWNER.email);
    const requests = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/api/v1/workspaces/rocket/projects/LONG/")) {
        requests.push(url.pathname.split("/").pop());
      }
    });
    await page.goto(`${WEB}/w/rocket/p/LONG/board`);
    // The first page: 25 cards, and the column's header counts all 70.
    const todo = column(page, "Todo");
    await todo.getByTestId("column-count").filter({ hasText: /^70$/ }).waitFor();
    const cards = todo.getByTestId("issue-card");
    await cards.nth(24).waitFor();
    check((await cards.count()) === 25, `Todo shows ${await cards.count()} cards before scrolling`);
    check(!requests.includes("issues"), `issues asked before scrolling: ${requests.join(", ")}`);
    await shot(page, "1-first-page");

    // Scrolling to the column's end (no click) brings the next 25, then the last 20, each once.
    // Each load re-renders the column's end (and may start the next load while it is still in
    // view), so it is found afresh every time rather than held across a load.
    const counts = [];
    for (let shown = await cards.count(); shown !== 70; shown = await cards.count()) {
      counts.push(shown);
      await todo.evaluate((element) =>
        element.querySelector('[data-testid="column-more"]')?.scrollIntoView({ block: "center" }),
      );
      await cards.nth(shown).waitFor();
    }
    check(counts.every((shown) => [25, 50].includes(shown)), `cards seen: ${counts.join(", ")}`);
    check(requests.filter((name) => name === "issues").length === 2, `requests: ${requests.join(", ")}`);
    await todo.getByTestId("column-more").waitFor({ state: "detached" });
    const keys = await cards.evaluateAll((elements) => elements.map((card) => card.dataset.key));
    check(keys.length === 70 && new Set(keys).size === 70, `Todo shows ${keys.length} cards, ${new Set(keys).size} distinct`);
    check(requests.filter((name) => name === "board").length === 1, `requests: ${requests.join(", ")}`);
    await shot(page, "2-scrolled");

    // A card from the last page moves like any other.
    await cards.filter({ hasText: "Long card 70" }).getByLabel("Move to").selectOption({ label: "Done" });
    await column(page, "Done").getByTestId("issue-card").filter({ hasText: "Long card 70" }).waitFor();
    await todo.getByTestId("column-count").filter({ hasText: /^69$/ }).waitFor();
    await page.context().close();
  },
  async "bug: opening an issue in a big project asks only for what it shows"({ browser, problems, shot }) {
    const person = { name: "Pia Picker", email: "pia@example.com" };
    const token = await ownWorkspace(person, "bigco", "BIG", "Big project");
    await bulkIssues(token, "bigco", "BIG", "Big task", 250);
    const page = await newPage(browser, problems);
    await signIn(page, person.email);
    // Every request the page makes to the project's issue list, and all others.
    const listed = [];
    const everything = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith("/api/v1/")) return;
      everything.push(`${request.method()} ${url.pathname}${url.search}`);
      if (url.pathname === "/api/v1/workspaces/bigco/projects/BIG/issues") listed.push(url);
    });
    await page.goto(`${WEB}/w/bigco/p/BIG/issues?issue=BIG-5`);
    const panel = page.getByRole("complementary", { name: "Issue BIG-5" });
    await panel.getByLabel("Parent").waitFor();
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();

    // The parent picker asks the server as one types, by key.
    const parent = panel.getByRole("combobox", { name: "Parent" });
    await parent.fill("BIG-7");
    await panel.getByRole("option", { name: /BIG-7 Big task 7/ }).click();
    await panel.getByText("sub-issue of").getByRole("link", { name: "BIG-7" }).waitFor();
    await shot(page, "1-parent-picked");
    // The list's own pages (the picker asks for ten at a time).
    const pages = listed.filter((url) => url.searchParams.get("limit") !== "10");
    check(pages.length === 1, `the issue list was asked ${pages.length} times: ${pages.join(", ")}`);
    check(
      listed.every((url) => !url.searchParams.has("cursor")),
      `pages beyond the first were fetched: ${listed.join(", ")}`,
    );

    // Someone else comments three times on another issue and renames one in view: the page shows
    // the rename (events arrive in order, so the comments came first) without reloading the list.
    const before = everything.length;
    for (const n of [1, 2, 3]) {
      await apiCall("POST", "/api/v1/workspaces/bigco/issues/BIG-9/comments", {
        token,
        body: { body: `Comment ${n}` },
      });
    }
    await apiCall("PATCH", "/api/v1/workspaces/bigco/issues/BIG-250", {
      token,
      body: { title: "Big task 250, renamed" },
    });
    await page.locator("tbody tr.issue-row").filter({ hasText: "Big task 250, renamed" }).waitFor();
    const after = everything.slice(before);
    check(
      after.every((request) => !/\/issues(\?|$)|\/board/.test(request)),
      `a live change reloaded a list: ${after.join(", ")}`,
    );
    // The open issue's own change (its parent) may echo back meanwhile; anything else is the
    // renamed issue, read once.
    const others = after.filter((request) => !/\/issues\/BIG-5(\/|\?|$)/.test(request));
    check(others.length <= 1, `a live change cost ${others.length} requests: ${others.join(", ")}`);
    await shot(page, "2-live-rename");
    await page.context().close();
  },

  async "bug: a reload while the API is unreachable keeps the user signed in"({ browser, problems, shot }) {
    const person = { name: "Rui Reload", email: "rui@example.com" };
    await ownWorkspace(person, "calm", "CALM", "Calm project");
    const page = await newPage(browser, problems);
    await signIn(page, person.email);
    await page.getByRole("navigation", { name: "Projects" }).getByRole("link").first().waitFor();
    // The API is away for the first two tries to refresh the session after the reload.
    let refused = 0;
    await page.route(`${API}/api/v1/auth/token/refresh`, (route) => {
      if (refused < 2) {
        refused += 1;
        return route.abort("connectionrefused");
      }
      return route.continue();
    });
    await page.reload();
    await page.getByRole("navigation", { name: "Projects" }).getByRole("link").first().waitFor();
    check(refused === 2, `the refresh was refused ${refused} times`);
    check(!page.url().includes("/signin"), `signed out: ${page.url()}`);
    await page.unroute(`${API}/api/v1/auth/token/refresh`);
    // And the next reload restores the session too: the browser still knows it signed in.
    await page.reload();
    await page.getByRole("navigation", { name: "Projects" }).getByRole("link").first().waitFor();
    check(!page.url().includes("/signin"), `signed out after a second reload: ${page.url()}`);
    await shot(page, "still-signed-in");
    await page.context().close();
  },

  async "bug: a card moved or created past a long column's loaded cards stays in view"({ browser, problems, shot }) {
    const person = { name: "Dee Deep", email: "dee@example.com" };
    const token = await ownWorkspace(person, "deep", "DEEP", "Deep board");
    await bulkIssues(token, "deep", "DEEP", "Deep card", 30);
    const states = await apiCall("GET", "/api/v1/workspaces/deep/projects/DEEP/states", { token });
    const started = states.results.find((state) => state.name === "In Progress");
    await apiCall("PATCH", "/api/v1/workspaces/deep/issues/DEEP-30", {
      token,
      body: { state_id: started.id },
    });
    const page = await newPage(browser, problems);
    await signIn(page, person.email);
    await page.goto(`${WEB}/w/deep/p/DEEP/board`);
    const todo = column(page, "Todo");
    await todo.getByTestId("column-count").filter({ hasText: /^29$/ }).waitFor();
    await todo.getByTestId("issue-card").nth(24).waitFor();

    // Moved into Todo, below its 25 loaded cards (of 29).
    const card = column(page, "In Progress").getByTestId("issue-card").filter({ hasText: "DEEP-30" });
    const [moved] = await Promise.all([
      page.waitForResponse(
        (response) =>
          response.request().method() === "POST" &&
          new URL(response.url()).pathname === "/api/v1/workspaces/deep/issues/DEEP-30/move",
      ),
      card.getByLabel("Move to").selectOption({ label: "Todo" }),
    ]);
    check(moved.ok(), `move DEEP-30: HTTP ${moved.status()}`);
    const inFirstPage = async (key) => {
      await page.reload();
      const reloaded = column(page, "Todo");
      await reloaded.getByTestId("issue-card").nth(24).waitFor();
      const shown = await reloaded.getByTestId("issue-card").filter({ hasText: key }).count();
      check(shown === 1, `${key} is not among Todo's first cards after a reload`);
    };
    await inFirstPage("DEEP-30");
    await shot(page, "1-moved-after-reload");

    // A new issue (Todo is the default state), created from the board.
    await createIssue(page, "Fresh card");
    await page.goto(`${WEB}/w/deep/p/DEEP/board`);
    await inFirstPage("DEEP-31");
    await shot(page, "2-created-after-reload");
    await page.context().close();
  },

  async "bug: offline and hung API are shown, changes roll back, nothing cancelled replays"({ browser, problems, shot }) {
    const person = { name: "Olu Offline", email: "olu@example.com" };
    const token = await ownWorkspace(person, "storm", "STM", "Storm");
    await apiCall("POST", "/api/v1/workspaces/storm/projects/STM/issues", {
      token,
      body: { title: "Weather report" },
    });
    const page = await newPage(browser, problems, {
      expectConsoleErrors: /WebSocket|ERR_INTERNET_DISCONNECTED|Failed to fetch/,
    });
    await signIn(page, person.email);
    await page.goto(`${WEB}/w/storm/p/STM/issues?issue=STM-1`);
    const panel = page.getByRole("complementary", { name: "Issue STM-1" });
    await panel.getByLabel("Priority").waitFor();
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();

    await page.context().setOffline(true);
    const offline = page.getByRole("alert").filter({ hasText: /offline/i });
    await offline.waitFor();
    // A change fails at once, visibly, and the field shows the server's value again.
    await panel.getByLabel("Priority").selectOption("high");
    await panel.getByRole("alert").filter({ hasText: /Could not save/ }).waitFor();
    await waitUntil(
      page,
      async () => "the priority is back to none",
      () => document.querySelector('.side-panel select[aria-label="Priority"]')?.value === "none",
    );
    // The description keeps what the user wrote.
    await panel.getByRole("button", { name: "Edit" }).click();
    await panel.getByLabel("Description").fill("A draft that must survive");
    await panel.getByRole("button", { name: "Save" }).click();
    await panel.getByRole("alert").filter({ hasText: /Could not save/ }).first().waitFor();
    check(
      (await panel.getByLabel("Description").inputValue()) === "A draft that must survive",
      "the description editor lost the draft",
    );
    // The create dialog says it failed and closes when cancelled.
    await page.keyboard.press("Escape");
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("c");
    const dialog = page.getByRole("dialog", { name: "New issue" });
    await dialog.getByLabel("Title").fill("Cancelled while offline");
    await dialog.getByRole("button", { name: "Create issue" }).click();
    await dialog.getByRole("alert").waitFor();
    await shot(page, "1-offline");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });

    await page.context().setOffline(false);
    await offline.waitFor({ state: "detached" });
    await createIssue(page, "Made when back online");
    await page.locator("tbody tr.issue-row").filter({ hasText: "Made when back online" }).waitFor();
    const issues = await apiCall("GET", "/api/v1/workspaces/storm/projects/STM/issues", { token });
    const titles = issues.results.map((issue) => issue.title);
    check(!titles.includes("Cancelled while offline"), `replayed: ${titles.join(", ")}`);
    const first = await apiCall("GET", "/api/v1/workspaces/storm/issues/STM-1", { token });
    check(first.priority === "none", `the offline priority change was replayed: ${first.priority}`);

    // A hung API: the board's request never answers. The page says so; Live is not green.
    await page.getByRole("status").filter({ hasText: "Live" }).waitFor();
    const held = [];
    await page.route("**/api/v1/workspaces/storm/projects/STM/board*", (route) => {
      held.push(route);
    });
    await page.getByRole("navigation", { name: "Project views" }).getByRole("link", { name: "Board" }).click();
    const hung = page.getByRole("alert").filter({ hasText: /not answering/i });
    await hung.waitFor();
    check(
      !(await page.getByRole("status").filter({ hasText: /^Live$/ }).count()),
      "the Live dot is green while the API hangs",
    );
    await shot(page, "2-hung");
    await page.unroute("**/api/v1/workspaces/storm/projects/STM/board*");
    for (const route of held) await route.continue().catch(() => {});
    await column(page, "Todo").getByTestId("issue-card").first().waitFor();
    await hung.waitFor({ state: "detached" });
    await page.context().close();
  },

  async "bug: a 255-character title without spaces wraps in the list and the panel"({ browser, problems, shot }) {
    const person = { name: "Lou Long", email: "lou@example.com" };
    const token = await ownWorkspace(person, "wide", "WIDE", "Wide titles");
    const title = "Unbreakable".repeat(30).slice(0, 255);
    await apiCall("POST", "/api/v1/workspaces/wide/projects/WIDE/issues", { token, body: { title } });
    const page = await newPage(browser, problems);
    await signIn(page, person.email);
    await page.goto(`${WEB}/w/wide/p/WIDE/issues`);
    const row = page.locator("tbody tr.issue-row").first();
    await row.waitFor();
    const overflow = await row.evaluate((element) => {
      const cells = [...element.querySelectorAll("td")];
      return Math.max(...cells.map((cell) => cell.getBoundingClientRect().right)) - globalThis.innerWidth;
    });
    check(overflow <= 0, `the row's last column ends ${overflow}px beyond the screen`);
    await shot(page, "1-list");
    await row.click();
    const field = page.getByRole("complementary", { name: "Issue WIDE-1" }).getByLabel("Title");
    await field.waitFor();
    const fit = await field.evaluate((element) => ({
      tag: element.tagName,
      value: element.value,
      wide: element.scrollWidth - element.clientWidth,
      tall: element.scrollHeight - element.clientHeight,
    }));
    check(fit.tag === "TEXTAREA", `the title is edited in a ${fit.tag}`);
    check(fit.value === title, "the title field does not hold the whole title");
    check(fit.wide <= 1 && fit.tall <= 1, `the title is cut: ${JSON.stringify(fit)}`);
    await shot(page, "2-panel");
    await page.context().close();
  },
  async "keyboard: create, triage, assign, move, comment and close without a mouse"({ browser, problems, shot }) {
    const person = { name: "Kim Keys", email: "kim@example.com" };
    const token = await ownWorkspace(person, "keys", "KEY", "Keyboard");
    await apiCall("POST", "/api/v1/workspaces/keys/projects/KEY/issues", {
      token,
      body: { title: "An older issue" },
    });
    const page = await newPage(browser, problems);
    await page.goto(`${WEB}/signin`);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/w\/keys/);
    await page.goto(`${WEB}/w/keys/p/KEY/issues`);
    await shortcutsReady(page);
    const focusedKey = () => document.activeElement?.getAttribute("data-issue-key");
    const focusIs = (key) =>
      waitUntil(page, async () => `the focus is on ${key} (it is on ${await page.evaluate(focusedKey)})`,
        (expected) => document.activeElement?.getAttribute("data-issue-key") === expected, key);
    const row = (text) => page.locator("tbody tr.issue-row").filter({ hasText: text });

    // Create: C, type, Ctrl-Enter. The new issue opens beside the list; Esc closes it and the
    // focus is on its row.
    await page.keyboard.press("c");
    await page.getByRole("dialog", { name: "New issue" }).getByLabel("Title").waitFor();
    await page.keyboard.type("Keyboard only issue");
    await page.keyboard.press("Control+Enter");
    await page.getByRole("dialog", { name: "New issue" }).waitFor({ state: "detached" });
    const panel = page.getByRole("complementary", { name: "Issue KEY-2" });
    await panel.waitFor();
    await row("Keyboard only issue").waitFor();
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
    await focusIs("KEY-2");
    // J and K walk the rows.
    await page.keyboard.press("j");
    await focusIs("KEY-1");
    await page.keyboard.press("k");
    await focusIs("KEY-2");

    // Triage: P, then the palette narrowed to priorities.
    await page.keyboard.press("p");
    await page.getByRole("dialog", { name: "Command palette" }).waitFor();
    await page.keyboard.type("high");
    await page.keyboard.press("Enter");
    await row("Keyboard only issue").filter({ hasText: "high" }).waitFor();
    await focusIs("KEY-2");

    // Assign: I; Z undoes it, I again.
    const mine = row("Keyboard only issue").locator('.avatar[title="Kim Keys"]');
    await page.keyboard.press("i");
    await mine.waitFor();
    await page.getByRole("status").filter({ hasText: "KEY-2: assignee added" }).waitFor();
    await shot(page, "1-assigned-with-undo");
    await page.keyboard.press("z");
    await mine.waitFor({ state: "detached" });
    await page.keyboard.press("i");
    await mine.waitFor();

    // Move: S, "progress", Enter.
    await page.keyboard.press("s");
    await page.getByRole("dialog", { name: "Command palette" }).waitFor();
    await page.keyboard.type("progress");
    await page.keyboard.press("Enter");
    await row("Keyboard only issue").filter({ hasText: "In Progress" }).waitFor();

    // Comment: M opens the issue with the cursor in the comment box; Ctrl-Enter posts.
    await focusIs("KEY-2");
    await page.keyboard.press("m");
    await waitUntil(page, async () => "the comment box has the focus",
      () => document.activeElement?.closest(".comment-composer") !== null);
    await page.keyboard.type("Done by keyboard alone.");
    await page.keyboard.press("Control+Enter");
    await panel.locator(".comment").filter({ hasText: "Done by keyboard alone." }).or(
      panel.getByText("Done by keyboard alone.")).first().waitFor();
    await shot(page, "2-commented");
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
    await focusIs("KEY-2");

    // Close: S, "done", Enter.
    await page.keyboard.press("s");
    await page.getByRole("dialog", { name: "Command palette" }).waitFor();
    await page.keyboard.type("done");
    await page.keyboard.press("Enter");
    await row("Keyboard only issue").filter({ hasText: "Done" }).waitFor();

    // The sheet, and the palette finding an issue by key.
    await page.keyboard.press("?");
    const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await sheet.getByText("Assign to me").waitFor();
    await shot(page, "3-shortcut-sheet");
    await page.keyboard.press("Escape");
    await sheet.waitFor({ state: "detached" });
    await page.keyboard.press("Control+k");
    await page.getByRole("dialog", { name: "Command palette" }).waitFor();
    await page.keyboard.type("KEY-1");
    await page.getByRole("option", { name: /KEY-1 An older issue/ }).waitFor();
    await shot(page, "4-palette-finds-by-key");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${WEB}/w/keys/i/KEY-1`);
    // The palette's actions: the dark theme, on and off again.
    await page.getByRole("textbox", { name: "Title" }).waitFor();
    await page.keyboard.press("Control+k");
    await page.keyboard.type("dark theme");
    await page.getByRole("option", { name: /Toggle dark theme/ }).waitFor();
    await page.keyboard.press("Enter");
    await waitUntil(page, async () => "the page is dark", () => document.documentElement.dataset.theme === "dark");
    await shot(page, "5-dark");
    await page.keyboard.press("Control+k");
    await page.keyboard.type("dark theme");
    await page.getByRole("option", { name: /Toggle dark theme/ }).waitFor();
    await page.keyboard.press("Enter");
    await waitUntil(page, async () => "the page is light", () => document.documentElement.dataset.theme === "light");

    const issue = await apiCall("GET", "/api/v1/workspaces/keys/issues/KEY-2", { token });
    check(issue.state.name === "Done", `KEY-2 is in ${issue.state.name}`);
    check(issue.priority === "high", `KEY-2 has priority ${issue.priority}`);
    check(issue.assignees.map((p) => p.display_name).join() === "Kim Keys", `assignees: ${JSON.stringify(issue.assignees)}`);
    const comments = await apiCall("GET", "/api/v1/workspaces/keys/issues/KEY-2/comments", { token });
    check(comments.results.length === 1, `${comments.results.length} comments`);
    await page.context().close();
  },

  async "phone: the navigation is a drawer, rows are cards, the panel takes the screen"({ browser, problems, shot }) {
    const page = await newPage(browser, problems, { viewport: { width: 390, height: 844 } });
    await signIn(page, "kim@example.com");
    await page.goto(`${WEB}/w/keys/p/KEY/issues`);
    const row = page.locator("tbody tr.issue-row").filter({ hasText: "Keyboard only issue" });
    await row.waitFor();
    const nav = page.getByRole("navigation", { name: "Projects" });
    check(!(await nav.isVisible()) || (await nav.boundingBox()).x + (await nav.boundingBox()).width <= 0,
      "the sidebar shows on a phone without opening the menu");
    const layout = await row.evaluate((element) => {
      const key = element.querySelector(".cell-key").getBoundingClientRect();
      const title = element.querySelector(".cell-title").getBoundingClientRect();
      return { keyTop: key.top, titleTop: title.top, right: element.getBoundingClientRect().right };
    });
    check(layout.titleTop > layout.keyTop && layout.right <= 390, `the row is not a card: ${JSON.stringify(layout)}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 390, `the list is ${width}px wide on a 390px screen`);
    await shot(page, "1-list-as-cards");

    await page.getByRole("button", { name: "Menu" }).click();
    await nav.getByRole("link", { name: /Keyboard/ }).waitFor();
    await shot(page, "2-drawer");
    await page.getByRole("link", { name: "Board", exact: true }).first().click();
    await page.waitForURL(/\/board$/);
    await page.getByRole("button", { name: "Menu" }).waitFor();
    check(!(await page.locator(".drawer-open").count()), "the drawer stays open after navigating");

    await page.goto(`${WEB}/w/keys/p/KEY/issues`);
    await row.click();
    const panel = page.getByRole("complementary", { name: "Issue KEY-2" });
    await panel.getByRole("button", { name: "← Back" }).waitFor();
    const box = await panel.boundingBox();
    check(box.x <= 0 && box.width >= 389, `the panel is not full screen: ${JSON.stringify(box)}`);
    await shot(page, "3-panel");
    await panel.getByRole("button", { name: "← Back" }).click();
    await panel.waitFor({ state: "detached" });
    await row.waitFor();
    await page.context().close();
  },

  async "each role sees only the controls the API accepts, and none of them is refused"({ browser, problems, shot }) {
    // Every page here fails the scenario on any HTTP error (newPage): a control the API refuses
    // with a 403 shows up as a problem.
    const rita = { name: "Rita Roles", email: "rita@example.com" };
    const ownerToken = await ownWorkspace(rita, "roles", "RL", "Roles");
    const people = {
      admin: { name: "Abe Admin", email: "abe@example.com" },
      member: { name: "Mo Member", email: "mo@example.com" },
      guest: { name: "Gus Guest", email: "gus@example.com" },
    };
    const tokens = {};
    for (const [role, person] of Object.entries(people)) {
      tokens[role] = await register(person);
      const invitation = await apiCall("POST", "/api/v1/workspaces/roles/invitations", {
        token: ownerToken,
        body: { email: person.email, role },
      });
      await apiCall("POST", "/api/v1/invitations/accept", {
        token: tokens[role],
        body: { token: invitation.token },
      });
    }
    const members = await apiCall("GET", "/api/v1/workspaces/roles/members", { token: ownerToken });
    const gus = members.results.find((m) => m.user.email === people.guest.email);
    await apiCall("POST", "/api/v1/workspaces/roles/projects/RL/members", {
      token: ownerToken,
      body: { user_id: gus.user.id },
    });
    await apiCall("POST", "/api/v1/workspaces/roles/projects/RL/issues", {
      token: ownerToken,
      body: { title: "Roles decide the buttons" },
    });
    await apiCall("POST", "/api/v1/workspaces/roles/issues/RL-1/comments", {
      token: tokens.member,
      body: { body: "Mo's note." },
    });

    async function asRole(role) {
      const page = await newPage(browser, problems);
      await signIn(page, people[role].email);
      await page.goto(`${WEB}/w/roles/i/RL-1`);
      await page.getByRole("textbox", { name: "Title" }).waitFor();
      await page.getByText("Mo's note.").waitFor();
      return page;
    }
    const sidebar = (page) => page.getByRole("complementary", { name: "Workspace navigation" });
    const moNote = (page) => page.getByRole("listitem").filter({ hasText: "Mo's note." });
    const count = (locator) => locator.count();

    /** Presses `c`, then `?`: once the shortcut sheet shows, `c` was handled before it. */
    async function createShortcutOpens(page) {
      await page.locator("body").click({ position: { x: 5, y: 5 } });
      await page.keyboard.press("c");
      await page.keyboard.press("?");
      const sheet = page.getByRole("dialog", { name: /Keyboard shortcuts/i });
      const creating = page.getByRole("dialog", { name: "New issue" });
      await Promise.race([sheet.waitFor(), creating.waitFor()]);
      const opened = (await count(creating)) > 0;
      await page.keyboard.press("Escape");
      return opened;
    }

    async function paletteOffers(page) {
      await page.keyboard.press("Control+k");
      const options = page.getByRole("listbox", { name: "Commands" });
      await options.waitFor();
      // With nothing typed it lists every command; "Go to projects" is always one of them.
      await options.getByRole("option", { name: "Go to projects" }).waitFor();
      const labels = await options.getByRole("option").allInnerTexts();
      await page.keyboard.press("Escape");
      return labels;
    }

    // --- Guest: reads and comments, nothing else.
    const guest = await asRole("guest");
    check(!(await guest.getByRole("textbox", { name: "Title" }).isEditable()), "guest can type a title");
    check(await guest.getByRole("combobox", { name: "State" }).isDisabled(), "guest has an enabled State");
    check(await guest.getByText("Only members and above can change this issue.").isVisible(), "no reason given");
    check((await count(guest.locator(".description").getByRole("button", { name: "Edit" }))) === 0, "guest may edit the description");
    check((await count(moNote(guest).getByRole("button"))) === 0, "guest may change Mo's comment");
    check((await count(sidebar(guest).getByRole("button", { name: /New issue/ }))) === 0, "guest has New issue");
    check((await count(sidebar(guest).getByRole("link", { name: "Webhooks" }))) === 0, "guest has Webhooks");
    check(!(await createShortcutOpens(guest)), "c opens the create dialog for a guest");
    const guestCommands = await paletteOffers(guest);
    check(!guestCommands.some((label) => /Create issue|Change state|Set priority/.test(label)), `guest palette: ${guestCommands}`);
    // What a guest may do works: a comment.
    await guest.getByRole("textbox", { name: "Comment", exact: true }).fill("Gus agrees.");
    await guest.getByRole("button", { name: "Comment", exact: true }).click();
    await guest.getByText("Gus agrees.").waitFor();
    await guest.goto(`${WEB}/w/roles/p/RL/board`);
    await guest.getByText("Roles decide the buttons").waitFor();
    check((await count(guest.locator('[draggable="true"]'))) === 0, "a guest's cards are draggable");
    check((await count(sidebar(guest).getByRole("link", { name: "Settings" }))) === 0, "guest has project Settings");
    await shot(guest, "guest-board");
    await guest.context().close();

    // --- Member: edits issues and labels, not the project's workflow or the workspace.
    const member = await asRole("member");
    check(await member.getByRole("textbox", { name: "Title" }).isEditable(), "member cannot type a title");
    await member.getByRole("combobox", { name: "Priority" }).selectOption("high");
    await member.getByRole("button", { name: "Delete" }).first().waitFor(); // Mo's own comment
    check((await count(moNote(member).getByRole("button", { name: "Edit" }))) === 1, "Mo cannot edit his note");
    check((await count(sidebar(member).getByRole("link", { name: "Webhooks" }))) === 0, "member has Webhooks");
    check(await createShortcutOpens(member), "c does not open the create dialog for a member");
    await member.goto(`${WEB}/w/roles/p/RL/board`);
    await member.locator('[draggable="true"]').first().waitFor();
    await sidebar(member).getByRole("link", { name: "Settings" }).click();
    await member.getByRole("heading", { name: "Labels" }).waitFor();
    check((await count(member.getByRole("heading", { name: "Workflow states" }))) === 0, "member sees state editing");
    check((await count(member.getByRole("button", { name: "Archive" }))) === 0, "member may archive");
    check((await count(member.getByRole("heading", { name: "Project members" }))) === 0, "member manages project members");
    await member.goto(`${WEB}/w/roles/members`);
    await member.getByRole("heading", { name: "Members" }).waitFor();
    check((await count(member.getByRole("combobox", { name: /Access level of/ }))) === 0, "member changes roles");
    check((await count(member.getByRole("heading", { name: "Invite someone" }))) === 0, "member invites");
    await shot(member, "member-members");
    await member.context().close();

    // --- Admin: the project's settings and the workspace's people, but not the owner.
    const admin = await asRole("admin");
    check((await count(moNote(admin).getByRole("button", { name: "Edit" }))) === 0, "admin may edit Mo's words");
    check((await count(moNote(admin).getByRole("button", { name: "Delete" }))) === 1, "admin cannot moderate");
    await sidebar(admin).getByRole("link", { name: "Webhooks" }).waitFor();
    await admin.goto(`${WEB}/w/roles/p/RL/settings`);
    await admin.getByRole("heading", { name: "Workflow states" }).waitFor();
    await admin.getByRole("button", { name: "Archive" }).waitFor();
    await admin.goto(`${WEB}/w/roles/members`);
    await admin.getByRole("combobox", { name: `Access level of ${people.guest.name}` }).waitFor();
    check((await count(admin.getByRole("combobox", { name: `Access level of ${rita.name}` }))) === 0, "admin may change the owner");
    await admin.getByRole("combobox", { name: `Access level of ${people.guest.name}` }).selectOption("member");
    await admin.getByRole("combobox", { name: `Access level of ${people.guest.name}` }).selectOption("guest");
    await shot(admin, "admin-members");
    await admin.context().close();
  },
  ...oauthScenarios,

  async "bug: a state changed in the panel keeps the card among a long column's loaded cards"({ browser, problems, shot }) {
    const person = { name: "Pat Patch", email: "pat@example.com" };
    const token = await ownWorkspace(person, "patchy", "PAT", "Patched board");
    await bulkIssues(token, "patchy", "PAT", "Patch card", 30);
    const states = await apiCall("GET", "/api/v1/workspaces/patchy/projects/PAT/states", { token });
    const started = states.results.find((state) => state.name === "In Progress");
    await apiCall("PATCH", "/api/v1/workspaces/patchy/issues/PAT-30", {
      token,
      body: { state_id: started.id },
    });
    const page = await newPage(browser, problems);
    await signIn(page, person.email);
    await page.goto(`${WEB}/w/patchy/p/PAT/board?issue=PAT-30`);
    await column(page, "Todo").getByTestId("column-count").filter({ hasText: /^29$/ }).waitFor();

    // The panel's State field (a PATCH, not the board's move) puts PAT-30 back into Todo, whose
    // 29 cards are more than the board loads (25).
    const panel = page.getByRole("complementary", { name: "Issue PAT-30" });
    const [patched] = await Promise.all([
      page.waitForResponse(
        (response) =>
          response.request().method() === "PATCH" &&
          new URL(response.url()).pathname === "/api/v1/workspaces/patchy/issues/PAT-30",
      ),
      panel.getByLabel("State").selectOption({ label: "Todo" }),
    ]);
    check(patched.ok(), `PATCH PAT-30: HTTP ${patched.status()}`);
    const card = (board) => column(board, "Todo").getByTestId("issue-card").filter({ hasText: "PAT-30" });
    // On screen once the server answered, and still there for anyone loading the board.
    await card(page).waitFor();
    await shot(page, "1-in-todo");
    await page.goto(`${WEB}/w/patchy/p/PAT/board`);
    // All 30 in Todo (the header counts the column, not the 25 loaded cards).
    await column(page, "Todo").getByTestId("column-count").filter({ hasText: /^30$/ }).waitFor();
    check((await card(page).count()) === 1, "PAT-30 is not among Todo's first cards after a reload");
    await shot(page, "2-after-reload");
    await page.context().close();
  },

  async "bulk: three rows get a state at once, the one the server refused says why"({ browser, problems, shot }) {
    const person = { name: "Bo Bulk", email: "bo@example.com" };
    const token = await ownWorkspace(person, "bulky", "BLK", "Bulk project");
    await bulkIssues(token, "bulky", "BLK", "Bulk row", 4);
    const page = await newPage(browser, problems, { expectHttpErrors: true });
    await signIn(page, person.email);
    await page.goto(`${WEB}/w/bulky/p/BLK/issues`);
    const rows = page.locator("tbody tr.issue-row");
    await rows.filter({ hasText: "Bulk row 1" }).waitFor();
    await shortcutsReady(page);

    // X on the first row, then Shift-J twice: the three newest rows (BLK-4, BLK-3, BLK-2).
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await page.keyboard.press("Shift+J");
    await page.keyboard.press("Shift+J");
    const bar = page.getByRole("region", { name: "Bulk actions" });
    await bar.getByText("3 selected").waitFor();
    const selected = await page.locator('tbody tr.issue-row[aria-selected="true"] .cell-key').allInnerTexts();
    check(
      JSON.stringify(selected) === JSON.stringify(["BLK-4", "BLK-3", "BLK-2"]),
      `selected rows: ${selected}`,
    );

    // Someone else deletes BLK-3 just as the change is sent (the request waits for it), so the
    // server refuses that one item and changes the other two.
    await page.route("**/api/v1/workspaces/bulky/issues/bulk-update", async (route) => {
      await apiCall("DELETE", "/api/v1/workspaces/bulky/issues/BLK-3", { token });
      await route.continue();
    });
    await bar.getByLabel("Set state of selected").selectOption({ label: "Done" });
    const refused = bar.getByRole("alert");
    await refused.getByText("1 issue was not changed:").waitFor();
    const reason = await refused.getByRole("list", { name: "Not changed" }).innerText();
    check(/BLK-3/.test(reason) && /not found/i.test(reason), `the refusal reads: ${reason}`);
    for (const key of ["BLK-4", "BLK-2"]) {
      await rows.filter({ hasText: key }).filter({ hasText: "Done" }).waitFor();
    }
    // The changed ones leave the selection, and so does the deleted one: nothing to retry.
    await bar.getByText("3 selected").waitFor({ state: "detached" });
    check(!(await rows.filter({ hasText: "BLK-3" }).count()), "the deleted BLK-3 is still listed");
    await shot(page, "1-one-refused");
    for (const key of ["BLK-4", "BLK-2"]) {
      const saved = await apiCall("GET", `/api/v1/workspaces/bulky/issues/${key}`, { token });
      check(saved.state.name === "Done", `${key} is ${saved.state.name} on the server`);
    }
    const untouched = await apiCall("GET", "/api/v1/workspaces/bulky/issues/BLK-1", { token });
    check(untouched.state.name === "Todo", `BLK-1 (not selected) is ${untouched.state.name}`);
    await page.unroute("**/api/v1/workspaces/bulky/issues/bulk-update");

    // On the board: X on one card, Shift-click another in the column; both get a priority.
    await page.keyboard.press("Escape");
    await page.goto(`${WEB}/w/bulky/p/BLK/board`);
    const done = column(page, "Done");
    const card = (key) => done.getByTestId("issue-card").filter({ hasText: key });
    await card("BLK-4").waitFor();
    await card("BLK-4").focus();
    await page.keyboard.press("x");
    await card("BLK-2").click({ modifiers: ["Shift"] });
    await bar.getByText("2 selected").waitFor();
    check(!page.url().includes("issue="), `Shift-click opened an issue: ${page.url()}`);
    await bar.getByLabel("Set priority of selected").selectOption("urgent");
    for (const key of ["BLK-4", "BLK-2"]) {
      await card(key).getByText("urgent", { exact: false }).waitFor();
    }
    await bar.waitFor({ state: "detached" });
    await shot(page, "2-board-priority");
    for (const key of ["BLK-4", "BLK-2"]) {
      const saved = await apiCall("GET", `/api/v1/workspaces/bulky/issues/${key}`, { token });
      check(saved.priority === "urgent", `${key} has priority ${saved.priority} on the server`);
    }
    await page.context().close();
  },

  async "pickers: the assignee picker asks the server as one types, never for every member"({ browser, problems, shot }) {
    const owner = { name: "Una Owner", email: "una@example.com" };
    const token = await ownWorkspace(owner, "crowd", "CRW", "Crowded project");
    await apiCall("POST", "/api/v1/workspaces/crowd/projects/CRW/issues", {
      token,
      body: { title: "Needs an owner" },
    });
    // With the owner, more members (12) than a picker's page (10); the one to find joins last.
    for (let n = 1; n <= 11; n += 1) {
      const name = n === 11 ? "Zelda Zimmer" : `Member ${String(n).padStart(2, "0")}`;
      const email = n === 11 ? "zelda@example.com" : `crowd${n}@example.com`;
      const memberToken = await register({ name, email });
      const invitation = await apiCall("POST", "/api/v1/workspaces/crowd/invitations", {
        token,
        body: { email, role: "member" },
      });
      await apiCall("POST", "/api/v1/invitations/accept", {
        token: memberToken,
        body: { token: invitation.token },
      });
    }
    const page = await newPage(browser, problems);
    const members = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname === "/api/v1/workspaces/crowd/members") members.push(url);
    });
    await signIn(page, owner.email);
    await page.goto(`${WEB}/w/crowd/p/CRW/issues?issue=CRW-1`);
    const panel = page.getByRole("complementary", { name: "Issue CRW-1" });
    const picker = panel.getByRole("combobox", { name: "Add assignee" });
    await picker.click();
    const options = panel.getByRole("listbox", { name: "Add assignee options" }).getByRole("option");
    await options.first().waitFor();
    // Not among the first page; typing asks the server for her.
    check(!(await options.filter({ hasText: "Zelda" }).count()), "the first page lists every member");
    await picker.pressSequentially("zim");
    const zelda = options.filter({ hasText: "Zelda Zimmer" });
    await zelda.waitFor();
    await picker.press("Enter");
    await panel.getByRole("list", { name: "Assignees chosen" }).getByText("Zelda Zimmer").waitFor();
    await shot(page, "1-assigned");
    const issue = await apiCall("GET", "/api/v1/workspaces/crowd/issues/CRW-1", { token });
    check(
      issue.assignees.map((each) => each.display_name).join() === "Zelda Zimmer",
      `assignees on the server: ${issue.assignees.map((each) => each.display_name)}`,
    );
    // Every ask was one small page; none paged through or asked for the whole directory.
    check(members.length > 0, "the picker never asked the server");
    check(members.some((url) => url.searchParams.get("search") === "zim"), `asked: ${members.join(", ")}`);
    check(
      members.every((url) => Number(url.searchParams.get("limit")) <= 10 && !url.searchParams.has("cursor")),
      `a request listed more than a page of members: ${members.join(", ")}`,
    );
    await page.context().close();
  },
};
