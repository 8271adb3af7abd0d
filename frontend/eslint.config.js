import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

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
