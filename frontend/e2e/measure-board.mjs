/* global document, window */
/**
 * Time to first render of a 1,000-issue board: the demo data with `seed_demo --issues 1000` (a
 * project BIG of 1,000 issues), then navigate to BIG's board and wait until every column shows
 * its first page of cards (what the board endpoint returns: up to 50 per column), with the first
 * card on screen. Not a test: a measurement for bench/README.md. Run with
 * `node e2e/measure-board.mjs` (the harness's E2E_* variables pick the database, Redis and ports).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

import {
  apiCall,
  BACKEND,
  DATABASE_URL,
  newPage,
  ROOT,
  startStack,
  stopStack,
  tokenFor,
  WEB,
} from "./harness.mjs";

const RUNS = 5;
const ISSUES = 1000;
const EMAIL = "member@example.com";
const PASSWORD = "docket-demo-password";

let browser;
try {
  browser = await startStack();
  execFileSync(
    path.join(ROOT, ".venv", "bin", "python"),
    ["manage.py", "seed_demo", "--issues", String(ISSUES)],
    {
      cwd: BACKEND,
      env: { ...process.env, DATABASE_URL, LOG_LEVEL: "WARNING" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  // The seed takes longer than the API keeps an idle connection open: a first request may meet
  // the socket it closed meanwhile.
  const token = await tokenFor(EMAIL, PASSWORD).catch((error) => {
    console.error(`retrying after: ${error.cause ?? error}`);
    return tokenFor(EMAIL, PASSWORD);
  });
  // How many columns the screen must show (BIG's states).
  const board = await apiCall("GET", "/api/v1/workspaces/acme/projects/BIG/board?limit=1", {
    token,
  });
  const problems = [];
  const page = await newPage(browser, problems);
  await page.goto(`${WEB}/signin`);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\/acme/);
  const timings = [];
  const boardRequests = [];
  for (let run = 0; run < RUNS; run += 1) {
    // A full page load: restore the session from the refresh cookie, fetch, render.
    const started = Date.now();
    await page.goto(`${WEB}/w/acme/p/BIG/board`);
    await page.waitForFunction(
      (columns) => {
        // Every column, each with its first page of cards (25, or all it holds) in the DOM.
        const shown = document.querySelectorAll('[data-testid="board-column"]');
        const counted = [...shown].reduce((sum, column) => {
          const total = parseInt(column.querySelector('[data-testid="column-count"]')?.textContent ?? "0", 10);
          return sum + Math.min(total, 25);
        }, 0);
        const all = document.querySelectorAll('[data-testid="issue-card"]');
        const first = all[0]?.getBoundingClientRect();
        return (
          shown.length === columns &&
          all.length > 0 &&
          all.length === counted &&
          first !== undefined &&
          first.top < window.innerHeight &&
          first.height > 0
        );
      },
      board.columns.length,
      { timeout: 30_000 },
    );
    timings.push(Date.now() - started);
    // Of which the board request, as the browser saw it (queueing to last byte).
    boardRequests.push(
      await page.evaluate(() =>
        Math.round(
          performance
            .getEntriesByType("resource")
            .find((entry) => new URL(entry.name).pathname.endsWith("/projects/BIG/board"))
            ?.duration ?? -1,
        ),
      ),
    );
  }
  const cardsInDom = await page.evaluate(
    () => document.querySelectorAll('[data-testid="issue-card"]').length,
  );
  const inProject = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="board-column"]')].map(
      (column) =>
        `${column.getAttribute("aria-label")} ${column.querySelector('[data-testid="column-count"]')?.textContent}`,
    ),
  );
  timings.sort((a, b) => a - b);
  console.log(`date ${new Date().toISOString().slice(0, 10)}`);
  console.log(`columns: ${inProject.join(", ")} (${cardsInDom} cards in the DOM of ${ISSUES})`);
  console.log(
    `${ISSUES}-issue board, page load to every column's first cards rendered (ms): ${timings.join(", ")}`,
  );
  console.log(`median ${timings[Math.floor(RUNS / 2)]} ms, max ${timings[RUNS - 1]} ms`);
  boardRequests.sort((a, b) => a - b);
  console.log(
    `of which GET .../board (${cardsInDom} cards), in the browser (ms): ${boardRequests.join(", ")}`,
  );
  if (problems.length) console.log(problems.join("\n"));
} finally {
  await stopStack(browser);
}
