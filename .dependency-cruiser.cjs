// Architecture rules (shared/architecture.md §1), checked in CI and by `npm test`.
// Unit specs may use the testing kit (libs/testing), which itself builds on the whole app.
const SPEC = '\\.spec\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a broken build.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      comment: 'Libs never import apps.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libs-not-to-plugins',
      severity: 'error',
      comment: 'Libs never import plugins.',
      from: { path: '^libs/' },
      to: { path: '^plugins/' },
    },
    {
      name: 'lib-only-through-index',
      severity: 'error',
      comment: 'Another lib is imported only through its index.ts.',
      from: { path: '^(libs/([^/]+)|apps/[^/]+|plugins/[^/]+|test)/' },
      to: {
        path: '^libs/[^/]+/src/',
        pathNot: ['^libs/$2/', '^libs/[^/]+/src/index\\.ts$', '^libs/plugin-sdk/src/testing/index\\.ts$'],
      },
    },
    {
      name: 'plugins-only-sdk',
      severity: 'error',
      comment:
        'Plugins import @switchboard/plugin-sdk (and its /testing) and their own dependencies, nothing else of ours.',
      from: { path: '^(plugins/[^/]+|test/fixtures/plugins/[^/]+)/' },
      to: { path: '^(libs|apps|plugins|test)/', pathNot: ['^libs/plugin-sdk/', '^$1/'] },
    },
    {
      name: 'sdk-imports-nothing-internal',
      severity: 'error',
      comment: 'The SDK is the partner contract: it imports nothing of ours.',
      from: { path: '^libs/plugin-sdk/' },
      to: { path: '^(libs|apps|plugins)/', pathNot: '^libs/plugin-sdk/' },
    },
    {
      name: 'lib-order-core',
      severity: 'error',
      comment: 'core is the bottom layer (it may use the SDK types).',
      from: { path: '^libs/core/', pathNot: SPEC },
      to: { path: '^libs/', pathNot: ['^libs/core/', '^libs/plugin-sdk/'] },
    },
    {
      name: 'lib-order-host',
      comment:
        'plugin-host and notify are the floor right above the core: siblings, neither imports the other (the mail transport registry they share is a core port).',
      severity: 'error',
      from: { path: '^libs/(plugin-host|notify)/', pathNot: SPEC },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/(core|plugin-sdk)/'] },
    },
    {
      name: 'lib-order-middle',
      severity: 'error',
      comment:
        'masking, chat and tickets are siblings on the plugin-host floor: none imports another (masking plugs into the core through a registry).',
      from: { path: '^libs/(masking|chat|tickets)/', pathNot: SPEC },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/(core|plugin-sdk|plugin-host|notify)/'] },
    },
    {
      name: 'lib-order-top',
      severity: 'error',
      comment: 'cases, portal, agent-chat and ai-compose build on the floors below, not on each other.',
      from: { path: '^libs/(cases|portal|agent-chat|ai-compose)/', pathNot: SPEC },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/(chat|tickets|core|plugin-sdk|plugin-host|notify)/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No cycle anywhere: a cycle means two modules are one, or one of them is on the wrong floor.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'testing-kit-only-in-tests',
      severity: 'error',
      comment: 'libs/testing is for tests.',
      from: { path: '^(apps|plugins)/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^libs/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
