import type { EvidenceKind } from './evidence-kind';

/** The kind a file is taken for when the uploader names none, from its bytes and its name. */
export function evidenceKindOf(mediaType: string | undefined, fileName: string): EvidenceKind {
  if (!mediaType) return 'other';
  if (mediaType.startsWith('image/')) return 'chat_screenshot';
  if (mediaType.startsWith('audio/') || mediaType.startsWith('video/')) return 'recording';
  if (mediaType.includes('spreadsheetml')) return 'order_export';
  if (mediaType === 'text/plain')
    return /\.(csv|tsv)$/i.test(fileName) ? 'order_export' : 'chat_log';
  return 'other';
}
