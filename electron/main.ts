import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  type MenuItemConstructorOptions,
  powerMonitor,
  protocol,
  type SaveDialogOptions,
  session,
} from 'electron';
import { APP_ENTRY_URL, appScheme, registerAppProtocol } from './appProtocol';
import { type Core, createCore } from './core/core';
import { createFileChooser } from './fileChooser';
import { registerIpcBridge } from './ipcBridge';
import { electronNativeBinding } from './nativeBinding';
import { createPrinter } from './printing';
import { createRendererRecovery } from './rendererRecovery';
import { applySecurity, enforceSandbox, webPreferences } from './security';
import { createShellLifecycle, type ShellLifecycle } from './shellLifecycle';

/**
 * The Electron shell: wiring only. The vault logic is in ./core (no Electron), the
 * hardening in ./security, the page's origin in ./appProtocol, IPC in ./ipcBridge.
 * Log lines start with the function name and never carry secrets or request data.
 */

let mainWindow: BrowserWindow | null = null;

/** --vault=<dir> on the command line, then SESSIONKEEP_VAULT_DIR, then the per-user folder. */
function vaultFolder(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const flag = argv.find((arg) => arg.startsWith('--vault='));
  const chosen = flag?.slice('--vault='.length) || env.SESSIONKEEP_VAULT_DIR;
  return chosen ? resolve(chosen) : join(app.getPath('userData'), 'vault');
}

/** Whether the window's page is there to answer a save request. */
function windowAlive(): boolean {
  return mainWindow !== null && !mainWindow.isDestroyed() && !mainWindow.webContents.isCrashed();
}

function createWindow(lifecycle: ShellLifecycle): BrowserWindow {
  // Electronegativity reads only the literal options here, not the spread: the window
  // gets contextIsolation: true and sandbox: true from security.ts's webPreferences
  // (checked in tests/unit/networkBlock.test.ts). AUXCLICK: a middle click can only ask
  // for a new window, and hardenWebContents denies every new window (same test).
  // The directive must sit on the flagged line:
  const window = /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */ new BrowserWindow({
    title: 'Sessionkeep',
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 500,
    show: false,
    // The renderer's light background, so no dark flash before the first paint.
    backgroundColor: '#ffffff',
    webPreferences: { ...webPreferences, devTools: !app.isPackaged },
  });
  // Shown once painted: no white-then-styled flicker.
  window.once('ready-to-show', () => window.show());
  // Keep our title; the page's <title> may change it otherwise.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  // Closing the window quits (on macOS too): held until the page has saved and the vault is locked.
  window.on('close', lifecycle.windowClose);
  // Windows log-off, restart or shutdown: held while we can, started at once when we cannot.
  window.on('query-session-end', lifecycle.sessionEnding);
  window.on('session-end', () => lifecycle.sessionEnd());
  const recovery = createRendererRecovery();
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`createWindow: renderer gone (${details.reason}, exit code ${details.exitCode})`);
    // The vault stays unlocked here, so the reloaded page carries on where it was.
    const step = recovery.gone(details.reason);
    if (step.action === 'reload') window.webContents.reload();
    else if (step.action === 'tell') void dialog.showMessageBox(window, { type: 'error', message: step.message });
  });
  window.on('unresponsive', () => {
    console.warn('createWindow: the window is not responding');
    void dialog
      .showMessageBox(window, {
        type: 'warning',
        message: 'Sessionkeep’s window is not responding.',
        detail: 'Waiting keeps everything as it is. Reloading loses at most the last second of typing.',
        buttons: ['Wait', 'Reload'],
        defaultId: 0,
        cancelId: 0,
      })
      .then(({ response }) => {
        if (response === 1 && !window.isDestroyed()) window.webContents.reload();
      });
  });
  window.webContents.on('preload-error', (_event, _path, error) => {
    console.error(`createWindow: preload failed: ${error.name}`);
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`createWindow: could not load the renderer (${(error as Error)?.message ?? 'unknown'})`);
  });
  return window;
}

/** Reload from the menu: the page saves its open notes first (bounded), then loads again. */
function reloadAfterSaving(core: Core): void {
  const window = mainWindow;
  if (!window) return;
  void core.saveOpenWork().finally(() => {
    if (!window.isDestroyed()) window.webContents.reload();
  });
}

function buildMenu(core: Core, lifecycle: ShellLifecycle): Menu {
  const isMac = process.platform === 'darwin';
  const dev = !app.isPackaged;
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '&File',
      submenu: [
        {
          label: 'Lock Vault',
          accelerator: 'CmdOrCtrl+L',
          // The page saves what was just typed before the vault closes.
          click: () => {
            void lifecycle.lock('manual');
          },
        },
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        // Reload is there for a window that misbehaves; it saves first. DevTools: development only.
        { label: 'Reload', accelerator: 'CmdOrCtrl+R', click: () => reloadAfterSaving(core) },
        ...(dev ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    // No Help menu: it would only link to websites.
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Every way the app stops goes through the lifecycle: the page saves, the vault locks, then quit. */
function stopOnQuitAndShutdown(lifecycle: ShellLifecycle): void {
  app.on('before-quit', lifecycle.beforeQuit);
  // Linux and macOS. Electron's typing gives this listener no event, but Electron passes
  // one that can hold the shutdown (its documentation says so); hence the cast.
  powerMonitor.on('shutdown', ((event: Electron.Event) => lifecycle.systemShutdown(event)) as () => void);
  app.on('window-all-closed', () => app.quit());
}

function lockOnSystemEvents(lifecycle: ShellLifecycle): void {
  const lock = (what: string) => () => {
    console.info(`lockOnSystemEvents: ${what}, saving and locking`);
    void lifecycle.lock('system');
  };
  // 'lock-screen' exists on macOS and Windows only; 'suspend' on all three (on Linux
  // through logind). On Linux a screen lock without suspend is not reported, so the
  // idle auto-lock in the core is what covers it.
  powerMonitor.on('lock-screen', lock('screen locked'));
  powerMonitor.on('suspend', lock('system suspending'));
}

function main(): void {
  // A second copy would open the same vault files: hand over to the first one instead.
  if (!app.requestSingleInstanceLock()) {
    console.info('main: Sessionkeep is already running; focusing it');
    app.quit();
    return;
  }
  app.on('second-instance', focusMainWindow);

  // Both must happen before `ready`.
  protocol.registerSchemesAsPrivileged([appScheme]);
  enforceSandbox(app);

  app
    .whenReady()
    .then(() => {
      applySecurity(app, session.defaultSession);
      registerAppProtocol(protocol, join(__dirname, '..', 'renderer'));

      const nativeBinding = electronNativeBinding({
        isPackaged: app.isPackaged,
        mainDir: __dirname,
        electronVersion: process.versions.electron,
      });
      if (nativeBinding && !existsSync(nativeBinding)) {
        console.error('main: the Electron build of the database module is missing; start with "npm start"');
      }
      const core = createCore({
        folder: vaultFolder(process.argv, process.env),
        nativeBinding,
        hasWindow: windowAlive,
      });
      const lifecycle = createShellLifecycle({ core, quit: () => app.quit() });

      registerIpcBridge(
        ipcMain,
        core,
        () => mainWindow?.webContents ?? null,
        (sender) => {
          // The dialog belongs to the window that asked (modal on it), as the system expects.
          const owner = BrowserWindow.fromWebContents(sender);
          const save = (options: SaveDialogOptions) =>
            owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options);
          return {
            ...createFileChooser(core.files, {
              save,
              open: (options) => (owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options)),
            }),
            // The page that asked is the page printed: its own print CSS, its own window.
            ...createPrinter(core, sender, save),
          };
        },
      );
      Menu.setApplicationMenu(buildMenu(core, lifecycle));
      lockOnSystemEvents(lifecycle);
      stopOnQuitAndShutdown(lifecycle);

      mainWindow = createWindow(lifecycle);
    })
    .catch((error: unknown) => {
      console.error(`main: start-up failed (${(error as Error)?.message ?? 'unknown'})`);
      app.exit(1);
    });
}

main();
