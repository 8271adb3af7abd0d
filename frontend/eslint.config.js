import js from "@eslint/js";
import { readdirSync } from "node:fs";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Layout boundaries (README "Layout"): src/shared imports no feature and not the shell; a
// feature imports shared, its own folder, and another feature only through that feature's
// index.ts (its public surface); the shell (src/app, main.tsx) also goes through the index.
// Deep imports would let features lean on each other's internals until nothing can move.
const srcDir = new URL("./src/", import.meta.url).pathname;
const features = readdirSync(`${srcDir}features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const shell = ["./src/app", "./src/main.tsx"];
const featureIndex = `${srcDir}features/*/index.ts`;
const boundaries = [
  {
    target: "./src/shared",
    from: ["./src/features", ...shell],
    message: "shared code must not depend on a feature or on the app shell.",
  },
  {
    target: "./src/features",
    from: shell,
    message: "a feature must not depend on the app shell.",
  },
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: [`./src/features/!(${feature})/**`],
    except: [featureIndex],
    message: "import another feature through its index.ts, not its internals.",
  })),
  {
    target: shell,
    from: ["./src/features/*/**"],
    except: [featureIndex],
    message: "the shell imports a feature through its index.ts.",
  },
];

export default tseslint.config(
  { ignores: ["dist", "node_modules", "src/shared/api/schema.d.ts", "test-results"] },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: globals.browser },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".d.ts", ".js"] })],
    },
    rules: {
      "import-x/no-cycle": "error",
      "import-x/no-restricted-paths": ["error", { zones: boundaries }],
    },
  },
  {
    // Tests may mount the shell around a feature (e.g. the sidebar link to it), so the
    // shell rules do not bind them; cross-feature internals stay off limits.
    files: ["src/**/*.test.{ts,tsx}"],
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: boundaries
            .map((zone) => ({ ...zone, from: zone.from.filter((from) => !shell.includes(from)) }))
            .filter((zone) => zone.from.length > 0),
        },
      ],
    },
  },
  {
    files: ["e2e/**/*.mjs", "*.js"],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Browser tests wait for what the user sees (a row, a text, a URL, an element's state).
    // "The network went quiet" and "some time passed" both pass early on a busy CI machine.
    files: ["e2e/**/*.mjs"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Literal[value=/networkidle/], TemplateElement[value.raw=/networkidle/]",
          message:
            "Do not wait for networkidle: wait for what the user sees (locator.waitFor, a row, a text, page.waitForURL).",
        },
        {
          selector: "Identifier[name='waitForTimeout'], Literal[value='waitForTimeout']",
          message:
            "Do not sleep: wait for what the user sees (locator.waitFor, page.waitForFunction, page.waitForURL).",
        },
        {
          selector: "Identifier[name=/^set(Timeout|Interval)$/], Literal[value=/^set(Timeout|Interval)$/]",
          message:
            "No timer-based waits in browser tests: wait for what the user sees (locator.waitFor, page.waitForFunction).",
        },
      ],
    },
  },
);
