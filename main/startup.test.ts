import { describe, expect, it, vi } from 'vitest';
import type { Archive } from './archive';
import { openStartupArchive } from './startup';

const archive = { dir: '/ok' } as Archive;

describe('openStartupArchive', () => {
  it('opens the remembered folder without asking', async () => {
    const deps = { open: vi.fn().mockResolvedValue(archive), chooseFolder: vi.fn(), report: vi.fn() };
    expect(await openStartupArchive('/docs/Annals', deps)).toEqual({ archive, dir: '/docs/Annals' });
    expect(deps.chooseFolder).not.toHaveBeenCalled();
  });

  it('tells why a folder cannot be opened and opens the one the user picks instead', async () => {
    const deps = {
      open: vi.fn().mockRejectedValueOnce(new Error('written by a newer Annals')).mockResolvedValueOnce(archive),
      chooseFolder: vi.fn().mockResolvedValue('/other'),
      report: vi.fn(),
    };
    expect(await openStartupArchive('/docs/Annals', deps)).toEqual({ archive, dir: '/other' });
    expect(deps.report.mock.calls[0]?.[0]).toContain('written by a newer Annals');
  });

  it('gives up when the user cancels', async () => {
    const deps = { open: vi.fn().mockRejectedValue(new Error('no permission')), chooseFolder: vi.fn().mockResolvedValue(null), report: vi.fn() };
    expect(await openStartupArchive('/docs/Annals', deps)).toBeNull();
  });
});
