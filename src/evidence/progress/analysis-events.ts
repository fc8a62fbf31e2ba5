import type { MessageEvent } from '@nestjs/common';
import type { EvidenceEntity } from '../evidence.entity';

export type ProgressItem = Pick<
  EvidenceEntity,
  'id' | 'ocrReadAt' | 'extractedAt' | 'linkedAt' | 'foundIdentifiers' | 'amountsDemanded'
>;

/**
 * An event per analysis step the item has finished, in step order: `evidence.ocr_read`,
 * `evidence.identifiers_extracted` with what was found, and for staff `evidence.linked`.
 */
export function analysisEventsOf(item: ProgressItem, forStaff: boolean): MessageEvent[] {
  const events: MessageEvent[] = [];
  const event = (type: string, at: Date, extra: Record<string, unknown> = {}) =>
    events.push({ type, id: item.id, data: { id: item.id, at: at.toISOString(), ...extra } });
  if (item.ocrReadAt) event('evidence.ocr_read', item.ocrReadAt);
  if (item.extractedAt) {
    event('evidence.identifiers_extracted', item.extractedAt, {
      found: item.foundIdentifiers ?? [],
      amountsDemanded: item.amountsDemanded ?? [],
    });
  }
  if (item.linkedAt && forStaff) event('evidence.linked', item.linkedAt);
  return events;
}
