// One config, two projects: fast unit specs next to the code, e2e suites under test/.
const swc = ['@swc/jest', { swcrc: true }];
const aliases = {
  '^@switchboard/plugin-sdk$': '<rootDir>/libs/plugin-sdk/src/index.ts',
  '^@switchboard/plugin-sdk/testing$': '<rootDir>/libs/plugin-sdk/src/testing/index.ts',
  // Every other lib by its index.ts (the SDK is matched above).
  '^@switchboard/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
  // A plugin's built entry (plugins/x/dist/y.js) is read from its source under jest: no build step before tests.
  '^(.*)/plugins/([^/]+)/dist/(.*)\\.js$': '$1/plugins/$2/src/$3.ts',
  // ESM-ready relative imports carry .js; jest resolves the .ts source.
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  moduleNameMapper: aliases,
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/apps/web/dist/'],
};
module.exports = {
  // A global option (ignored inside projects): e2e suites boot real apps, two at a time on PostgreSQL.
  testTimeout: 30_000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      // apps/web: pure modules only (no DOM under node), e.g. the shortcut key matcher.
      testMatch: [
        '<rootDir>/{libs,plugins,apps/api,apps/agent,apps/web}/**/*.spec.ts',
        '<rootDir>/libs/*/test/**/*.spec.ts',
      ],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
    {
      ...base,
      displayName: 'e2e',
      setupFiles: ['<rootDir>/test/setup/register-app.ts'],
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/plugins/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
  ],
};
