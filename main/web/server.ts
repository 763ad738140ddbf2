// Browser mode (DESIGN §8): the Api over HTTP on 127.0.0.1 plus the built renderer, no Electron.
//   POST /api/<channel>  JSON arguments → ApiResponse JSON (always 200 once authorised)
//   GET  /api/events     Server-Sent Events: `event: <ApiEventName>` + `data: <JSON payload>`
//   GET  /?token=…       sets the token cookie and redirects to the same address without it
//   GET  /<file>         the renderer's files (out/renderer)
import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiResponse } from '../../shared/api-contract';
import { CONTENT_SECURITY_POLICY } from '../content-security';
import type { CallContext, EventHub } from '../services';
import { hasValidToken, isSameOriginRequest, isSameToken, tokenCookieName } from './request-guard';
import { findStaticFile, openStaticFile } from './static-files';

/** Largest request body: 10 dropped files of the 50 MB the importer accepts, base64-encoded. */
export const MAX_BODY_BYTES = 700 * 1024 * 1024;
const HEARTBEAT_MS = 25_000;

export interface WebServerOptions {
  handleCall(channel: string, rawArgs: unknown, context?: CallContext): Promise<ApiResponse<unknown>>;
  events: EventHub;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fixed token for tests; by default 32 random bytes, hex. */
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  /** The address to open: it signs the browser in (cookie) and then drops the token from the bar. */
  signInUrl: string;
  close(): Promise<void>;
}

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: ServerResponse, status: number, body: string, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } } satisfies ApiResponse<never>);
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface ServerState {
  options: WebServerOptions;
  token: string;
  port: number;
  streams: Set<ServerResponse>;
}

async function handleApiCall(state: ServerState, req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 405, 'bad-request', 'use POST');
  // A JSON content type cannot be sent cross-site without a preflight, which this server never grants.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return sendError(res, 415, 'bad-request', 'send the arguments as application/json');
  }
  let args: unknown;
  try {
    const body = await readBody(req);
    args = body.trim() === '' ? {} : JSON.parse(body);
  } catch (error) {
    if (error instanceof BodyTooLarge) return sendError(res, 413, 'bad-request', 'the request is too large');
    return sendError(res, 400, 'bad-request', 'the body is not valid JSON');
  }
  sendJson(res, 200, await state.options.handleCall(channel, args));
}

function openEventStream(state: ServerState, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET') return sendError(res, 405, 'bad-request', 'use GET');
  res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
  res.write('retry: 2000\n\n');
  state.streams.add(res);
  // JSON.stringify escapes line breaks, so a payload is always one `data:` line.
  const unsubscribe = state.options.events.subscribe((event, payload) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    state.streams.delete(res);
  });
}

function signIn(state: ServerState, res: ServerResponse, url: URL, given: string): void {
  if (!isSameToken(given, state.token)) {
    return send(res, 401, 'This address is out of date: open the one Annals printed.', 'text/plain; charset=utf-8');
  }
  url.searchParams.delete('token');
  const cookie = `${tokenCookieName(state.port)}=${state.token}; HttpOnly; SameSite=Strict; Path=/`;
  send(res, 302, '', 'text/plain; charset=utf-8', { Location: `${url.pathname}${url.search}`, 'Set-Cookie': cookie });
}

async function serveFile(state: ServerState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
  const given = url.searchParams.get('token');
  if (given !== null) return signIn(state, res, url, given);
  const file = await findStaticFile(state.options.rendererDir, url.pathname);
  // Browsers ask for a favicon whatever the page says; "no content" keeps their consoles clean.
  if (!file && url.pathname === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
  if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  const headers: Record<string, string> = {
    ...COMMON_HEADERS,
    'Content-Type': file.type,
    'Content-Length': String(file.size),
    'Cache-Control': 'no-cache',
  };
  if (file.isHtml) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return void res.end();
  openStaticFile(file).on('error', () => res.destroy()).pipe(res);
}

async function route(state: ServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!isSameOriginRequest(req.headers, state.port)) return send(res, 403, 'Forbidden', 'text/plain; charset=utf-8');
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
    if (!hasValidToken(req.headers, state.port, state.token)) return sendError(res, 401, 'forbidden', 'this page is not signed in to Annals');
    const name = url.pathname.slice('/api/'.length);
    if (name === 'events') return openEventStream(state, req, res);
    return handleApiCall(state, req, res, decodeURIComponent(name));
  }
  return serveFile(state, req, res, url);
}

/** Starts the server on 127.0.0.1; resolves once it listens. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const state: ServerState = { options, token: options.token ?? randomBytes(32).toString('hex'), port: 0, streams: new Set() };
  const server: Server = createServer((req, res) => {
    route(state, req, res).catch((error: unknown) => {
      console.error('[annals] request failed:', error);
      if (!res.headersSent) sendError(res, 500, 'internal', 'an unexpected error occurred in Annals');
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  state.port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${state.port}/`;
  return {
    url,
    port: state.port,
    token: state.token,
    signInUrl: `${url}?token=${state.token}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const stream of state.streams) stream.end();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
