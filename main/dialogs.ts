// Native open and save dialogs (Electron only). They run in main, so a path never comes from the page.
import type { BaseWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { Dialogs } from './services';

type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

/** The window a dialog belongs to: the caller's, when it is one. */
type WindowOf = (owner: unknown) => BaseWindow | null;

async function showOpen(dialog: DialogApi, window: BaseWindow | null, options: OpenDialogOptions): Promise<string[] | null> {
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
}

async function showSave(dialog: DialogApi, window: BaseWindow | null, options: SaveDialogOptions): Promise<string | null> {
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** The services' dialogs over Electron's dialog module. */
export function createDialogs(dialog: DialogApi, windowOf: WindowOf, documentsDir: string): Dialogs {
  return {
    chooseImportPaths(owner) {
      return showOpen(dialog, windowOf(owner), {
        title: 'Import pages',
        buttonLabel: 'Import',
        defaultPath: documentsDir,
        // Files or folders: Linux and Windows cannot offer both in one dialog, so files there.
        properties: process.platform === 'darwin' ? ['openFile', 'openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
        filters: [
          { name: 'Pages (text, Markdown, HTML)', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'xhtml'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
    },
    async chooseExportTarget(owner, { format, suggestedName }) {
      const window = windowOf(owner);
      if (format === 'single') {
        return showSave(dialog, window, {
          title: 'Export to Markdown',
          defaultPath: `${documentsDir}/${suggestedName}`,
          filters: [{ name: 'Markdown', extensions: ['md'] }],
        });
      }
      const chosen = await showOpen(dialog, window, {
        title: 'Export to a folder (new, empty, or a previous export)',
        buttonLabel: 'Export here',
        defaultPath: documentsDir,
        properties: ['openDirectory', 'createDirectory'],
      });
      return chosen?.[0] ?? null;
    },
  };
}

/** Asks for an archive folder (an existing archive, or an empty folder to start one in). */
export async function chooseArchiveFolder(dialog: DialogApi, window: BaseWindow | null, current: string): Promise<string | null> {
  const chosen = await showOpen(dialog, window, {
    title: 'Open or create an archive',
    buttonLabel: 'Open archive',
    defaultPath: current,
    properties: ['openDirectory', 'createDirectory'],
  });
  return chosen?.[0] ?? null;
}
