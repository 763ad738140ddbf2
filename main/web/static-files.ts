// Serves the built renderer (out/renderer). A request path can never reach outside that folder: it is
// decoded, resolved and prefix-checked, and then checked again after symlinks are resolved.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  path: string;
  size: number;
  type: string;
  isHtml: boolean;
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * The file a URL path names inside `root` (a folder names its index.html), or null when there is
 * none or the path tries to leave `root` in any way.
 */
export async function findStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  if (decoded.split('/').some((part) => part === '..')) return null;
  const realRoot = await realpath(root).catch(() => null);
  if (!realRoot) return null;
  let target = resolve(realRoot, `.${decoded}`);
  if (!isInside(realRoot, target)) return null;
  let info = await stat(target).catch(() => null);
  if (info?.isDirectory()) {
    target = join(target, 'index.html');
    info = await stat(target).catch(() => null);
  }
  if (!info?.isFile()) return null;
  const real = await realpath(target).catch(() => null);
  if (!real || !isInside(realRoot, real)) return null;
  const ext = extname(real).toLowerCase();
  return { path: real, size: info.size, type: TYPES[ext] ?? 'application/octet-stream', isHtml: ext === '.html' };
}

export function openStaticFile(file: StaticFile): NodeJS.ReadableStream {
  return createReadStream(file.path);
}
