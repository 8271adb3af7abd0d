/* global document */
/**
 * axe-core in the browser tests: its source comes from node_modules (pinned in package.json) and
 * is injected into the page under test, so nothing is fetched from the network.
 */
import { createRequire } from "node:module";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The impacts that fail a scenario: WCAG A/AA failures that block or seriously hinder use. */
const FAILING = new Set(["critical", "serious"]);

/**
 * Runs axe on the page as it is now and returns its critical and serious violations, one line
 * per offending element (rule, impact, selector, axe's summary of what to fix).
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const results = await globalThis.axe.run(document, { resultTypes: ["violations"] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target.join(" "),
        summary: (node.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 300),
      })),
    }));
  });
  return violations
    .filter((violation) => FAILING.has(violation.impact))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}: ${violation.help}) at ${node.target}: ${node.summary}`,
      ),
    );
}
