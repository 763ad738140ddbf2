// A name from outside (a dropped file's name) made safe to write as one file inside a folder we own.

const FORBIDDEN = /[\u0000-\u001f\u007f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/g;
const MAX_LENGTH = 150;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** The last path segment of `name`, without characters any OS refuses, never "", "." or "..". */
export function safeFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  let clean = last.normalize('NFC').replace(FORBIDDEN, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  if (clean.length > MAX_LENGTH) {
    const ext = /\.[A-Za-z0-9]{1,8}$/.exec(clean)?.[0] ?? '';
    clean = Array.from(clean).slice(0, MAX_LENGTH - ext.length).join('') + ext;
  }
  if (clean === '') return 'dropped-file';
  return WINDOWS_RESERVED.test(clean) ? `_${clean}` : clean;
}
