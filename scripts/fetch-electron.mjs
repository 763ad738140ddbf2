// Electron >= 42 fetches its binary lazily. On a machine with internet this fetches it at install
// time so `npm start` works; on a machine without (CI, these dev boxes) it only warns, so that
// `npm ci` stays green. `--strict` (used by `npm start`) turns the warning into an error.
import { spawnSync } from 'node:child_process';

const isStrict = process.argv.includes('--strict');
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' && !isStrict) process.exit(0);
const result = spawnSync(process.execPath, ['-e', "require('electron')"], {
  stdio: 'pipe',
  timeout: 120_000,
});
if (result.status === 0) process.exit(0);
const message =
  'The Electron binary is not available (no network to fetch it). The CLI (`npm run annals`) and the tests work without it.';
if (isStrict) {
  console.error(`annals: ${message}`);
  process.exit(1);
}
console.warn(`annals: warning: ${message}`);
