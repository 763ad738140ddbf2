// The archive store's public surface (DESIGN §2; format in docs/archive-format.md).
export { Archive, type ItemChange, type OpenOptions, openArchive } from './archive';
export { ArchiveError, type ArchiveErrorCode } from './errors';
export { ArchiveFileError, type ArchiveFileErrorCode } from './front-matter';
export type { ImportOptions, ImportProgress, ImportResult, FileImportResult } from './import';
export { IMPORTABLE_EXTENSIONS } from './import';
export type { ItemPatch } from './item-edits';
export type { Problem } from './scan';
export type { ArchiveStats } from './stats';
export { ensureSampleArchive, SEEDS_DIR } from './sample';
export { writeFileAtomic, writeFilesAtomic } from './atomic-write';
export type { ArchiveChange, ChangeListener } from './write-lock';
export { loadArchiveTaxonomy } from './taxonomy-file';
export { checkArchive } from './check';
export type { ArchiveConflict, ConflictListener } from './archive-writer';
export { type ArchiveFs, toWriteError } from './archive-fs';
export { type LockHolder, readLockHolder } from './archive-lock';
export { type RepairReport, repairArchive } from './repair';
