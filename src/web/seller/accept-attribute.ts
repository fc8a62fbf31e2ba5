import { MEDIA_TYPES } from '../../evidence/upload/media-types';

/**
 * The file input's `accept`: every media type the evidence locker takes, with its extensions,
 * as phones pick files by either. The server still decides by the bytes.
 */
export const EVIDENCE_ACCEPT = [
  ...new Set(
    Object.entries(MEDIA_TYPES).flatMap(([type, { extensions, aliases }]) => [
      type,
      ...aliases.filter((alias) => !alias.includes('zip')),
      ...extensions.map((extension) => `.${extension}`),
    ]),
  ),
].join(',');
