import { describe, expect, it } from 'vitest';
import { describeCache, describeSync } from './mirror-status-text';

describe('mirror status text', () => {
  it('says why the offline cache is off by its code, and nothing while it is on', () => {
    expect(describeCache({ isOn: true })).toBe('');
    const full = describeCache({ isOn: false, code: 'cache-full', message: 'IndexedDB failed (QuotaExceededError: …)', nextRetryAt: 1 });
    expect(full).toMatch(/^Offline cache off: the browser’s storage is full\. .*nothing is lost/);
    const unavailable = describeCache({ isOn: false, code: 'cache-unavailable', message: 'whatever the browser said', nextRetryAt: null });
    expect(unavailable).toContain('private mode');
    expect(unavailable).not.toContain('whatever the browser said');
  });

  it('words a failed sync by its code, keeping the browser’s message only for the unexpected', () => {
    expect(describeSync({ status: 'error', syncError: { code: 'unavailable', message: 'fetch failed' } })).toBe('Sync failed: Annals cannot be reached. Retrying…');
    expect(describeSync({ status: 'error', syncError: { code: 'internal', message: 'boom' } })).toBe('Sync failed: boom. Retrying…');
    expect(describeSync({ status: 'ready', syncError: null })).toBe('');
  });
});
