// Runs once before every spec: checks the browser is there and builds the app the specs serve.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ROOT_DIR, binPath } from './paths';

const CHROMIUM = process.env.ANNALS_CHROMIUM ?? '/usr/bin/chromium';

export default function globalSetup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's browser (apt-get install -y chromium) or set ANNALS_CHROMIUM; Playwright cannot download its own here`);
  }
  // scripts/test-all.sh has just built; a developer running `npx playwright test` gets a fresh build.
  if (process.env.ANNALS_E2E_PREBUILT === '1' && existsSync(`${ROOT_DIR}/out/renderer/index.html`)) return;
  execFileSync(binPath('electron-vite'), ['build', '-c', 'electron.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT_DIR,
    stdio: 'inherit',
    timeout: 180_000,
  });
}
