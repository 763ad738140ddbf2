// Electron entry: app lifecycle, the window, menus and dialogs — wiring only. Everything with logic
// lives in modules that take Electron objects as parameters (window, menu, dialogs, ipc, settings)
// or run without Electron at all (archive, services), so it is tested here without the binary.
import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session, shell } from 'electron';
import type { MenuAction } from '../shared/api';
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-protocol';
import { serveAppFiles } from './app-protocol-handler';
import { ensureSampleArchive, openArchive } from './archive';
import { chooseArchiveFolder, createDialogs } from './dialogs';
import { createExportLedger } from './export';
import { forwardEvents, registerApi } from './ipc';
import { buildMenuTemplate } from './menu';
import { type Services, createServices } from './services';
import { chooseArchiveDir, readSettings, writeSettings } from './settings';
import { openStartupArchive } from './startup';
import { createAppWindow, hardenSession, hardenWebContents } from './window';

const RENDERER_DIR = join(__dirname, '../renderer');
const SETTINGS_FILE = () => join(app.getPath('userData'), 'settings.json');
// electron-vite's dev server, in development only; a packaged app always loads app://annals/.
const DEV_URL = app.isPackaged ? null : (process.env.ELECTRON_RENDERER_URL ?? null);

// Before ready: the app's page gets a standard, secure origin of its own (docs/security.md).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const window = createAppWindow(join(__dirname, '../preload/index.cjs'));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(DEV_URL ?? APP_PAGE_URL);
  return window;
}

async function openArchiveFolder(services: Services): Promise<void> {
  const dir = await chooseArchiveFolder(dialog, mainWindow, services.archive().dir);
  if (!dir) return;
  try {
    await services.setArchive(await openArchive(dir, { create: true }));
    await writeSettings(SETTINGS_FILE(), { archiveDir: dir });
  } catch (error) {
    dialog.showErrorBox('Annals cannot open this folder', error instanceof Error ? error.message : String(error));
  }
}

function installMenu(services: Services): void {
  // Import and export start in the page, which knows what is selected and follows the job it starts.
  const sendMenu = (action: MenuAction) => services.events.emit('menu', { action });
  const template = buildMenuTemplate(
    {
      importFiles: () => sendMenu('import'),
      exportCurrent: () => sendMenu('export'),
      openArchive: () => void openArchiveFolder(services),
      focusSearch: () => sendMenu('focus-search'),
    },
    process.platform,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveAppFiles(session.defaultSession, RENDERER_DIR);
  const documents = app.getPath('documents');
  const settings = await readSettings(SETTINGS_FILE());
  const opened = await openStartupArchive(chooseArchiveDir(settings, documents), {
    open: async (dir) => (await ensureSampleArchive(dir)).archive,
    chooseFolder: (current) => chooseArchiveFolder(dialog, null, current),
    report: (message) => dialog.showErrorBox('Annals cannot open the archive', message),
  });
  if (!opened) return app.quit();
  if (opened.dir !== settings.archiveDir) await writeSettings(SETTINGS_FILE(), { ...settings, archiveDir: opened.dir });
  const { archive } = opened;
  const exportLedger = createExportLedger(join(app.getPath('userData'), 'pending-exports.json'));
  // A folder export cut off by a crash is put back now, not only by the next export to that folder;
  // a ledger that cannot be read or updated never stops the app (the next export still recovers).
  const recovered = await exportLedger.recoverAll().catch((error: unknown) => {
    console.error('Annals could not check its unfinished exports:', error);
    return [];
  });
  for (const result of recovered) {
    if (result.error) console.error(`Annals could not put back the export folder ${result.folder}: ${result.error.message}`);
  }
  const services = createServices(archive, {
    platform: 'electron',
    isArchiveWatched: true,
    exportLedger,
    dialogs: createDialogs(dialog, (owner) => (owner ? BrowserWindow.fromWebContents(owner as Electron.WebContents) : mainWindow), documents),
  });
  registerApi(ipcMain, services.handleCall, {
    page: { pageUrl: APP_PAGE_URL, devOrigin: DEV_URL },
    ownerOf: (sender) => sender,
  });
  forwardEvents(services.events, () => BrowserWindow.getAllWindows().map((window) => window.webContents));
  installMenu(services);
  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
}

// Every web contents (the window, and any a bug or a future feature would create) is held to the same
// rules: no navigation, no new window, no webview; only a checked web address reaches the system.
app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, (url) => void shell.openExternal(url));
});

// One instance per user: two would write the same archive behind each other's back.
if (!app.requestSingleInstanceLock()) app.quit();
else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Annals could not start', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
