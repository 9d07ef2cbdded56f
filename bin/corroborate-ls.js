#!/usr/bin/env node
// the server started with the extension's Node options (see server/src/node/main.ts)
if (process.env.CORROBORATE_LS_RELAUNCH === undefined) process.env.CORROBORATE_LS_RELAUNCH = '1';
require('../dist/server.js');
