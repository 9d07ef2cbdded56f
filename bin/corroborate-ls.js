#!/usr/bin/env node
// the server, in a process with the extension's Node options (see server/src/node/launch.ts)
if (!require('../dist/launch.js').relaunched()) require('../dist/server.js');
