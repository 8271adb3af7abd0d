/**
 * OAuth apps from a third party's point of view: a tiny local "client" (a real HTTP server on
 * loopback) sends the member to the consent screen with a PKCE challenge, receives the code on
 * its redirect URI, exchanges it with the verifier at the token endpoint and calls the API with
 * the access token; its callback page shows what it read, which is what the test waits for.
 */
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";

import { API, apiCall, newPage, tokenFor, WEB } from "./harness.mjs";

const PASSWORD = "a-long-browser-test-passphrase";

function base64url(buffer) {
  return buffer.toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * The third party's server: answers its callback by exchanging the code and calling the API.
 * Listening first, since its address is the redirect URI the app is registered with.
 */
async function startClient(registration, verifier) {
  const server = http.createServer(async (request, response) => {
    const app = registration.app;
    const url = new URL(request.url, "http://127.0.0.1");
    let text;
    try {
      const form = new URLSearchParams({
        grant_type: "authorization_code",
        code: url.searchParams.get("code") ?? "",
        redirect_uri: app.redirect_uris[0],
        code_verifier: verifier,
        client_id: app.client_id,
        client_secret: app.client_secret,
      });
      const exchanged = await fetch(`${API}/api/v1/oauth/token`, { method: "POST", body: form });
      const tokens = await exchanged.json();
      const issues = await fetch(`${API}/api/v1/workspaces/oauthco/issues`, {
        headers: { Authorization: `Bearer ${tokens.access_token}` },
      });
      const body = await issues.json();
      text = `Connected (${url.searchParams.get("state")}): ${body.results.map((i) => i.title).join(", ")}`;
    } catch (error) {
      text = `Failed: ${error}`;
    }
    response.writeHead(200, { "Content-Type": "text/html" });
    response.end(`<!doctype html><title>Timesheets</title><p id="result">${text}</p>`);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

export const oauthScenarios = {
  async "a third-party app: consent screen, code + PKCE, then the API with its token"({
    browser,
    problems,
    shot,
  }) {
    const person = { name: "Odette OAuth", email: "odette@example.com" };
    await apiCall("POST", "/api/v1/auth/register", {
      body: { email: person.email, password: PASSWORD, display_name: person.name },
    });
    const token = await tokenFor(person.email, PASSWORD);
    await apiCall("POST", "/api/v1/workspaces", { token, body: { name: "OAuth Co", slug: "oauthco" } });
    await apiCall("POST", "/api/v1/workspaces/oauthco/projects", {
      token,
      body: { key: "TS", name: "Timesheets" },
    });
    await apiCall("POST", "/api/v1/workspaces/oauthco/projects/TS/issues", {
      token,
      body: { title: "Log hours" },
    });

    const verifier = base64url(randomBytes(48));
    const challenge = base64url(createHash("sha256").update(verifier).digest());
    const registration = {};
    const client = await startClient(registration, verifier);
    try {
      const { port } = client.address();
      const app = await apiCall("POST", "/api/v1/workspaces/oauthco/oauth-apps", {
        token,
        body: { name: "Timesheets", redirect_uris: [`http://127.0.0.1:${port}/callback`] },
      });
      registration.app = app;
      const page = await newPage(browser, problems);
      await page.goto(`${WEB}/signin`);
      await page.getByLabel("Email").fill(person.email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/w\/oauthco/);

      const query = new URLSearchParams({
        response_type: "code",
        client_id: app.client_id,
        redirect_uri: app.redirect_uris[0],
        scope: "issues:read",
        state: "s-123",
        code_challenge: challenge,
        code_challenge_method: "S256",
      });
      await page.goto(`${WEB}/oauth/authorize?${query}`);
      await page.getByRole("heading", { name: "Allow Timesheets?" }).waitFor();
      await page.getByRole("list", { name: "Requested access" }).getByText("issues:read").waitFor();
      await shot(page, "1-consent");
      await page.getByRole("button", { name: "Allow" }).click();

      await page.getByText("Connected (s-123): Log hours").waitFor();
      await shot(page, "2-client-called-the-api");
      await page.context().close();
    } finally {
      await new Promise((resolve) => client.close(resolve));
    }
  },
};
