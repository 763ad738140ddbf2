import { describe, expect, it } from 'vitest';
import { parsePsOutput, sumTreeRssMb } from './process-memory';

const PS = `
    1     0   1000 /sbin/init
  100     1  51200 /usr/lib/chromium/chromium --no-sandbox --user-data-dir=/tmp/profile-a --headless
  101   100 102400 /usr/lib/chromium/chromium --type=renderer
  102   101  10240 /usr/lib/chromium/chromium --type=utility
  200     1  99999 /usr/lib/chromium/chromium --user-data-dir=/tmp/profile-b
  201   200  99999 /usr/lib/chromium/chromium --type=renderer
`;

describe('browser memory', () => {
  it('parses ps rows with arguments that contain spaces', () => {
    const rows = parsePsOutput(PS);
    expect(rows).toHaveLength(6);
    expect(rows[1]).toEqual({ pid: 100, ppid: 1, rssKb: 51200, args: '/usr/lib/chromium/chromium --no-sandbox --user-data-dir=/tmp/profile-a --headless' });
  });

  it('sums the browser of one profile with all its descendants and nothing else', () => {
    expect(sumTreeRssMb(parsePsOutput(PS), '--user-data-dir=/tmp/profile-a')).toEqual({ processes: 3, rssMb: 160 });
  });

  it('finds nothing when no browser runs on the profile', () => {
    expect(sumTreeRssMb(parsePsOutput(PS), '--user-data-dir=/tmp/other')).toEqual({ processes: 0, rssMb: 0 });
  });
});
