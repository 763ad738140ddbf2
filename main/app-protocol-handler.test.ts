import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_PAGE_URL, APP_SCHEME } from './app-protocol';
import { contentTypeOf, createAppProtocolHandler, serveAppFiles } from './app-protocol-handler';
import { CONTENT_SECURITY_POLICY } from './content-security';

// Never load the real module: it would try to download the Electron binary.
vi.mock('electron', () => ({}));

let base = '';
let root = '';
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'annals-app-handler-')));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Annals</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'export const x = 1;');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(root, 'assets', 'blob.bin'), new Uint8Array([0, 1, 2, 255]));
  await writeFile(join(base, 'secret.txt'), 'secret');
  await symlink(join(base, 'secret.txt'), join(root, 'leak.txt'));
  handle = createAppProtocolHandler(root);
});

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

function expectHardened(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('app:// handler', () => {
  it('serves the page as HTML with the CSP and nosniff', async () => {
    const response = await handle(new Request(APP_PAGE_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expectHardened(response);
    expect(await response.text()).toBe(await readFile(join(root, 'index.html'), 'utf8'));
  });

  it('gives scripts, styles and other files their type, the bytes unchanged', async () => {
    const script = await handle(new Request('app://annals/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expectHardened(script);
    expect(await script.text()).toBe('export const x = 1;');
    const style = await handle(new Request('app://annals/assets/index-abc.css'));
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const bytes = await handle(new Request('app://annals/assets/blob.bin'));
    expect(bytes.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await bytes.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handle(new Request(APP_PAGE_URL, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handle(new Request(APP_PAGE_URL, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expectHardened(post);
  });

  it('answers 400 to a path that tries to leave, 403 to another host or a link out, 404 to a missing file', async () => {
    const cases: [string, number][] = [
      ['app://annals/..%2fsecret.txt', 400],
      ['app://annals/%5c..%5csecret.txt', 400],
      ['app://evil/index.html', 403],
      ['app://annals/leak.txt', 403],
      ['app://annals/missing.js', 404],
    ];
    for (const [url, status] of cases) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(status);
      expect(response.headers.get('content-type'), url).toBe('text/plain; charset=utf-8');
      expectHardened(response);
      expect(await response.text(), url).not.toContain('secret');
    }
  });

  it('maps extensions to types, whatever their case', () => {
    expect(contentTypeOf('/r/a.MJS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/r/font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('/r/noext')).toBe('application/octet-stream');
  });

  it('is registered on the given session for the app scheme', async () => {
    const handleSpy = vi.fn();
    serveAppFiles({ protocol: { handle: handleSpy } }, root);
    expect(handleSpy).toHaveBeenCalledOnce();
    const [scheme, handler] = handleSpy.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe(APP_SCHEME);
    expect((await handler(new Request(APP_PAGE_URL))).status).toBe(200);
  });
});
