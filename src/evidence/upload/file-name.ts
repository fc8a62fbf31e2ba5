const MAX_LENGTH = 255;

/** Control characters, and the bidirectional controls that make "gpj.exe" read as "exe.jpg". */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The client's file name as harmless text to show beside the evidence: no directories, no
 * control or direction-changing characters, at most 255 characters. It names nothing on disk.
 */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(UNSAFE, '').trim();
  const visible = cleaned === '' || cleaned === '.' || cleaned === '..' ? 'unnamed' : cleaned;
  return Array.from(visible).slice(0, MAX_LENGTH).join('');
}
