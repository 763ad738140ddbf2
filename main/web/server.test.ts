import { type IncomingHttpHeaders, request } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../archive';
import { type Services, createServices } from '../services';
import { createTestArchive } from '../services/test-support';
import { CONTENT_SECURITY_POLICY } from '../content-security';
import { type WebServer, startWebServer } from './server';
import { createHttpApi } from '../../renderer/src/api/http-api';

let archive: Archive;
let services: Services;
let server: WebServer;
let root: string;
let cleanupArchive: () => Promise<void>;

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw request: node:http lets a test send any Host, Origin or undecoded path. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = () => ({ Authorization: `Bearer ${server.token}` });

function callApi(channel: string, args: unknown, headers: Record<string, string> = auth()): Promise<Reply> {
  return send(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(args) });
}

beforeAll(async () => {
  ({ archive, cleanup: cleanupArchive } = await createTestArchive());
  services = createServices(archive, { platform: 'web', isSample: async () => false });
  root = await mkdtemp(join(tmpdir(), 'annals-web-'));
  const renderer = join(root, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Annals</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(join(renderer, 'assets', 'app.js'), 'console.log("annals")');
  await writeFile(join(root, 'secret.txt'), 'SECRET');
  await symlink(root, join(renderer, 'escape'));
  server = await startWebServer({ handleCall: services.handleCall, events: services.events, rendererDir: renderer });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
  await cleanupArchive();
});

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 with a 32-byte hex token in the sign-in address', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
    expect(server.signInUrl).toBe(`${server.url}?token=${server.token}`);
  });

  it('refuses an Api call without the token (401) and with a wrong one', async () => {
    expect((await callApi('archive:info', {}, {})).status).toBe(401);
    expect((await callApi('archive:info', {}, { Authorization: `Bearer ${'0'.repeat(64)}` })).status).toBe(401);
    expect((await send('/api/events')).status).toBe(401);
  });

  it('refuses a foreign Host or Origin with 403, even with the token', async () => {
    expect((await callApi('archive:info', {}, { ...auth(), Host: 'evil.example' })).status).toBe(403);
    expect((await callApi('archive:info', {}, { ...auth(), Host: `127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await callApi('archive:info', {}, { ...auth(), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await callApi('archive:info', {}, { ...auth(), Origin: `http://localhost:${server.port}` })).status).toBe(403);
    expect((await callApi('archive:info', {}, { ...auth(), 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await send('/', { headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  it('accepts its own origin under either name', async () => {
    expect((await callApi('archive:info', {}, { ...auth(), Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
    const viaLocalhost = { ...auth(), Host: `localhost:${server.port}`, Origin: `http://localhost:${server.port}` };
    expect((await callApi('archive:info', {}, viaLocalhost)).status).toBe(200);
  });

  it('signs in with ?token= by setting an HttpOnly cookie and redirecting without it', async () => {
    const reply = await send(`/?token=${server.token}`);
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/');
    const cookie = reply.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie.split(';')[0] ?? '';
    expect((await callApi('archive:info', {}, { Cookie: pair })).status).toBe(200);
    expect((await send('/?token=wrong')).status).toBe(401);
  });

  it('serves the renderer with the strict CSP and nosniff, and no CORS', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    const script = await send('/assets/app.js');
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body).toContain('annals');
  });

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/escape/secret.txt',
      '/%00/secret.txt',
      '/%E0%A4%A',
    ];
    for (const path of attempts) {
      const reply = await send(path);
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.body, path).not.toContain('SECRET');
    }
  });

  it('round-trips archive:info and items:update', async () => {
    const info = JSON.parse((await callApi('archive:info', {})).body);
    expect(info).toEqual({ ok: true, value: expect.objectContaining({ transport: 'web', path: archive.dir }) });
    const id = archive.listItems()[0]!.id;
    const updated = JSON.parse((await callApi('items:update', { id, patch: { note: 'from the browser' } })).body);
    expect(updated).toMatchObject({ ok: true, value: { id, note: 'from the browser' } });
    expect(archive.getItem(id)?.note).toBe('from the browser');
  });

  it('answers bad-request for invalid arguments, an unknown channel and a body that is not JSON', async () => {
    expect(JSON.parse((await callApi('items:update', { id: 'XYZ', patch: {} })).body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.parse((await callApi('shell:exec', {})).body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const notJson = await send('/api/archive:info', { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: '{nope' });
    expect(notJson.status).toBe(400);
    const form = await send('/api/archive:info', { method: 'POST', headers: { ...auth(), 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
  });

  it('delivers items-changed over Server-Sent Events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Host: `127.0.0.1:${server.port}`, ...auth() } },
        (res) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            const event = /event: items-changed\ndata: (.*)\n\n/.exec(text);
            if (event) {
              req.destroy();
              resolve(event[1] ?? '');
            }
          });
          // The stream is open once the first bytes arrive: now make a change.
          res.once('data', () => void callApi('items:update', { id: archive.listItems()[1]!.id, patch: { status: 'starred' } }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(await received)).toEqual({ items: [archive.listItems()[1]!.id], collections: [], reset: false });
  });

  it('speaks the same protocol as the renderer client', async () => {
    const api = createHttpApi({ baseUrl: server.url, token: server.token });
    const info = await api.call('archive:info', {});
    expect(info).toMatchObject({ ok: true, value: { transport: 'web' } });
    expect(await api.call('collections:get', { slugs: ['no-such'] })).toEqual({ ok: true, value: [] });
    expect(await createHttpApi({ baseUrl: server.url }).call('archive:info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
