// Where the Electron binary is, if this machine has it. Never `require('electron')` to find out: on a
// machine without the binary that starts a download (STACK.md), which cannot succeed here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from './paths';

/** The Electron executable npm installed (or ELECTRON_OVERRIDE_DIST_PATH names), or null. */
export function findElectronBinary(): string | null {
  const packageDir = join(ROOT_DIR, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, relative || 'electron') : relative ? join(packageDir, 'dist', relative) : null;
  return candidate && existsSync(candidate) ? candidate : null;
}
