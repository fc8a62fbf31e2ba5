import type { EvidenceKind } from '../evidence-kind';

/** A type the bytes were found to be, with the file name extensions that honestly name it. */
interface MediaType {
  extensions: readonly string[];
  /** Content-Type values a client may declare for it, besides a generic octet-stream. */
  aliases: readonly string[];
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const MEDIA_TYPES: Record<string, MediaType> = {
  'image/png': { extensions: ['png'], aliases: [] },
  'image/jpeg': { extensions: ['jpg', 'jpeg', 'jfif'], aliases: ['image/jpg', 'image/pjpeg'] },
  'image/webp': { extensions: ['webp'], aliases: [] },
  'image/gif': { extensions: ['gif'], aliases: [] },
  // CSV and TSV exports are text too; the bytes cannot tell them from a chat log.
  'text/plain': {
    extensions: ['txt', 'log', 'csv', 'tsv'],
    aliases: ['text/csv', 'text/tab-separated-values', 'application/vnd.ms-excel'],
  },
  [XLSX_MEDIA_TYPE]: {
    extensions: ['xlsx'],
    aliases: ['application/zip', 'application/vnd.ms-excel'],
  },
  'audio/mpeg': { extensions: ['mp3'], aliases: ['audio/mp3'] },
  'audio/mp4': { extensions: ['m4a', 'mp4', 'aac'], aliases: ['audio/x-m4a', 'audio/m4a'] },
  'audio/aac': { extensions: ['aac'], aliases: ['audio/x-aac'] },
  'audio/amr': { extensions: ['amr'], aliases: [] },
  'audio/wav': { extensions: ['wav'], aliases: ['audio/x-wav', 'audio/wave', 'audio/vnd.wave'] },
  'video/mp4': { extensions: ['mp4', 'm4v'], aliases: [] },
  'application/pdf': { extensions: ['pdf'], aliases: [] },
};

/** What each kind of evidence may be, decided by its bytes. */
export const ACCEPTED_BY_KIND: Record<EvidenceKind, readonly string[]> = {
  chat_screenshot: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'],
  order_export: ['text/plain', XLSX_MEDIA_TYPE],
  chat_log: ['text/plain'],
  recording: ['audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/amr', 'audio/wav', 'video/mp4'],
  other: ['application/pdf'],
};

const GENERIC_DECLARATIONS = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

export type MediaDecision = { ok: true; mediaType: string } | { ok: false; reason: string };

/**
 * Whether bytes found to be `sniffed` may be kept as evidence of `kind`, given what the client
 * declared. The bytes decide; a declaration or extension that contradicts them is refused, as a
 * file that pretends to be something else is how polyglots get in.
 */
export function decideMediaType(
  kind: EvidenceKind,
  sniffed: string | undefined,
  declared: string,
  fileName: string,
): MediaDecision {
  if (!sniffed) {
    return { ok: false, reason: 'The file’s contents are not a type Bulwark accepts.' };
  }
  const accepted = ACCEPTED_BY_KIND[kind];
  if (!accepted.includes(sniffed)) {
    return {
      ok: false,
      reason: `A ${kind.replace('_', ' ')} must be ${accepted.join(', ')}; this file is ${sniffed}.`,
    };
  }
  const type = MEDIA_TYPES[sniffed];
  const declaredType = declared.split(';')[0].trim().toLowerCase();
  if (
    !GENERIC_DECLARATIONS.has(declaredType) &&
    declaredType !== sniffed &&
    !type.aliases.includes(declaredType)
  ) {
    return {
      ok: false,
      reason: `The file was sent as ${declaredType} but its contents are ${sniffed}.`,
    };
  }
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension && !type.extensions.includes(extension)) {
    return {
      ok: false,
      reason: `The file is named .${extension} but its contents are ${sniffed}.`,
    };
  }
  return { ok: true, mediaType: sniffed };
}
