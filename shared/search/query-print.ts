// Prints a query AST back as query text; parseQuery(printQuery(ast)) gives the same AST.
import type { QueryFilter, QueryNode } from './query';

function printValue(value: string): string {
  return /[\s()]/.test(value) ? `"${value}"` : value;
}

function printFilter(filter: QueryFilter): string {
  if (filter.key !== 'date') return `${filter.key}:${printValue(filter.value)}`;
  if (filter.from !== null && filter.from === filter.to) return `date:${filter.from}`;
  return `date:${filter.from ?? ''}..${filter.to ?? ''}`;
}

/** Prints a query AST back as query text that parses to the same AST. */
export function printQuery(node: QueryNode): string {
  switch (node.type) {
    case 'all':
      return '';
    case 'word':
      return node.value;
    case 'phrase':
      return `"${node.value}"`;
    case 'filter':
      return printFilter(node.filter);
    case 'not': {
      const child = printQuery(node.child);
      return node.child.type === 'and' || node.child.type === 'or' ? `-(${child})` : `-${child}`;
    }
    case 'and':
      return node.children.map((child) => printQuery(child)).join(' ');
    case 'or':
      return node.children
        .map((child) => (child.type === 'and' ? `(${printQuery(child)})` : printQuery(child)))
        .join(' OR ');
  }
}
