// Dropped or chosen files → { name, base64 } for 'import:files'.

const CHUNK = 0x8000;

/** Base64 of bytes, in chunks so large files do not overflow the argument list of fromCharCode. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Reads every file's bytes as base64. */
export async function readFilesAsBase64(files: readonly File[]): Promise<{ name: string; base64: string }[]> {
  const out: { name: string; base64: string }[] = [];
  for (const file of files) out.push({ name: file.name, base64: encodeBase64(new Uint8Array(await file.arrayBuffer())) });
  return out;
}
