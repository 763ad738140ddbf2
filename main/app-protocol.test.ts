import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_PAGE_URL, type AppPathErrorCode, isInsideRoot, parseAppPath, resolveAppFile } from './app-protocol';

const ERROR_CODES: AppPathErrorCode[] = ['bad-url', 'wrong-origin', 'unsafe-path', 'not-found', 'outside-root'];

// Pieces an attacker would put in a path: traversal in every spelling, encoded separators, NUL,
// drive letters, UNC names, Windows' trailing dots and spaces, broken escapes, query and fragment.
const HOSTILE_PIECES = [
  '..', '.', '%2e%2e', '%2E%2e', '.%2e', '%2e.', '%2e', '%2f', '%2F', '%5c', '%5C', '\\', '..\\..', '..%2f..', '%2e%2e%2f',
  '%2e%2e%5c', '%00', 'a%00.html', 'C:', 'c:%5c', 'C%3a', '\\\\server\\share', '%5c%5cserver%5cshare', '', '/etc/passwd',
  '%252e%252e', '..%20', '.. ', '...', 'index.html.', '%', '%zz', '?x=../../secret', '#/../../secret', '%3f', 'secret',
  '%C3%BC', 'ü', '\t', '%0a',
];
// Names in the test tree, so that generated paths often reach real files, folders and both symlinks.
const TREE_NAMES = ['index.html', 'assets', 'app.js', 'sub', 'empty', 'link-out', 'file-out.txt', 'link-in.js', ''];
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...TREE_NAMES), weight: 3 },
  { arbitrary: fc.constantFrom(...HOSTILE_PIECES), weight: 2 },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
);
const host = fc.constantFrom('annals', 'ANNALS', 'evil', 'annals:80', 'u:p@annals', '', 'annals.evil', '127.0.0.1');
const hostileUrl = fc
  .tuple(fc.constantFrom('app://', 'app:', 'file://', 'http://'), host, fc.array(piece, { maxLength: 6 }))
  .map(([scheme, name, pieces]) => `${scheme}${name}/${pieces.join('/')}`);
const appUrl = fc.array(piece, { maxLength: 4 }).map((pieces) => `app://annals/${pieces.join('/')}`);

let base = '';
let root = '';
let secretFile = '';

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'annals-app-protocol-')));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await mkdir(join(root, 'sub'), { recursive: true });
  await mkdir(join(root, 'empty'), { recursive: true });
  await mkdir(join(base, 'secret'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Annals</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'sub', 'index.html'), 'sub');
  secretFile = join(base, 'secret', 'index.html');
  await writeFile(secretFile, 'secret');
  await writeFile(join(base, 'secret.txt'), 'secret');
  await symlink(join(base, 'secret'), join(root, 'link-out'));
  await symlink(join(base, 'secret.txt'), join(root, 'file-out.txt'));
  await symlink(join(root, 'assets', 'app.js'), join(root, 'link-in.js'));
});

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

async function expectFile(url: string): Promise<string> {
  const result = await resolveAppFile(root, url);
  if (!result.ok) throw new Error(`${url}: ${result.code}`);
  return result.path;
}

async function expectError(url: string): Promise<AppPathErrorCode> {
  const result = await resolveAppFile(root, url);
  if (result.ok) throw new Error(`${url} resolved to ${result.path}`);
  return result.code;
}

describe('resolveAppFile', () => {
  it('serves the page, its assets, and a folder as its index.html', async () => {
    expect(await expectFile(APP_PAGE_URL)).toBe(join(root, 'index.html'));
    expect(await expectFile('app://annals/')).toBe(join(root, 'index.html'));
    expect(await expectFile('app://annals')).toBe(join(root, 'index.html'));
    expect(await expectFile('app://annals/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(await expectFile('app://annals/sub')).toBe(join(root, 'sub', 'index.html'));
    expect(await expectFile('app://annals/sub/')).toBe(join(root, 'sub', 'index.html'));
  });

  it('ignores the query and the fragment, and the host case', async () => {
    expect(await expectFile('app://annals/index.html?x=../../secret#/../reader')).toBe(join(root, 'index.html'));
    expect(await expectFile('app://ANNALS/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it('keeps dot segments inside the folder: the URL parser folds them at the root', async () => {
    expect(await expectFile('app://annals/../../../index.html')).toBe(join(root, 'index.html'));
    expect(await expectFile('app://annals/%2e%2e/%2E%2e/index.html')).toBe(join(root, 'index.html'));
    expect(await expectError('app://annals/../secret/index.html')).toBe('not-found');
  });

  it('refuses encoded separators, backslashes, NUL, drive letters, UNC names and trailing dots', async () => {
    for (const url of [
      'app://annals/..%2f..%2fsecret.txt',
      'app://annals/%2e%2e%2fsecret.txt',
      'app://annals/..%5csecret.txt',
      'app://annals/%5c%5cserver%5cshare%5cfile',
      'app://annals/index.html%00.js',
      'app://annals/C:/Windows/win.ini',
      'app://annals/C%3a%5cWindows',
      'app://annals/..%20/secret.txt',
      'app://annals/index.html.',
      'app://annals/%zz',
      'app://annals/a%2fb',
    ]) {
      expect(await expectError(url), url).toBe('unsafe-path');
    }
  });

  it('treats an absolute path in the URL as a path inside the folder', async () => {
    expect(await expectError(`app://annals/${secretFile}`)).toBe('not-found');
    expect(await expectError('app://annals//etc/passwd')).toBe('not-found');
  });

  it('answers only app://annals: other schemes, hosts, ports and users are refused', async () => {
    expect(await expectError('file:///etc/passwd')).toBe('bad-url');
    expect(await expectError('not a url')).toBe('bad-url');
    expect(await expectError('app://evil/index.html')).toBe('wrong-origin');
    expect(await expectError('app:///index.html')).toBe('wrong-origin');
    expect(await expectError('app://annals:8080/index.html')).toBe('wrong-origin');
    expect(await expectError('app://user:pw@annals/index.html')).toBe('wrong-origin');
  });

  it('refuses a symlink that leads outside, and follows one that stays inside', async () => {
    expect(await expectError('app://annals/link-out/index.html')).toBe('outside-root');
    expect(await expectError('app://annals/link-out/')).toBe('outside-root');
    expect(await expectError('app://annals/file-out.txt')).toBe('outside-root');
    expect(await expectFile('app://annals/link-in.js')).toBe(join(root, 'assets', 'app.js'));
  });

  it('answers not-found for a missing file, a folder without index.html, or a missing root', async () => {
    expect(await expectError('app://annals/missing.js')).toBe('not-found');
    expect(await expectError('app://annals/empty/')).toBe('not-found');
    expect((await resolveAppFile(join(base, 'nowhere'), APP_PAGE_URL)).ok).toBe(false);
  });

  it('never names a file outside the folder, whatever the URL (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(appUrl, hostileUrl), async (url) => {
        const result = await resolveAppFile(root, url);
        if (result.ok) {
          expect(isInsideRoot(root, result.path)).toBe(true);
          expect(result.path.startsWith(join(base, 'secret'))).toBe(false);
        } else {
          expect(ERROR_CODES).toContain(result.code);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('parseAppPath', () => {
  it('gives only plain segments: no separator, dot segment, NUL, colon or trailing dot (property)', () => {
    fc.assert(
      fc.property(fc.oneof(appUrl, hostileUrl), (url) => {
        const result = parseAppPath(url);
        if (!result.ok) {
          expect(ERROR_CODES).toContain(result.code);
          return;
        }
        for (const segment of result.segments) {
          expect(segment).not.toMatch(/[/\\:\0]|^\.\.?$|[. ]$/);
          expect(segment).not.toBe('');
        }
        expect(isInsideRoot('/r', resolve('/r', ...result.segments))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
