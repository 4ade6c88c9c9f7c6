import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the web preview keeps its vault by default: the same per-user data folder
 * Electron's `app.getPath('userData')` uses for "Sessionkeep", never the repo.
 */
export function defaultVaultFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Sessionkeep', 'vault');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Sessionkeep', 'vault');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Sessionkeep', 'vault');
}
