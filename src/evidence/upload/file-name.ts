const MAX_LENGTH = 255;

import { HIDDEN_CHARACTERS } from '../../common/validation/hidden-characters';

/**
 * The client's file name as harmless text to show beside the evidence: no directories, no
 * control or direction-changing characters, at most 255 characters. It names nothing on disk.
 */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.normalize('NFC').replace(HIDDEN_CHARACTERS, '').trim();
  const visible = cleaned === '' || cleaned === '.' || cleaned === '..' ? 'unnamed' : cleaned;
  return Array.from(visible).slice(0, MAX_LENGTH).join('');
}
