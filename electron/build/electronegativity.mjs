#!/usr/bin/env node
// Runs Electronegativity (Doyensec's static checker for Electron apps) over the code
// that ships in the Electron app, and fails on any finding above INFORMATIONAL.
// `npm run lint:electron`; part of `npm test`.
//
// Why a wrapper rather than the `electronegativity` CLI:
// - Offline. The CLI fetches translations from S3 on every start and, in
//   AvailableSecurityFixesGlobalCheck, Electron's release list from GitHub. This calls
//   its runner directly with the bundled en-US strings, and leaves that check out:
//   which Electron release to ship is decided when `electron` is bumped, not in a test.
// - One input folder. The CLI scans one path; the checks need the main-process code
//   (electron/), the page's CSP (renderer/index.html, a <meta> tag) and package.json
//   (the Electron version, so defaults are judged for Electron 45, not "v0.1.0"). They
//   are copied into a temporary folder with their repository paths.
// - A failing exit code. The CLI always exits 0.
//
// A finding that is a false positive is switched off next to the code with
// Electronegativity's own inline comment, `// eng-disable CHECK_ID` on the flagged
// line, with the reason in a comment above it.
// (https://github.com/doyensec/electronegativity/wiki, "Disabling checks inline")

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** What is scanned, as paths in the repository. electron/web is the browser test harness, not part of the app. */
const inputs = ['package.json', 'renderer/index.html', 'electron'];
const skipped = ['electron/web', 'electron/build'];
/**
 * Findings reviewed and accepted where no comment can sit on the flagged line (an HTML
 * attribute). Matched by check and file; an entry that no longer matches fails the run,
 * so this list cannot go stale.
 */
const reviewed = [
  {
    id: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    // Google's CSP Evaluator warns that script-src 'self' "can be problematic if you
    // host JSONP, Angular or user uploaded files". Our 'self' is app://sessionkeep,
    // which serves only the built renderer folder (electron/appProtocol.ts): no JSONP,
    // no Angular, and no vault content or other user file is ever served from it.
    reason: "script-src 'self' is app://sessionkeep: the built bundle only, no uploads, no JSONP",
  },
];
/** Needs the network (see above). */
const excludedChecks = ['AvailableSecurityFixesGlobalCheck'];

function isInside(path, folder) {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function stage() {
  const folder = mkdtempSync(join(tmpdir(), 'sessionkeep-eng-'));
  for (const input of inputs) {
    cpSync(join(root, input), join(folder, input), {
      recursive: true,
      filter: (source) => !skipped.some((skip) => isInside(source, join(root, skip))),
    });
  }
  return folder;
}

/** Puts `exports` in the module cache as the module at `path`, for this process only. */
function substitute(path, exports) {
  const module = new Module(path);
  module.filename = path;
  module.loaded = true;
  module.exports = exports;
  require.cache[path] = module;
}

/**
 * The runner starts by awaiting locales/i18n.js, which sets up the `i18n` package with
 * the bundled strings and a global `__`, then tries to download newer ones. The same
 * set-up here, minus the download.
 */
function offlineMessages(runnerPath) {
  const runnerRequire = createRequire(runnerPath);
  const i18n = runnerRequire('i18n');
  substitute(runnerRequire.resolve('./locales/i18n.js'), async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: join(dirname(runnerPath), 'locales'),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  });
}

/**
 * Its TypeScript fallback parser (@typescript-eslint/typescript-estree 4) takes
 * `typescript` as a peer, so npm hands it this repository's TypeScript 7, which has no
 * JavaScript API. Electronegativity ships the TypeScript 4.2 it was built with; in this
 * process only, the parser gets that one. (Babel, with its TypeScript plugin, parses
 * first; the fallback matters only for what Babel rejects.)
 */
function giveParserOwnTypeScript(runnerPath) {
  const parserRequire = createRequire(require.resolve('@typescript-eslint/typescript-estree'));
  const ownRequire = createRequire(runnerPath);
  substitute(parserRequire.resolve('typescript'), ownRequire('typescript'));
}

async function main() {
  const runnerPath = require.resolve('@doyensec/electronegativity');
  offlineMessages(runnerPath);
  giveParserOwnTypeScript(runnerPath);
  const run = require(runnerPath);

  const folder = stage();
  try {
    const electronVersion = require(join(root, 'package.json')).devDependencies.electron;
    const result = await run(
      {
        input: folder,
        output: undefined,
        isSarif: false,
        customScan: [],
        excludeFromScan: excludedChecks,
        severitySet: undefined,
        confidenceSet: undefined,
        isRelative: true,
        isVerbose: true,
        electronUpgrade: undefined,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
    const isReviewed = (issue) => reviewed.some((entry) => entry.id === issue.id && entry.file === issue.file);
    const above = result.issues.filter((issue) => issue.severity.value > 0 && !isReviewed(issue));
    const stale = reviewed.filter(
      (entry) => !result.issues.some((issue) => entry.id === issue.id && entry.file === issue.file),
    );
    for (const issue of result.issues) {
      const where = `${issue.id} at ${issue.file}:${issue.location.line}:${issue.location.column}`;
      if (isReviewed(issue)) {
        const { reason } = reviewed.find((entry) => entry.id === issue.id && entry.file === issue.file);
        console.info(`electronegativity: reviewed ${issue.severity.name} ${where}: ${reason}`);
      } else if (issue.severity.value === 0) {
        console.info(`electronegativity: informational ${where}: ${issue.description}`);
      } else {
        console.error(
          `electronegativity: ${issue.severity.name} ${where} (${issue.confidence.name}): ${issue.description} ${issue.shortenedURL}`,
        );
      }
    }
    for (const entry of stale) {
      console.error(`electronegativity: reviewed entry ${entry.id} for ${entry.file} matches nothing; remove it`);
    }
    for (const error of result.errors) {
      console.error(`electronegativity: could not parse ${relative(folder, error.file)}: ${error.message}`);
    }
    console.info(
      `electronegativity: ${result.globalChecks + result.atomicChecks} checks, ` +
        `${above.length} unreviewed finding(s) above informational, ${result.errors.length} parse error(s)`,
    );
    // A file it cannot parse is a file it did not check.
    if (above.length > 0 || stale.length > 0 || result.errors.length > 0) process.exitCode = 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`electronegativity: ${error?.stack ?? error}`);
  process.exitCode = 1;
});
