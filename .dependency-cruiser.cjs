// Architecture rules (shared/architecture.md §1), checked in CI and by `npm test`.
// Unit specs may use the testing kit (libs/testing), which itself builds on the whole app.
const SPEC = '\\.spec\\.ts$';

// Folders of libs/core, bottom first: a folder imports only the folders before it (issue 12 item 5),
// so the kernel reads bottom-up and no import inside it runs back up. A new folder goes on this list.
const CORE_FLOORS = [
  'ids',
  'errors',
  'clock',
  'validation',
  'config',
  'logging',
  'secrets', // secrets at rest: the key ring and the AES-GCM box (no database)
  'database',
  'events',
  'redis',
  'access', // principals and route metadata (Public, Roles, CurrentAccount, Unmasked)
  'identity',
  'settings',
  'privacy',
  'auth', // sign-in, sessions and guards over identity
  'files',
  'scheduler',
  'mail', // the mail contract only (the outbox is libs/notify)
  'ai', // the AI provider ports only (features in libs/ai-compose)
  'channels', // the inbound pipeline
  'realtime',
  'http',
];
const coreFloorRules = CORE_FLOORS.slice(0, -1).map((folder, i) => ({
  name: `core-floor-${folder}`,
  severity: 'error',
  comment: `libs/core/src/${folder} sits below ${CORE_FLOORS.slice(i + 1).join(', ')}: it must not import them.`,
  from: { path: `^libs/core/src/${folder}/` },
  to: { path: `^libs/core/src/(${CORE_FLOORS.slice(i + 1).join('|')})/` },
}));

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
      name: 'contracts-imports-nothing-internal',
      severity: 'error',
      comment:
        'contracts (socket event map, generated API types) is the floor under everything, shared with the web: it imports nothing of ours.',
      from: { path: '^libs/contracts/' },
      to: { path: '^(libs|apps|plugins|test)/', pathNot: '^libs/contracts/' },
    },
    {
      name: 'web-only-contracts',
      severity: 'error',
      comment: 'The web bundle imports no server code: of the libs only @switchboard/contracts.',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|plugins)/', pathNot: '^libs/contracts/src/index\\.ts$' },
    },
    {
      name: 'lib-order-core',
      severity: 'error',
      comment: 'core is the bottom layer (it may use the SDK types and the contracts).',
      from: { path: '^libs/core/', pathNot: SPEC },
      to: { path: '^libs/', pathNot: ['^libs/core/', '^libs/plugin-sdk/', '^libs/contracts/'] },
    },
    ...coreFloorRules,
    {
      name: 'plugin-host-floors',
      severity: 'error',
      comment:
        'Inside libs/plugin-host, channels build on plugins (they resolve adapters in the registry), never the reverse.',
      from: { path: '^libs/plugin-host/src/plugins/' },
      to: { path: '^libs/plugin-host/src/(channels/|[^/]+\\.ts$)' },
    },
    {
      name: 'notify-floors',
      severity: 'error',
      comment: 'Inside libs/notify, notifications build on mail (they mail too), never the reverse.',
      from: { path: '^libs/notify/src/mail/' },
      to: { path: '^libs/notify/src/(notifications/|[^/]+\\.ts$)' },
    },
    {
      name: 'core-floor-listed',
      severity: 'error',
      comment: 'Every folder of libs/core has its place in CORE_FLOORS.',
      from: { path: '^libs/core/src/[^/]+/', pathNot: `^libs/core/src/(${CORE_FLOORS.join('|')})/` },
      to: {},
    },
    {
      name: 'core-floor-top',
      severity: 'error',
      comment:
        'The top of libs/core (index.ts, core.module.ts, core.entities.ts) composes the folders; no folder imports it.',
      from: { path: '^libs/core/src/[^/]+/' },
      to: { path: '^libs/core/src/[^/]+\\.ts$' },
    },
    {
      name: 'lib-order-host',
      comment:
        'plugin-host and notify are the floor right above the core: siblings, neither imports the other (the mail transport registry they share is a core port).',
      severity: 'error',
      from: { path: '^libs/(plugin-host|notify)/', pathNot: SPEC },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/(core|plugin-sdk|contracts)/'] },
    },
    {
      name: 'lib-order-middle',
      severity: 'error',
      comment:
        'masking, chat and tickets are siblings on the plugin-host floor: none imports another (masking plugs into the core through a registry).',
      from: { path: '^libs/(masking|chat|tickets)/', pathNot: SPEC },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/(core|plugin-sdk|plugin-host|notify|contracts)/'] },
    },
    {
      name: 'lib-order-routing',
      severity: 'error',
      comment:
        'routing (the contact centre: queues, agent states, offers) sits above chat and below portal/cases: it builds on the middle floor, never on the top.',
      from: { path: '^libs/routing/', pathNot: SPEC },
      to: {
        path: '^libs/',
        pathNot: ['^libs/routing/', '^libs/(chat|tickets|masking|core|plugin-sdk|plugin-host|notify|contracts)/'],
      },
    },
    {
      name: 'lib-order-top',
      severity: 'error',
      comment:
        'cases, portal, agent-chat, ai-compose and search build on the floors below (routing included), not on each other.',
      from: { path: '^libs/(cases|portal|agent-chat|ai-compose|search)/', pathNot: SPEC },
      to: {
        path: '^libs/',
        pathNot: ['^libs/$1/', '^libs/(routing|chat|tickets|core|plugin-sdk|plugin-host|notify|contracts)/'],
      },
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
