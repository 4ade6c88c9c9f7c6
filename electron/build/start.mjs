// What `npm start` runs: check the Electron runtime, build the Electron-ABI copy of the
// native database module if needed, build the app, then run it.
//   node electron/build/start.mjs [-- app arguments, e.g. --vault=/tmp/vault]
// Every expected failure ends in ONE line on stderr and exit code 1, never a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const modules = join(repo, 'node_modules');
const electronPackage = join(modules, 'electron');
const sqlitePackage = join(modules, 'better-sqlite3-multiple-ciphers');
const abiCache = join(repo, '.cache', 'electron-abi');

/** An expected failure: its message is the one line the user sees. */
class StartError extends Error {}

const noRuntime =
  'the Electron runtime is not installed and could not be downloaded (no internet?). ' +
  'Run "npm run web" to use Sessionkeep in your browser instead.';

function readText(path) {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

/** A status line that only a terminal sees, erased afterwards, so failures stay one line. */
function withStatus(text, task) {
  const show = process.stderr.isTTY;
  if (show) process.stderr.write(`Sessionkeep: ${text}…`);
  try {
    return task();
  } finally {
    if (show) process.stderr.write('\r\x1b[K');
  }
}

function electronVersion() {
  const manifest = readText(join(electronPackage, 'package.json'));
  if (!manifest) throw new StartError(`Sessionkeep: ${noRuntime}`);
  return JSON.parse(manifest).version;
}

function platformBinary() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return process.platform === 'win32' ? 'electron.exe' : 'electron';
}

/**
 * The installed Electron binary, or null. The same checks as node_modules/electron's
 * index.js and install.js (path.txt, dist/version, the file itself), without their
 * side effect: `require('electron')` from Node starts a download when it is missing.
 */
function installedElectron(version) {
  const relativePath = readText(join(electronPackage, 'path.txt'));
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, relativePath || platformBinary());
    return existsSync(binary) ? binary : null;
  }
  if (!relativePath) return null;
  if (readText(join(electronPackage, 'dist', 'version'))?.replace(/^v/, '') !== version) return null;
  const binary = join(electronPackage, 'dist', relativePath);
  return existsSync(binary) ? binary : null;
}

function skipDownload() {
  const value = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** (a) The Electron binary: installed, or fetched by the package's own installer. */
function ensureElectron() {
  const version = electronVersion();
  const installed = installedElectron(version);
  if (installed) return { binary: installed, version };
  if (skipDownload()) {
    throw new StartError(
      'Sessionkeep: the Electron runtime is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set). ' +
        'Run "npm run web" to use Sessionkeep in your browser instead.',
    );
  }
  // Electron 45 has no install script; it downloads on first require(). Run that
  // installer directly, quietly: offline it fails within a second.
  const result = withStatus(`downloading the Electron ${version} runtime`, () =>
    spawnSync(process.execPath, [join(electronPackage, 'install.js')], { stdio: 'ignore', timeout: 10 * 60_000 }),
  );
  const fetched = result.status === 0 ? installedElectron(version) : null;
  if (!fetched) throw new StartError(`Sessionkeep: ${noRuntime}`);
  return { binary: fetched, version };
}

/**
 * (b) better-sqlite3 built against Electron's headers, in .cache/electron-abi, where
 * electron/nativeBinding.ts looks for it. node_modules keeps the Node-ABI build the
 * tests use: the package is copied (without build/) and compiled there.
 */
function ensureNativeModule(version) {
  const target = join(abiCache, `better_sqlite3-electron-${version}.node`);
  const stampFile = join(abiCache, `better_sqlite3-electron-${version}.json`);
  const moduleVersion = JSON.parse(readText(join(sqlitePackage, 'package.json')) ?? '{}').version;
  if (!moduleVersion)
    throw new StartError('Sessionkeep: better-sqlite3-multiple-ciphers is not installed; run "npm ci".');
  const stamp = JSON.parse(readText(stampFile) ?? '{}');
  if (existsSync(target) && stamp.module === moduleVersion) return;

  const source = join(abiCache, 'src');
  const logFile = join(abiCache, 'build.log');
  mkdirSync(abiCache, { recursive: true });
  rmSync(source, { recursive: true, force: true });
  const skipped = [join(sqlitePackage, 'build'), join(sqlitePackage, 'node_modules')];
  cpSync(sqlitePackage, source, {
    recursive: true,
    filter: (from) => !skipped.some((dir) => from === dir || from.startsWith(dir + sep)),
  });

  // The project's .npmrc sets nodedir=/usr for the Node build; passed on, it would point
  // node-gyp at Node's headers instead of Electron's.
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete env[key];
  }
  const log = openSync(logFile, 'w');
  const result = withStatus(`building the database module for Electron ${version} (once; about a minute)`, () =>
    spawnSync(
      process.execPath,
      [
        join(modules, 'node-gyp', 'bin', 'node-gyp.js'),
        'rebuild',
        '--release',
        '--jobs=max',
        '--runtime=electron',
        `--target=${version}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: source, env, stdio: ['ignore', log, log] },
    ),
  );
  closeSync(log);
  const built = join(source, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !existsSync(built)) {
    throw new StartError(
      `Sessionkeep: could not build the database module for Electron ${version} ` +
        `(Electron's headers come from electronjs.org: no internet?); details in ${relative(repo, logFile)}.`,
    );
  }
  copyFileSync(built, target);
  writeFileSync(stampFile, `${JSON.stringify({ electron: version, module: moduleVersion })}\n`);
  rmSync(source, { recursive: true, force: true });
}

/** (c) The same as `npm run build`, minus the web harness and bench bundles. */
function build() {
  const steps = [
    [join(modules, 'vite', 'bin', 'vite.js'), 'build'],
    [join(repo, 'electron', 'build', 'bundle.mjs'), 'main', 'preload'],
  ];
  for (const args of steps) {
    const result = spawnSync(process.execPath, args, { cwd: repo, stdio: 'inherit' });
    if (result.status !== 0) throw new StartError('Sessionkeep: the build failed (see the messages above).');
  }
}

/** (d) Electron with the repo as the app (package.json "main" is dist/electron/main.cjs). */
function launch(binary) {
  const env = { ...process.env };
  // Set, it would turn Electron into plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [repo, ...process.argv.slice(2)], { cwd: repo, stdio: 'inherit', env });
  // Ctrl+C reaches Electron directly (same process group); it quits, and so do we.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (error) => {
    console.error(`Sessionkeep: could not start Electron (${error.message}).`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

try {
  const { binary, version } = ensureElectron();
  ensureNativeModule(version);
  build();
  launch(binary);
} catch (error) {
  console.error(
    error instanceof StartError ? error.message : `Sessionkeep: start failed (${error?.message ?? error}).`,
  );
  process.exit(1);
}
