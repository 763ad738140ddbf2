import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security';
import { chooseArchiveFolder, createDialogs } from './dialogs';
import { buildMenuTemplate } from './menu';
import { chooseArchiveDir, readSettings, writeSettings } from './settings';
import { createAppWindow, hardenSession, hardenWebContents, isExternalLink } from './window';

// Never load the real module: it would try to download the Electron binary. The window class only
// records what it is constructed with.
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(readonly options: Electron.BrowserWindowConstructorOptions) {}
  },
}));

describe('window', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security, our preload', () => {
    const window = createAppWindow('/app/out/preload/index.cjs') as unknown as { options: Electron.BrowserWindowConstructorOptions };
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      plugins: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    });
    expect(window.options).toMatchObject({ show: false, title: 'Annals' });
  });

  it('denies new windows, opening only web links in the browser, and blocks navigation', () => {
    const handlers = new Map<string, (event: { preventDefault: () => void }) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      setWindowOpenHandler: vi.fn((handler) => (openHandler = handler)),
      on: vi.fn((name: string, handler) => handlers.set(name, handler)),
    };
    const openExternal = vi.fn();
    hardenWebContents(contents as never, openExternal);
    expect(openHandler?.({ url: 'https://en.odkb-csto.org/news/' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'app://annals/index.html' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'smb://server/share' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://en.odkb-csto.org/news/']]);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      handlers.get(name)?.(event);
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
  });

  it('tells web links from everything else', () => {
    expect(isExternalLink('http://tass.com/world/1')).toBe(true);
    expect(isExternalLink('file:///C:/Windows')).toBe(false);
    expect(isExternalLink('not a url')).toBe(false);
  });

  it('denies every permission and adds the CSP to every response', () => {
    let onRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let onCheck: (() => boolean) | undefined;
    let onHeaders: ((details: { responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void) | undefined;
    hardenSession({
      setPermissionRequestHandler: vi.fn((handler) => (onRequest = handler)),
      setPermissionCheckHandler: vi.fn((handler) => (onCheck = handler)),
      webRequest: { onHeadersReceived: vi.fn((handler) => (onHeaders = handler)) },
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid']) {
      const granted = vi.fn();
      onRequest?.({}, permission, granted);
      expect(granted, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
    expect(onCheck?.()).toBe(false);
    const respond = vi.fn();
    onHeaders?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, respond);
    expect(respond).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });

  it('keeps the CSP strict: own origin only, no inline script, no eval, no frames, no blob: or remote source', () => {
    const policy = parsePolicy(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    for (const directive of ['object-src', 'base-uri', 'frame-src', 'frame-ancestors', 'form-action']) {
      expect(policy.get(directive), directive).toEqual(["'none'"]);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|blob:|\*/);
  });

  it('sends a header no looser than the meta tag of renderer/index.html, and equal where it matters', async () => {
    const html = await readFile(join(__dirname, '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const fromMeta = parsePolicy(meta ?? '');
    const fromHeader = parsePolicy(CONTENT_SECURITY_POLICY);
    for (const [directive, sources] of fromMeta) {
      expect(sources, directive).toEqual(expect.arrayContaining(fromHeader.get(directive) ?? ['missing']));
    }
    for (const directive of ['default-src', 'script-src', 'style-src', 'connect-src', 'worker-src', 'object-src', 'base-uri']) {
      expect(fromMeta.get(directive), directive).toEqual(fromHeader.get(directive));
    }
  });
});

function parsePolicy(policy: string): Map<string, string[]> {
  const directives = policy.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]);
  return new Map(directives.map(([name, ...sources]) => [name as string, sources]));
}

function findItem(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const menu of template) {
    const items = Array.isArray(menu.submenu) ? menu.submenu : [];
    const found = items.find((item) => item.label === label);
    if (found) return found;
  }
  return undefined;
}

describe('menu', () => {
  const actions = () => ({ importFiles: vi.fn(), exportCurrent: vi.fn(), openArchive: vi.fn(), focusSearch: vi.fn() });

  it('runs the matching action from File and Edit', () => {
    const spy = actions();
    const template = buildMenuTemplate(spy, 'linux');
    const click = (label: string) => (findItem(template, label)?.click as (() => void) | undefined)?.();
    click('Import…');
    click('Export…');
    click('Open Archive…');
    click('Find');
    expect(spy.importFiles).toHaveBeenCalledOnce();
    expect(spy.exportCurrent).toHaveBeenCalledOnce();
    expect(spy.openArchive).toHaveBeenCalledOnce();
    expect(spy.focusSearch).toHaveBeenCalledOnce();
  });

  it('has File, Edit and View with reload, devtools and zoom, plus the app menu on macOS', () => {
    const linux = buildMenuTemplate(actions(), 'linux');
    expect(linux.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View']);
    const roles = (linux[2]?.submenu as MenuItemConstructorOptions[]).map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'zoomIn', 'zoomOut', 'resetZoom']));
    expect((linux[0]?.submenu as MenuItemConstructorOptions[]).some((item) => item.role === 'quit')).toBe(true);
    expect(buildMenuTemplate(actions(), 'darwin')[0]?.role).toBe('appMenu');
  });
});

describe('dialogs', () => {
  const window = { id: 'window' };

  it('answers the chosen files, or null when the user cancels', async () => {
    const dialog = {
      showOpenDialog: vi.fn().mockResolvedValueOnce({ canceled: false, filePaths: ['/a.txt', '/b.html'] }).mockResolvedValueOnce({ canceled: true, filePaths: [] }),
      showSaveDialog: vi.fn(),
    };
    const dialogs = createDialogs(dialog as never, () => window as never, '/home/u/Documents');
    expect(await dialogs.chooseImportPaths('sender')).toEqual(['/a.txt', '/b.html']);
    expect(dialog.showOpenDialog.mock.calls[0]?.[0]).toBe(window);
    expect(await dialogs.chooseImportPaths('sender')).toBeNull();
  });

  it('asks for a file for a single export and a folder for a folder export', async () => {
    const dialog = {
      showOpenDialog: vi.fn().mockResolvedValue({ canceled: false, filePaths: ['/out/folder'] }),
      showSaveDialog: vi.fn().mockResolvedValue({ canceled: false, filePath: '/out/report.md' }),
    };
    const dialogs = createDialogs(dialog as never, () => null, '/docs');
    expect(await dialogs.chooseExportTarget(undefined, { format: 'single', suggestedName: 'report.md' })).toBe('/out/report.md');
    expect(dialog.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ defaultPath: '/docs/report.md' });
    expect(await dialogs.chooseExportTarget(undefined, { format: 'folder', suggestedName: 'x' })).toBe('/out/folder');
    expect(dialog.showOpenDialog.mock.calls[0]?.[0]).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
    expect(await chooseArchiveFolder(dialog as never, null, '/docs/Annals')).toBe('/out/folder');
  });
});

describe('settings', () => {
  it('remembers the archive folder and defaults to Documents/Annals', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'annals-settings-'));
    try {
      const file = join(dir, 'settings.json');
      expect(chooseArchiveDir(await readSettings(file), '/home/u/Documents')).toBe(join('/home/u/Documents', 'Annals'));
      await writeSettings(file, { archiveDir: '/data/annals' });
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ archiveDir: '/data/annals' });
      expect(chooseArchiveDir(await readSettings(file), '/home/u/Documents')).toBe('/data/annals');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('ignores a broken file or a relative folder instead of failing to start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'annals-settings-'));
    try {
      const file = join(dir, 'settings.json');
      await writeFile(file, '{ not json');
      expect(await readSettings(file)).toEqual({});
      await writeFile(file, JSON.stringify({ archiveDir: '../elsewhere' }));
      expect(await readSettings(file)).toEqual({});
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
