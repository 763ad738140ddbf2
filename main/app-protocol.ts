// The app's own files on a custom scheme (app://annals/…) instead of file://. The page gets a standard,
// secure origin of its own — IndexedDB, module workers and fetch work, and no other local file shares
// its origin — and no URL can name a file outside the renderer folder: every path segment is checked
// before it touches the disk, and the file found is checked again after symlinks are resolved.
import { realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'annals';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges of the scheme (protocol.registerSchemesAsPrivileged, before app ready): standard (relative
 * URLs, web storage and IndexedDB), secure (a secure context), fetch (module scripts and workers load
 * through it). Deliberately not corsEnabled (another origin could read our responses) nor bypassCSP.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

export type AppPathErrorCode = 'bad-url' | 'wrong-origin' | 'unsafe-path' | 'not-found' | 'outside-root';

export interface AppPathError {
  ok: false;
  code: AppPathErrorCode;
  message: string;
}

export type AppPath = { ok: true; segments: string[] } | AppPathError;
export type AppFile = { ok: true; path: string } | AppPathError;

function fail(code: AppPathErrorCode, message: string): AppPathError {
  return { ok: false, code, message };
}

// A decoded segment may not carry a separator (an encoded %2f or %5c), NUL or any control character,
// be a dot segment, name a drive or an NTFS stream (":"), or end in a dot or a space (Windows drops
// those, so "..%20" would become "..").
function isSafeSegment(segment: string): boolean {
  if (segment === '.' || segment === '..') return false;
  if (/[/\\:\u0000-\u001f\u007f]/.test(segment)) return false;
  return !/[. ]$/.test(segment);
}

/**
 * The path segments an app:// URL names, relative to the renderer folder ([] for the root), or why it
 * names nothing: another scheme, host, port or user (`bad-url`, `wrong-origin`) or a segment that could
 * leave the folder (`unsafe-path`). Query and fragment are ignored; empty segments ("//") are skipped.
 */
export function parseAppPath(url: string): AppPath {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('bad-url', 'not a URL');
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return fail('bad-url', `not an ${APP_SCHEME}: URL`);
  if (parsed.host.toLowerCase() !== APP_HOST || parsed.username || parsed.password) {
    return fail('wrong-origin', `only ${APP_ORIGIN} is served`);
  }
  const segments: string[] = [];
  for (const raw of parsed.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return fail('unsafe-path', 'malformed percent-encoding');
    }
    if (!isSafeSegment(segment)) return fail('unsafe-path', `refused path segment ${JSON.stringify(raw)}`);
    segments.push(segment);
  }
  return { ok: true, segments };
}

/** True when `path` is `root` itself or lies inside it (both absolute and already resolved). */
export function isInsideRoot(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

async function statOrNull(path: string) {
  return stat(path).catch(() => null);
}

/**
 * The absolute, symlink-free path of the file an app:// URL names inside `root` (a folder names its
 * index.html), or a typed error: `not-found`, or `outside-root` when a symlink leads out of `root`.
 */
export async function resolveAppFile(root: string, url: string): Promise<AppFile> {
  const parsed = parseAppPath(url);
  if (!parsed.ok) return parsed;
  const realRoot = await realpath(root).catch(() => null);
  if (!realRoot) return fail('not-found', 'the renderer folder does not exist');
  let target = resolve(join(realRoot, ...parsed.segments));
  // Cannot happen with checked segments; kept so a future change to the checks fails closed.
  if (!isInsideRoot(realRoot, target)) return fail('unsafe-path', 'the path leaves the renderer folder');
  let info = await statOrNull(target);
  if (info?.isDirectory()) {
    target = join(target, 'index.html');
    info = await statOrNull(target);
  }
  if (!info?.isFile()) return fail('not-found', 'no such file');
  const real = await realpath(target).catch(() => null);
  if (!real) return fail('not-found', 'no such file');
  if (!isInsideRoot(realRoot, real)) return fail('outside-root', 'a link leads outside the renderer folder');
  return { ok: true, path: real };
}
