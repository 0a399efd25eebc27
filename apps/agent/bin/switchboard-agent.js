#!/usr/bin/env node
// Committed launcher for `npx switchboard-agent` (#15.11). npm links a package's bin when it is
// installed, which on a fresh clone is before `npm run build` creates dist/: a bin pointing into
// dist/ would not be linked at all. This file always exists; it runs the built program, or says how
// to build it.
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS file, run by Node as is */
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', 'dist', 'main.js');
if (!existsSync(main)) {
  process.stderr.write(
    'switchboard-agent is not built yet: run "npm run build" (or "npm run build:agent") in the Switchboard checkout, then try again.\n',
  );
  process.exit(69); // EX_UNAVAILABLE
}
require(main);
