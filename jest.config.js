/** Jest runs TypeScript through ts-jest, compiled to CommonJS for Node. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node" }, diagnostics: { warnOnly: false } },
    ],
  },
  testTimeout: 120000,
};
