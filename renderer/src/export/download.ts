// Browser mode has no save dialog: exports become downloads (Blob + <a download>).

/** A download file name from an export path: folders flattened, unsafe characters replaced. */
export function toDownloadName(path: string): string {
  const flat = path.replace(/[\\/]+/g, '--').replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/^\.+/, '_');
  return flat || 'export.md';
}

/** Starts one download per file (folder exports give several; the browser may ask once to allow them). */
export async function downloadFiles(files: readonly { path: string; content: string }[]): Promise<void> {
  for (const file of files) {
    const url = URL.createObjectURL(new Blob([file.content], { type: 'text/markdown;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = toDownloadName(file.path);
    document.body.append(link);
    link.click();
    link.remove();
    // Chromium drops downloads started in the same tick; a short pause keeps every file.
    await new Promise((resolve) => setTimeout(resolve, 150));
    URL.revokeObjectURL(url);
  }
}
