/**
 * Browser tests: the built SPA against the real API on a fresh database, in headless Chromium.
 * Each scenario saves screenshots under frontend/test-results/. Prints "N passed, N failed".
 */
import path from "node:path";

import { accessibilityScenarios } from "./accessibility.mjs";
import { scenarios } from "./scenarios.mjs";
import { openPages, RESULTS, startStack, stopStack } from "./harness.mjs";

const only = process.argv[2];
let browser;
let passed = 0;
let failed = 0;
const started = Date.now();
try {
  browser = await startStack();
  for (const [name, scenario] of Object.entries({ ...scenarios, ...accessibilityScenarios })) {
    if (only && !name.includes(only)) continue;
    const problems = [];
    const shot = (page, label) =>
      page.screenshot({ path: path.join(RESULTS, `${name}--${label}.png`), fullPage: false });
    const t0 = Date.now();
    try {
      await scenario({ browser, problems, shot });
      if (problems.length) throw new Error(problems.join("\n"));
      passed += 1;
      console.log(`ok    ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL  ${name}\n      ${String(error?.stack ?? error).split("\n").join("\n      ")}`);
      if (error?.cause) console.log(`      caused by: ${String(error.cause).split("\n")[0]}`);
      // What the screen showed when the step gave up; then close it so it does not leak into
      // the next scenario.
      let n = 0;
      for (const page of openPages) {
        n += 1;
        await shot(page, `failure-${n}`).catch(() => {});
        console.log(`      screenshot: ${path.join(RESULTS, `${name}--failure-${n}.png`)}`);
        await page.context().close().catch(() => {});
      }
    }
  }
} finally {
  await stopStack(browser);
}
console.log(`browser tests took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || passed === 0 ? 1 : 0);
