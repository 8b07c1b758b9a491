/**
 * The browser tests (test/e2e): Debian's Chromium via playwright-core against the production build
 * in dist/, run by `npm test` after the unit tests (and alone by `npm run test:e2e`). One worker:
 * each file starts a browser.
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  maxWorkers: 1,
  testTimeout: 600000,
};
