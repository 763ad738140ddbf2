// Exports from the archive to disk: gathers the entries, renders with shared/export, writes atomically.
export { EXPORT_MARKER, ExportWriteError, resolveInside, writeExport, writeFolderExport, writeSingleExport } from './write-export';
export { exportCollection, exportQuery } from './export-archive';
