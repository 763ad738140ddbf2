// The desktop shell itself: Playwright's `_electron` launches the built app (out/main/index.js).
// Runs only where the Electron binary exists; on these build machines it cannot be downloaded, so
// the spec reports itself skipped (docs/testing.md). Browser mode covers the same renderer and services.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page, expect, test } from 'playwright/test';
import { findElectronBinary } from './electron-binary';
import { ROOT_DIR } from './paths';

const electronBinary = findElectronBinary();

test.describe('Electron app', () => {
  test.skip(!electronBinary, 'Electron binary not available on this machine (cannot be downloaded here)');

  let tempDir = '';
  let electronApp: ElectronApplication;
  let window: Page;

  test.beforeAll(async () => {
    tempDir = await mkdtemp(join(tmpdir(), 'annals-electron-'));
    const userData = join(tempDir, 'user-data');
    const archiveDir = join(tempDir, 'archive');
    // The settings file points the app at a fresh archive (created with the sample on first open).
    await mkdir(userData, { recursive: true });
    await writeFile(join(userData, 'settings.json'), `${JSON.stringify({ archiveDir })}\n`);
    electronApp = await _electron.launch({
      executablePath: electronBinary!,
      args: [join(ROOT_DIR, 'out', 'main', 'index.js'), `--user-data-dir=${userData}`],
      env: { ...process.env, HOME: tempDir, ANNALS_ARCHIVE: archiveDir },
      cwd: ROOT_DIR,
      timeout: 60_000,
    });
    window = await electronApp.firstWindow();
  });

  test.afterAll(async () => {
    await electronApp?.close();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });

  test('starts with the app page, sandboxed, and shows the archive', async () => {
    await expect(window).toHaveTitle('Annals');
    // Served by the app:// protocol (main/app-protocol.ts), never from file://.
    expect(window.url()).toMatch(/^app:\/\/annals\/index\.html(?:[?#]|$)/);
    await expect(window.getByRole('searchbox', { name: 'Search archive' })).toBeVisible();
    await expect(window.getByText(/^\d+ results?$/)).toBeVisible({ timeout: 30_000 });
    // No Node in the page: only the frozen bridge.
    const surface = await window.evaluate(() => ({
      hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
      bridge: Object.keys((window as unknown as { annals?: object }).annals ?? {}).sort(),
    }));
    expect(surface).toEqual({ hasRequire: false, bridge: ['call', 'on'] });
  });

  test('app:// serves the renderer folder only, with the CSP, and the page cannot open windows', async () => {
    const answers = await window.evaluate(async () => {
      const status = async (url: string) => {
        const response = await fetch(url);
        return { status: response.status, csp: response.headers.get('content-security-policy') !== null, nosniff: response.headers.get('x-content-type-options') };
      };
      return {
        page: await status('app://annals/index.html'),
        escape: await status('app://annals/..%2f..%2fpackage.json'),
        missing: await status('app://annals/missing.js'),
        // Not a web address, so it is denied without reaching the user's browser either.
        opened: (globalThis as unknown as { open(url: string): unknown }).open('app://annals/index.html') === null,
      };
    });
    expect(answers).toEqual({
      page: { status: 200, csp: true, nosniff: 'nosniff' },
      escape: { status: 400, csp: true, nosniff: 'nosniff' },
      missing: { status: 404, csp: true, nosniff: 'nosniff' },
      opened: true,
    });
  });

  test('has the File, Edit and View menus with their commands', async () => {
    const menus = await electronApp.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.items ?? []).map((item) => ({
        label: item.label.replace('&', ''),
        items: (item.submenu?.items ?? []).map((sub) => sub.label).filter(Boolean),
      })),
    );
    const byLabel = new Map(menus.map((m) => [m.label, m.items]));
    expect(byLabel.get('File')).toEqual(expect.arrayContaining(['Import…', 'Export…', 'Open Archive…']));
    expect(byLabel.get('Edit')).toEqual(expect.arrayContaining(['Find']));
    expect(byLabel.has('View')).toBe(true);
  });

  test('a call goes through IPC and back, and a menu command reaches the page', async () => {
    const info = await window.evaluate(() =>
      (window as unknown as { annals: { call(channel: string, args: unknown): Promise<unknown> } }).annals.call('archive:info', {}),
    );
    expect(info).toMatchObject({ ok: true, value: { transport: 'electron' } });
    await window.getByRole('button', { name: 'Import', exact: true }).focus();
    await electronApp.evaluate(({ Menu }) => {
      const edit = Menu.getApplicationMenu()?.items.find((item) => item.label.replace('&', '') === 'Edit');
      edit?.submenu?.items.find((item) => item.label === 'Find')?.click();
    });
    await expect(window.getByRole('searchbox', { name: 'Search archive' })).toBeFocused();
  });
});
