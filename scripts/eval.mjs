#!/usr/bin/env node
// npm run eval [-- --only acceptance,fnc,entities,speed] [--json FILE] [--errors]
import { spawnSync } from 'node:child_process';
const r = spawnSync(process.execPath, ['--import', 'tsx', new URL('./eval/run.ts', import.meta.url).pathname, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
