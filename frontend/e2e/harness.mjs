/**
 * Starts the real stack for browser tests: a fresh PostgreSQL database, the API (uvicorn) on
 * :8100, a Celery worker (the outbox relay: notifications exist only once it ran), the built SPA
 * (vite preview) on :5174, and a headless Debian Chromium.
 *
 * Two runs can share a machine when each has its own ports, database, Redis, cache prefix and
 * broker database: E2E_API_PORT, E2E_WEB_PORT, E2E_DB_NAME, E2E_REDIS_URL (a server, without a
 * database number: the cache, the broker and the channel layer take databases 0, 12 and 2 of it),
 * E2E_CACHE_KEY_PREFIX, E2E_BROKER_URL.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const FRONTEND = path.resolve(here, "..");
export const ROOT = path.resolve(FRONTEND, "..");
export const BACKEND = path.join(ROOT, "backend");
export const RESULTS = path.join(FRONTEND, "test-results");

// Overridable so that two runs (a developer's and CI's) can share a machine.
export const API_PORT = Number(process.env.E2E_API_PORT ?? 8100);
export const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 5174);
export const API = `http://localhost:${API_PORT}`;
export const WEB = `http://localhost:${WEB_PORT}`;
const DB_NAME = process.env.E2E_DB_NAME ?? "docket_e2e";
const PG = { host: process.env.PGHOST ?? "localhost", user: process.env.PGUSER ?? "postgres" };
export const DATABASE_URL = `postgres://${PG.user}@${PG.host}:${process.env.PGPORT ?? 5432}/${DB_NAME}`;
const PYTHON = path.join(ROOT, ".venv", "bin", "python");
const REDIS = (process.env.E2E_REDIS_URL ?? "redis://localhost:6379").replace(/\/+$/, "");
// Its own Redis database, emptied at every start: a task left by an earlier run (for another
// database) must not be replayed. Never the app's defaults (0 is the cache, 1 the dev broker).
const BROKER_URL = process.env.E2E_BROKER_URL ?? `${REDIS}/12`;

const children = [];
let stopping = false;

/** Pages a scenario has not closed yet: run.mjs photographs them when the scenario fails. */
export const openPages = new Set();

/**
 * How long a locator, `waitForURL` or `waitForFunction` waits for the screen to show what a step
 * expects. Generous because CI runs on two busy cores; a failure still names the step, and
 * run.mjs saves screenshots under frontend/test-results/.
 */
export const UI_TIMEOUT = 20_000;
const NAVIGATION_TIMEOUT = 30_000;

const backendEnv = {
  ...process.env,
  DJANGO_SETTINGS_MODULE: "config.settings.local",
  DATABASE_URL,
  DEBUG: "false",
  LOG_LEVEL: "WARNING",
  CORS_ALLOWED_ORIGINS: WEB,
  REDIS_URL: `${REDIS}/0`,
  CACHE_KEY_PREFIX: process.env.E2E_CACHE_KEY_PREFIX ?? "docket-e2e",
  // Browser tests sign up and in many times from one address.
  THROTTLE_AUTH_IP: "1000/minute",
  THROTTLE_AUTH_ACCOUNT: "1000/minute",
  // Everything after a request (the relay: live updates, notifications) runs on a real worker.
  CELERY_BROKER_URL: BROKER_URL,
  RELAY_ON_COMMIT: "true",
  CHANNEL_REDIS_URL: `${REDIS}/2`,
  CHANNEL_PREFIX: `${DB_NAME}-rt`,
  EMAIL_BACKEND: "django.core.mail.backends.locmem.EmailBackend",
};

/** Empties the broker's Redis database (refusing the app's own cache and dev broker ones). */
function purgeBroker() {
  const db = new URL(BROKER_URL).pathname.replace(/^\//, "") || "0";
  if (db === "0" || db === "1") {
    throw new Error(`E2E_BROKER_URL ${BROKER_URL}: use a Redis database of its own, not ${db}`);
  }
  execFileSync(
    PYTHON,
    ["-c", "import redis, sys; redis.Redis.from_url(sys.argv[1]).flushdb()", BROKER_URL],
    { stdio: "inherit" },
  );
}

async function waitFor(url, label, seconds = 60) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    // Polls a server that is starting (not a page), with a deadline: not a fixed wait.
    // eslint-disable-next-line no-restricted-syntax
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${label} did not start at ${url}`);
}

let api = null;

function startApi() {
  return start(
    "api",
    path.join(ROOT, ".venv", "bin", "uvicorn"),
    ["config.asgi:application", "--host", "127.0.0.1", "--port", String(API_PORT), "--no-proxy-headers"],
    { cwd: BACKEND, env: backendEnv },
  );
}

/**
 * Stops the API as a deploy would (SIGTERM), runs `whileDown` while nothing answers, then starts
 * it again and waits until it is ready.
 */
export async function restartApi(whileDown = async () => {}) {
  const old = api;
  const exited = new Promise((resolve) => old.once("exit", resolve));
  old.expectedExit = true;
  process.kill(-old.pid, "SIGTERM");
  await exited;
  await whileDown();
  api = startApi();
  await waitFor(`${API}/readyz`, "API after a restart");
}

function start(label, command, args, options) {
  // Its own process group, so stopping it also stops what it started (npx -> vite).
  const child = spawn(command, args, {
    ...options,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = (chunk) =>
    process.env.E2E_VERBOSE && process.stdout.write(`[${label}] ${chunk.toString()}`);
  child.stdout.on("data", prefix);
  child.stderr.on("data", (chunk) => {
    const text = chunk.toString();
    if (process.env.E2E_VERBOSE || /Traceback|Error/.test(text)) {
      process.stderr.write(`[${label}] ${text}`);
    }
  });
  // A server that dies mid-run otherwise shows only as a scenario timing out much later.
  child.on("exit", (code, signal) => {
    if (stopping || child.expectedExit) return;
    process.stderr.write(`[${label}] exited early (${signal ?? `status ${code}`})\n`);
  });
  children.push(child);
  return child;
}

export async function startStack() {
  mkdirSync(RESULTS, { recursive: true });
  // Its own primary and analytics databases, fresh.
  execFileSync(PYTHON, ["manage.py", "setup_databases", "--fresh", "-v0"], {
    cwd: BACKEND,
    env: backendEnv,
  });
  purgeBroker();
  start(
    "worker",
    path.join(ROOT, ".venv", "bin", "celery"),
    [
      "-A",
      "config",
      "worker",
      "-Q",
      "relay,default,email,webhooks",
      "--concurrency",
      "1",
      "--pool",
      "solo",
      "--loglevel",
      "WARNING",
      "--without-heartbeat",
      "--without-gossip",
      "--without-mingle",
      // Its own name: another run's worker may be up on this machine.
      "-n",
      `e2e-${DB_NAME}@localhost`,
    ],
    { cwd: BACKEND, env: backendEnv },
  );
  api = startApi();
  execFileSync("npx", ["vite", "build", "--logLevel", "warn"], {
    cwd: FRONTEND,
    env: { ...process.env, VITE_API_URL: API },
    stdio: "inherit",
  });
  start("web", "npx", ["vite", "preview", "--port", String(WEB_PORT), "--strictPort"], {
    cwd: FRONTEND,
    env: process.env,
  });
  await waitFor(`${API}/readyz`, "API");
  await waitFor(WEB, "SPA");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return browser;
}

export async function stopStack(browser) {
  stopping = true;
  await browser?.close().catch(() => {});
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  try {
    execFileSync(PYTHON, ["manage.py", "setup_databases", "--drop", "-v0"], {
      cwd: BACKEND,
      env: backendEnv,
    });
  } catch {
    // best effort
  }
}

/**
 * A browser page that fails the scenario on any console error or warning. Chromium also logs
 * every 4xx response as a console error; a scenario that provokes one on purpose passes
 * `{ expectHttpErrors: true }`.
 */
export async function newPage(
  browser,
  problems,
  { expectHttpErrors = false, expectConsoleErrors = null, viewport } = {},
) {
  const context = await browser.newContext({ viewport: viewport ?? { width: 1280, height: 800 } });
  context.setDefaultTimeout(UI_TIMEOUT);
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT);
  const page = await context.newPage();
  openPages.add(page);
  page.on("close", () => openPages.delete(page));
  page.on("console", (message) => {
    if (!["error", "warning"].includes(message.type())) return;
    // HTTP failures are reported below with their URL.
    if (message.text().startsWith("Failed to load resource")) return;
    // A scenario that takes the server away expects the browser to say so.
    if (expectConsoleErrors?.test(message.text())) return;
    problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400 && !expectHttpErrors) {
      const request = response.request();
      problems.push(`HTTP ${response.status()} for ${request.method()} ${response.url()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return page;
}

/** Calls the API directly (for setup a scenario does not test), as the given user. */
export async function apiCall(method, urlPath, { token, body } = {}) {
  const response = await fetch(`${API}${urlPath}`, {
    method,
    headers: {
      "Content-Type": "application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error(`${method} ${urlPath}: ${response.status} ${text}`);
  return data;
}

export async function tokenFor(email, password) {
  return (await apiCall("POST", "/api/v1/auth/token", { body: { email, password } })).access;
}
