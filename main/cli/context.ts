// What every command gets: its parsed arguments, the output streams and the archive folder.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { Archive, OpenOptions } from '../archive';

/** Where the CLI writes; injected so tests run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Exit codes: 0 success, 1 the command ran and found a problem (failed file, check problem), 2 bad usage. */
export const EXIT_OK = 0;
export const EXIT_PROBLEM = 1;
export const EXIT_USAGE = 2;

/** A user mistake in the command line: printed with the command's usage hint, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type Values = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface CommandContext {
  values: Values;
  positionals: string[];
  io: CliIo;
  /** Absolute archive folder: --archive, else $ANNALS_ARCHIVE, else ~/Documents/Annals. */
  archiveDir: string;
  /** Resolves a path the user typed against the working directory. */
  resolvePath: (path: string) => string;
  print: (line?: string) => void;
  printJson: (value: unknown) => void;
  /**
   * Opens the archive; its write lock is released when the command ends. Commands that only read
   * pass `readOnly` (no lock: they run while the app has the archive open).
   */
  openArchive: (options?: OpenOptions) => Promise<Archive>;
  /** Releases an archive opened otherwise (ensureSampleArchive) when the command ends. */
  keep: (archive: Archive) => Archive;
}

export interface Command {
  name: string;
  summary: string;
  /** Full help: usage line, description, options, an example. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run: (ctx: CommandContext) => Promise<number>;
}

/** The archive folder for a command line: --archive, $ANNALS_ARCHIVE, or ~/Documents/Annals. */
export function resolveArchiveDir(flag: string | undefined, io: CliIo): string {
  const cwd = io.cwd ?? process.cwd();
  const chosen = flag ?? io.env?.ANNALS_ARCHIVE ?? join(homedir(), 'Documents', 'Annals');
  return resolve(cwd, chosen);
}

/** Reads --name as a string (parseArgs has already checked the type). */
export function stringOption(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A positive integer option, or the default; anything else is a usage error. */
export function integerOption(values: Values, name: string, fallback: number, min = 1): number {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, not "${raw}"`);
  return Number(raw);
}

/** An option restricted to some values. */
export function choiceOption<T extends string>(values: Values, name: string, allowed: readonly T[], fallback: T): T {
  const raw = stringOption(values, name);
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${raw}"`);
  return raw as T;
}
