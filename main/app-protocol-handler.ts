// The app:// handler (session.protocol.handle): answers a request with a file of the renderer folder
// resolved by app-protocol.ts, its type, the app's Content-Security-Policy and nosniff. Built on the
// standard Request/Response, so it is tested with real files and no Electron.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Protocol } from 'electron';
import { APP_SCHEME, type AppPathErrorCode, resolveAppFile } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './content-security';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

const STATUS_OF: Record<AppPathErrorCode, number> = {
  'bad-url': 400,
  'unsafe-path': 400,
  'wrong-origin': 403,
  'outside-root': 403,
  'not-found': 404,
};

/** The Content-Type of a file by its extension; unknown types are opaque bytes (with nosniff). */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

// Every answer, errors included, carries the policy: it is what governs the page and the search
// worker (a worker takes the policy of its own response, not the page's meta tag).
function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

function answerError(status: number, text: string): Response {
  return new Response(`${status} ${text}\n`, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The handler for protocol.handle(APP_SCHEME, …): GET and HEAD of the files inside `root` only. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const response = answerError(405, 'method-not-allowed');
      response.headers.set('Allow', 'GET, HEAD');
      return response;
    }
    const file = await resolveAppFile(root, request.url);
    if (!file.ok) return answerError(STATUS_OF[file.code], file.code);
    const body = await readFile(file.path).catch(() => null);
    // The file went away between resolving and reading it (a rebuild in development).
    if (!body) return answerError(404, 'not-found');
    const headers = securityHeaders(contentTypeOf(file.path));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Serves `root` on app:// in `session` (the window's), which must be the session the window uses. */
export function serveAppFiles(session: { protocol: Pick<Protocol, 'handle'> }, root: string): void {
  session.protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
