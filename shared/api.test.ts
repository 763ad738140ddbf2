import { describe, expect, it } from 'vitest';
import { API, API_EVENTS, isApiChannel, isApiEvent, validateArgs } from './api';
import { defineApi } from './api-contract';

describe('the bridge declaration', () => {
  it('validates arguments with the schemas the contract declares, naming the failing field', () => {
    expect(validateArgs('items:get', { ids: ['abcdef12'] })).toEqual({ ok: true, value: { ids: ['abcdef12'] } });
    expect(validateArgs('items:get', { ids: ['NOT-HEX'] })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/lower-case hex at ids\.0$/) } });
    expect(validateArgs('archive:info', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(validateArgs('nope' as never, {})).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'unknown method "nope"' } });
    expect(validateArgs('toString' as never, {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('knows its channels and events, and nothing inherited', () => {
    expect(isApiChannel('items:update')).toBe(true);
    expect(isApiChannel('__proto__')).toBe(false);
    expect(isApiEvent('items-changed')).toBe(true);
    expect(isApiEvent('constructor')).toBe(false);
    expect([...API_EVENTS].sort()).toEqual(['conflict', 'import-done', 'import-progress', 'items-changed', 'menu']);
  });

  it('builds every channel’s schema from the zod it is handed, so only main loads zod', () => {
    const asked: string[] = [];
    const spy = new Proxy({}, { get: (_, key) => (asked.push(String(key)), () => spy) }) as never;
    expect(Object.keys(defineApi(spy))).toEqual(Object.keys(API));
    expect(asked).toContain('object');
  });
});
