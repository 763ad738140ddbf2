// Every command, in the order help lists them.
import type { Command } from '../context';
import { checkCommand } from './check';
import { collectionCommand } from './collection';
import { exportCommand } from './export';
import { importCommand } from './import';
import { initCommand } from './init';
import { parseCommand } from './parse';
import { searchCommand } from './search';
import { statsCommand } from './stats';
import { noteCommand, retagCommand, tagCommand, untagCommand } from './tag';

export const COMMANDS: Command[] = [
  initCommand,
  importCommand,
  parseCommand,
  searchCommand,
  exportCommand,
  collectionCommand,
  tagCommand,
  untagCommand,
  noteCommand,
  retagCommand,
  checkCommand,
  statsCommand,
];
