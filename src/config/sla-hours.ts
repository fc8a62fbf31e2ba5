import { CASE_TYPES, CaseType } from '../cases/case-type';

/** How long moderators have to first answer a case, and to decide it, in hours. */
export interface SlaHours {
  firstResponse: number;
  resolution: number;
}

export const DEFAULT_SLA_HOURS =
  'extortion=4/48,ad_click_attack=8/72,malicious_purchase=12/96,fake_review_ring=24/120,' +
  'malicious_review=24/120,other=48/168';

const ENTRY = /^([a-z_]+)=(\d{1,4})\/(\d{1,4})$/;

/**
 * Reads `type=first/resolution` pairs separated by commas, such as `extortion=4/48`; every case
 * type must be given once. Returns the reason it cannot be read instead of throwing.
 */
export function parseSlaHours(text: string): Record<CaseType, SlaHours> | string {
  const hours: Partial<Record<CaseType, SlaHours>> = {};
  for (const entry of text.split(',').map((part) => part.trim())) {
    const match = ENTRY.exec(entry);
    if (!match) return `"${entry}" is not type=hours/hours`;
    const [, type, first, resolution] = match;
    if (!(CASE_TYPES as readonly string[]).includes(type)) return `"${type}" is no case type`;
    if (hours[type as CaseType]) return `${type} is given twice`;
    const sla = { firstResponse: Number(first), resolution: Number(resolution) };
    if (sla.firstResponse < 1 || sla.resolution < sla.firstResponse) {
      return `${type} needs 1 h or more to first answer, and no less to decide`;
    }
    hours[type as CaseType] = sla;
  }
  const missing = CASE_TYPES.filter((type) => !hours[type]);
  if (missing.length > 0) return `no hours for ${missing.join(', ')}`;
  return hours as Record<CaseType, SlaHours>;
}
