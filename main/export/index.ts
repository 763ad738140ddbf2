// Exports from the archive to disk: gathers the entries, renders with shared/export, writes atomically
// (a folder export all or nothing: folder-swap.ts).
export {
  EXPORT_MARKER,
  ExportWriteError,
  type ExportWriteErrorCode,
  type ExportWriteOptions,
  type FolderRecovery,
  recoverFolderExport,
  resolveInside,
  writeExport,
  writeFolderExport,
  writeSingleExport,
} from './write-export';
export { exportCollection, exportQuery } from './export-archive';
export { type ExportLedger, type LedgerRecovery, createExportLedger } from './export-ledger';
