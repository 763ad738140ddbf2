// Handlers of the import and export channels. Paths never come from the renderer: Electron's native
// dialogs (in main) choose them, and browser mode hands over bytes (import) or receives files (export).
import { writeExport } from '../export';
import { ServiceError } from './errors';
import { renderExport } from './export-render';
import type { HandlerContext, Handlers } from './handler-types';

type TransferHandlers = Pick<Handlers, 'import:files' | 'import:choose' | 'import:cancel' | 'export:render' | 'export:save'>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64(name: string, base64: string): Uint8Array {
  const compact = base64.replace(/\s+/g, '');
  if (compact.length % 4 === 1 || !BASE64.test(compact)) throw new ServiceError('bad-request', `${name}: the file's bytes are not valid base64`);
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

function requireDialogs(ctx: HandlerContext, what: string) {
  if (ctx.platform !== 'electron' || !ctx.dialogs) {
    throw new ServiceError('unsupported', `${what} needs the desktop app; in the browser, ${what === 'import:choose' ? 'drop or upload files' : 'download the export'} instead`);
  }
  return ctx.dialogs;
}

export function createTransferHandlers(ctx: HandlerContext): TransferHandlers {
  return {
    async 'import:files'({ files }) {
      const incoming = files.map((file) => ({ name: file.name, bytes: decodeBase64(file.name, file.base64) }));
      return { jobId: await ctx.imports.startFiles(incoming) };
    },
    async 'import:choose'(_args, context) {
      const paths = await requireDialogs(ctx, 'import:choose').chooseImportPaths(context.owner);
      if (!paths || paths.length === 0) return null;
      return { jobId: ctx.imports.startPaths(paths) };
    },
    async 'import:cancel'({ jobId }) {
      return { cancelled: ctx.imports.cancel(jobId) };
    },
    async 'export:render'({ source, options }) {
      return { files: await renderExport(ctx.archive(), source, options, ctx.now().toISOString()) };
    },
    async 'export:save'({ source, options }, context) {
      const dialogs = requireDialogs(ctx, 'export:save');
      const files = await renderExport(ctx.archive(), source, options, ctx.now().toISOString());
      const suggestedName = options.format === 'single' ? (files[0]?.path ?? 'export.md') : 'annals-export';
      const target = await dialogs.chooseExportTarget(context.owner, { format: options.format, suggestedName });
      if (!target) return null;
      const ledger = options.format === 'folder' ? ctx.exportLedger : null;
      await ledger?.begin(target);
      await writeExport(files, target, options.format);
      await ledger?.finish(target);
      return { path: target };
    },
  };
}
