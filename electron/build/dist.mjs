// `npm run dist`: installers via electron-builder (needs internet: it downloads Electron).
// electron-builder rebuilds node_modules/better-sqlite3-multiple-ciphers for Electron's
// ABI in place; afterwards we rebuild it for Node so `npm test` keeps working.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (command, args) =>
  spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

let status = run(npm, ['run', 'build']);
if (status === 0)
  status = run(npm, ['exec', '--', 'electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
const restored = run(npm, ['rebuild', 'better-sqlite3-multiple-ciphers']);
if (restored !== 0)
  console.error(
    'dist: could not rebuild the database module for Node; run "npm rebuild better-sqlite3-multiple-ciphers"',
  );
process.exit(status || restored);
