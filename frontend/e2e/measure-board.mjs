/* global document */
/**
 * Time to first render of a 200-issue board: the demo data (ENG has 140 issues) plus 60 more,
 * then navigate to the board and wait until every card is on screen. Not a test: a measurement
 * for bench/README.md. Run with `node e2e/measure-board.mjs`.
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
let browser;
try {
  browser = await startStack();
  execFileSync(path.join(ROOT, ".venv", "bin", "python"), ["manage.py", "seed_demo"], {
    cwd: BACKEND,
    env: { ...process.env, DATABASE_URL, LOG_LEVEL: "WARNING" },
    stdio: "ignore",
  });
  const token = await tokenFor("member@example.com", "docket-demo-password");
  const base = "/api/v1/workspaces/acme/projects/ENG/issues";
  const all = [];
  let cursor = null;
  do {
    const page = await apiCall("GET", `${base}?limit=100${cursor ? `&cursor=${cursor}` : ""}`, {
      token,
    });
    all.push(...page.results);
    cursor = page.next_cursor;
  } while (cursor);
  for (let n = all.length; n < 200; n += 1) {
    await apiCall("POST", base, { token, body: { title: `Board load ${n}` } });
  }
  const problems = [];
  const page = await newPage(browser, problems);
  await page.goto(`${WEB}/signin`);
  await page.getByLabel("Email").fill("member@example.com");
  await page.getByLabel("Password").fill("docket-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\/acme/);
  const timings = [];
  for (let run = 0; run < RUNS; run += 1) {
    // A full page load: restore the session from the refresh cookie, fetch, render.
    const started = Date.now();
    await page.goto(`${WEB}/w/acme/p/ENG/board`);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="issue-card"]').length >= 200,
      null,
      { timeout: 30_000 },
    );
    timings.push(Date.now() - started);
  }
  timings.sort((a, b) => a - b);
  console.log(`200-issue board, page load to all 200 cards rendered (ms): ${timings.join(", ")}`);
  console.log(`median ${timings[Math.floor(RUNS / 2)]} ms`);
  if (problems.length) console.log(problems.join("\n"));
} finally {
  await stopStack(browser);
}
