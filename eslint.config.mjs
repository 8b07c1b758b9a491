// ESLint 9 flat config: the Office add-in rules (Office.js sync/load misuse) plus Prettier formatting.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "build-tsc/**", "bench/tmp/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.node, ...globals.jest },
    },
    rules: {
      // TypeScript checks undefined names itself, and knows the Office/CustomFunctions globals.
      "no-undef": "off",
      // A value and a type may share a name (the Decimal constructor `Dec` and its instance type).
      "no-redeclare": "off",
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    // The Office preset pins ES2015 for plain JS; Node 20 scripts and configs use newer syntax.
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.node } },
  },
];
