/* global document, window, MutationObserver, requestAnimationFrame */
/**
 * The SPA's budgets (issue 18), measured on a production build against the real API, in headless
 * Chromium. Not a test: figures for bench/README.md (`make bench-spa`). Each timing starts at the
 * input event (its timeStamp) or at the write's answer and ends at the first animation frame after
 * the DOM shows the change, both taken inside the page, so Playwright's polling adds nothing.
 *
 * - input to visible change (p95 < 50 ms): state, priority, assignee, label on a list row (S, P,
 *   A, L then Enter in the picker) and move (S on a board card: the card changes column), in the
 *   1,000-issue project BIG of `seed_demo --issues 1000`;
 * - route change list -> board -> issue -> list from cache (< 100 ms);
 * - a live change on another screen after the write's answer (< 300 ms);
 * - first rows of a 10,000-issue list after navigation (< 1 s), after `seed_demo --issues 10000`;
 * - initial JS, gzipped (< 200 KB): the entry script and its modulepreloads in dist/index.html.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

import {
  apiCall,
  BACKEND,
  DATABASE_URL,
  FRONTEND,
  newPage,
  ROOT,
  startStack,
  stopStack,
  tokenFor,
  WEB,
} from "./harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const EMAIL = "member@example.com";
const PASSWORD = "docket-demo-password";
const BIG = `${WEB}/w/acme/p/BIG`;

function seed(issues) {
  execFileSync(
    path.join(ROOT, ".venv", "bin", "python"),
    ["manage.py", "seed_demo", "--issues", String(issues)],
    { cwd: BACKEND, env: { ...process.env, DATABASE_URL, LOG_LEVEL: "WARNING" }, stdio: ["ignore", "ignore", "inherit"] },
  );
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(label, values, budget) {
  const p50 = percentile(values, 50);
  const p95 = percentile(values, 95);
  const verdict = p95 < budget ? "within" : "OVER";
  const line = `${label}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (n=${values.length}; budget ${budget} ms: ${verdict})`;
  console.log(line);
  return line;
}

/**
 * Arms a probe in the page: `trigger` ("keydown:Enter", "click") starts the clock at the event's
 * timeStamp; every DOM change re-checks `done` (a function body over `document`), and the first
 * frame after it holds stops the clock. `window.probe.took` is then the milliseconds between.
 */
async function arm(page, trigger, done, arg) {
  await page.evaluate(
    ({ trigger, done, arg }) => {
      const check = new Function("arg", done);
      const probe = { start: null, took: null };
      window.probe = probe;
      const [type, key] = trigger.split(":");
      const onEvent = (event) => {
        if (key && event.key !== key) return;
        window.removeEventListener(type, onEvent, true);
        probe.start = event.timeStamp;
      };
      window.addEventListener(type, onEvent, true);
      const state = { arg, initial: null };
      state.initial = check(state);
      const observer = new MutationObserver(() => {
        if (probe.start === null || !check(state)) return;
        observer.disconnect();
        requestAnimationFrame(() => (probe.took = performance.now() - probe.start));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    { trigger, done, arg },
  );
}

async function took(page) {
  await page.waitForFunction(() => window.probe?.took !== null && window.probe?.took !== undefined, null, { timeout: 30_000 });
  return page.evaluate(() => window.probe.took);
}

// The row (or card) of `arg.key` looks different from when the probe was armed.
const ROW_CHANGED = `
  const row = document.querySelector('[data-issue-key="' + arg.arg.key + '"]');
  const html = row ? row.innerHTML : "";
  if (arg.initial === null) return html;
  return html !== arg.initial;
`;
// The card of `arg.key` sits in another column than when the probe was armed.
const CARD_MOVED = `
  const card = document.querySelector('[data-testid="issue-card"][data-key="' + arg.arg.key + '"]');
  const column = card ? card.closest('[data-testid="board-column"]').getAttribute("aria-label") : "";
  if (arg.initial === null) return column;
  return column !== "" && column !== arg.initial;
`;
// `arg.selector` matches an element that has a size.
const SHOWN = `
  if (arg.initial === null) return "armed";
  const element = document.querySelector(arg.arg.selector);
  return Boolean(element && element.getBoundingClientRect().height > 0);
`;

/** Focuses `key`'s row or card, opens the picker with `shortcut`, picks the option `option`. */
async function pick(page, key, shortcut, option, done) {
  await page.locator(`[data-issue-key="${key}"]`).first().focus();
  await page.keyboard.press(shortcut);
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await palette.getByRole("combobox").fill(option);
  await palette.locator('[role="option"][aria-selected="true"]').filter({ hasText: option }).waitFor();
  await arm(page, "keydown:Enter", done, { key });
  await page.keyboard.press("Enter");
  const ms = await took(page);
  await palette.waitFor({ state: "detached" });
  return ms;
}

function initialJsGzip() {
  const dist = path.join(FRONTEND, "dist");
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((match) => match[1]);
  let gzip = 0;
  let raw = 0;
  for (const file of files) {
    const body = readFileSync(path.join(dist, file));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files, gzip, raw };
}

let browser;
const report = [];
try {
  browser = await startStack();
  const js = initialJsGzip();
  report.push(`initial JS: ${(js.gzip / 1024).toFixed(1)} KB gzip (${(js.raw / 1024).toFixed(1)} KB raw, ${js.files.length} files; budget 200 KB: ${js.gzip < 200 * 1024 ? "within" : "OVER"})`);
  console.log(report.at(-1));

  seed(1000);
  const token = await tokenFor(EMAIL, PASSWORD).catch(() => tokenFor(EMAIL, PASSWORD));
  const problems = [];
  const page = await newPage(browser, problems);
  await page.goto(`${WEB}/signin`);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\/acme/);

  // Input to visible change, on the list's first rows (each run on another issue).
  await page.goto(`${BIG}/issues`);
  await page.locator("tbody tr.issue-row").nth(10).waitFor();
  const keys = await page.locator("tbody tr.issue-row").evaluateAll((rows) => rows.slice(0, 10).map((row) => row.dataset.issueKey));
  const states = await apiCall("GET", "/api/v1/workspaces/acme/projects/BIG/states", { token });
  const stateNames = (states.results ?? states).map((state) => state.name);
  const labels = await apiCall("GET", "/api/v1/workspaces/acme/projects/BIG/labels", { token });
  const labelName = (labels.results ?? labels)[0].name;
  const me = await apiCall("GET", "/api/v1/me", { token });
  const inputs = { state: [], priority: [], assignee: [], label: [], move: [] };
  for (let run = 0; run < RUNS; run += 1) {
    const key = keys[run % keys.length];
    // Always another value than the row shows.
    const shown = await page.locator(`[data-issue-key="${key}"]`).innerText();
    const state = shown.includes(stateNames[2]) ? stateNames[1] : stateNames[2];
    inputs.state.push(await pick(page, key, "s", `Change state to ${state}`, ROW_CHANGED));
    const priority = /\bHigh\b/.test(shown) ? "low" : "high";
    inputs.priority.push(await pick(page, key, "p", `Set priority ${priority}`, ROW_CHANGED));
    // "Assign <me>" and "Unassign <me>" take turns.
    inputs.assignee.push(await pick(page, key, "a", me.display_name, ROW_CHANGED));
    inputs.label.push(await pick(page, key, "l", `label ${labelName}`, ROW_CHANGED));
  }
  await page.goto(`${BIG}/board`);
  await page.locator('[data-testid="issue-card"]').first().waitFor();
  // From the second column to the third, a card at a time.
  const target = await page.locator('[data-testid="board-column"]').nth(2).getAttribute("aria-label");
  for (let run = 0; run < RUNS; run += 1) {
    const card = page.locator('[data-testid="board-column"]').nth(1).locator('[data-testid="issue-card"]').first();
    const key = await card.getAttribute("data-key");
    inputs.move.push(await pick(page, key, "s", `Change state to ${target}`, CARD_MOVED));
  }
  for (const [what, values] of Object.entries(inputs)) report.push(summary(`input to visible change, ${what}`, values, 50));

  // Route changes from cache: list -> board -> issue -> list, each already visited.
  const routes = [];
  await page.goto(`${BIG}/issues`);
  await page.locator("tbody tr.issue-row").first().waitFor();
  const issueKey = keys[0];
  for (let run = 0; run < RUNS; run += 1) {
    await arm(page, "click", SHOWN, { selector: '[data-testid="issue-card"]' });
    await page.getByRole("navigation", { name: "Project views" }).getByRole("link", { name: "Board", exact: true }).click();
    routes.push(await took(page));
    await arm(page, "click", SHOWN, { selector: ".side-panel .issue-detail" });
    await page.locator(`[data-testid="issue-card"][data-key="${issueKey}"], [data-testid="issue-card"]`).first().click();
    routes.push(await took(page));
    await page.keyboard.press("Escape");
    await page.locator(".side-panel").waitFor({ state: "detached" });
    await arm(page, "click", SHOWN, { selector: "tbody tr.issue-row" });
    await page.getByRole("navigation", { name: "Project views" }).getByRole("link", { name: "List", exact: true }).click();
    routes.push(await took(page));
  }
  report.push(summary("route change from cache (list, board, issue)", routes, 100));

  // A live change on another screen: a second page shows the list while the API changes a row.
  const watcher = await newPage(browser, problems);
  await watcher.goto(`${WEB}/signin`);
  await watcher.getByLabel("Email").fill(EMAIL);
  await watcher.getByLabel("Password").fill(PASSWORD);
  await watcher.getByRole("button", { name: "Sign in" }).click();
  await watcher.waitForURL(/\/w\/acme/);
  await watcher.goto(`${BIG}/issues`);
  await watcher.locator("tbody tr.issue-row").first().waitFor();
  await watcher.getByText("Live", { exact: true }).waitFor();
  const live = [];
  for (let run = 0; run < RUNS; run += 1) {
    const key = keys[run % keys.length];
    const title = `Live change ${run} ${Date.now()}`;
    await watcher.evaluate(({ key, title }) => {
      window.liveSeen = null;
      const observer = new MutationObserver(() => {
        const row = document.querySelector(`[data-issue-key="${key}"]`);
        if (!row || !row.innerText.includes(title)) return;
        observer.disconnect();
        requestAnimationFrame(() => (window.liveSeen = performance.timeOrigin + performance.now()));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    }, { key, title });
    await apiCall("PATCH", `/api/v1/workspaces/acme/issues/${key}`, { token, body: { title } });
    const answered = Date.now();
    await watcher.waitForFunction(() => window.liveSeen !== null, null, { timeout: 30_000 });
    live.push((await watcher.evaluate(() => window.liveSeen)) - answered);
  }
  report.push(summary("live change on another screen after the write's answer", live, 300));
  await watcher.context().close();

  // First rows of a 10,000-issue list after navigation (not cached: from the inbox).
  seed(10_000);
  const first = [];
  for (let run = 0; run < Math.min(RUNS, 10); run += 1) {
    await page.goto(`${WEB}/w/acme/inbox`);
    await page.getByRole("heading", { level: 1, name: "Inbox" }).waitFor();
    await arm(page, "click", SHOWN, { selector: "tbody tr.issue-row" });
    await page.locator('nav[aria-label="Projects"] a[href$="/p/BIG/issues"]').first().click();
    first.push(await took(page));
  }
  report.push(summary("first rows of the 10,000-issue list after navigation", first, 1000));
  if (problems.length) console.log(problems.join("\n"));
  console.log(`\ndate ${new Date().toISOString()}\n${report.join("\n")}`);
} finally {
  await stopStack(browser);
}
