// The native menu as a template built from the app's actions (index.ts builds it with Menu).
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  importFiles(): void;
  exportCurrent(): void;
  openArchive(): void;
  focusSearch(): void;
}

/** File, Edit, View (and the app menu on macOS); roles give the platform's own behaviour and shortcuts. */
export function buildMenuTemplate(actions: MenuActions, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => actions.importFiles() },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportCurrent() },
      { type: 'separator' },
      { label: 'Open Archive…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openArchive() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find', accelerator: 'CmdOrCtrl+F', click: () => actions.focusSearch() },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      { role: 'toggleDevTools' },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return isMac ? [{ role: 'appMenu' }, file, edit, view, { role: 'windowMenu' }] : [file, edit, view];
}
