// The `annals` command line: parses argv, dispatches to one module per command, maps errors to exit codes.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Archive, ArchiveError, ArchiveFileError, openArchive } from '../archive';
import { ExportWriteError } from '../export';
import { IngestError } from '../ingest';
import { COMMANDS } from './commands/index';
import {
  type CliIo,
  type Command,
  type CommandContext,
  EXIT_PROBLEM,
  EXIT_USAGE,
  UsageError,
  resolveArchiveDir,
  stringOption,
} from './context';

const GLOBAL_OPTIONS = {
  archive: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: annals <command> [options]   (npm run annals -- <command> [options])',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  --archive DIR  the archive folder (default: $ANNALS_ARCHIVE, else ~/Documents/Annals)',
    '  -h, --help     help for a command: annals <command> --help',
    '',
  ].join('\n');
}

function parseCommandLine(command: Command, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

function buildContext(argv: string[], command: Command, io: CliIo, opened: Archive[]): CommandContext {
  const { values, positionals } = parseCommandLine(command, argv);
  const cwd = io.cwd ?? process.cwd();
  const archiveDir = resolveArchiveDir(stringOption(values, 'archive'), io);
  const keep = (archive: Archive) => {
    opened.push(archive);
    return archive;
  };
  return {
    keep,
    openArchive: async (options = {}) => keep(await openArchive(archiveDir, { tool: `annals ${command.name}`, ...options })),
    values,
    positionals,
    io,
    archiveDir,
    resolvePath: (path) => resolve(cwd, path),
    print: (line = '') => io.stdout(`${line}\n`),
    printJson: (value) => io.stdout(`${JSON.stringify(value, null, 2)}\n`),
  };
}

const KNOWN_ERRORS = [ArchiveError, ArchiveFileError, IngestError, ExportWriteError];

/** Runs one command line; returns the exit code. Never throws for a user's mistake. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    io.stdout(topic ? `${topic.help}\n` : generalHelp());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`annals: unknown command "${name}"\n\n${generalHelp()}`);
    return EXIT_USAGE;
  }
  const opened: Archive[] = [];
  try {
    const ctx = buildContext(rest, command, io, opened);
    if (ctx.values.help) {
      io.stdout(`${command.help}\n`);
      return 0;
    }
    return await command.run(ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`annals ${command.name}: ${error.message}\nRun "annals ${command.name} --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (KNOWN_ERRORS.some((kind) => error instanceof kind)) {
      io.stderr(`annals ${command.name}: ${(error as Error).message}\n`);
      return EXIT_PROBLEM;
    }
    throw error;
  } finally {
    for (const archive of opened) await archive.close();
  }
}
