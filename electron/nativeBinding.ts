import { join } from 'node:path';

/** The facts that decide which better_sqlite3.node the Electron main process loads. */
export type NativeBindingFacts = {
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** The folder main.cjs runs from: `<repo>/dist/electron` in development. */
  mainDir: string;
  /** `process.versions.electron`. */
  electronVersion: string;
};

/**
 * Tests run under Node 20 and the app under Electron 45's own Node: one compiled
 * .node file cannot serve both ABIs. So node_modules keeps the Node build, and in
 * development `npm start` (electron/build/start.mjs) builds an Electron-ABI copy into
 * `.cache/electron-abi/` and the main process passes it to better-sqlite3 as
 * `nativeBinding`. A packaged app returns undefined: electron-builder rebuilds the
 * module for Electron, and better-sqlite3 finds it in its usual place.
 */
export function electronNativeBinding(facts: NativeBindingFacts): string | undefined {
  if (facts.isPackaged) return undefined;
  return join(devNativeBindingDir(facts.mainDir), `better_sqlite3-electron-${facts.electronVersion}.node`);
}

/** `<repo>/.cache/electron-abi`, from `<repo>/dist/electron`. */
function devNativeBindingDir(mainDir: string): string {
  return join(mainDir, '..', '..', '.cache', 'electron-abi');
}
