// Where the store lives. Offices redirect roaming profiles to file servers, where SQLite's WAL
// breaks, so the default is the local application-data folder and network paths are refused.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const STORE_FILE_NAME = 'assessment.sqlite';

/** UNC paths (\\server\share) and mapped network drives given as UNC; POSIX network mounts by prefix. */
export function isNetworkPath(p: string): boolean {
  return (
    /^(\\\\|\/\/)(?![?.][\\/])/.test(p) ||
    (/^\/(mnt|net|smb|nfs)\/[^/]+\/.+/.test(p) && process.env.DA_ALLOW_MNT !== '1')
  );
}

/** The default data folder: %LOCALAPPDATA%\DynamicAssessment on Windows, XDG data home elsewhere. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.DA_DATA_DIR) return env.DA_DATA_DIR;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'DynamicAssessment');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'dynamic-assessment');
}

export function storeFile(dataDir: string): string {
  return join(dataDir, STORE_FILE_NAME);
}

export function backupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}
