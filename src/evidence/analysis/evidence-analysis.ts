import type { EvidenceKind } from '../evidence-kind';
import type { EvidenceStatus } from '../evidence-status';

/**
 * What the background jobs do with an item once it is processed, in the order they do it: OCR
 * reads a screenshot, extraction finds identifiers and amounts in its text, and cross-referencing
 * links what was found into offenders (for an order export: looks for campaigns in its orders).
 */
export const ANALYSIS_STEPS = ['ocr_read', 'identifiers_extracted', 'linked'] as const;
export type AnalysisStep = (typeof ANALYSIS_STEPS)[number];

export const ANALYSIS_STATES = ['pending', 'running', 'done', 'not_applicable'] as const;
export type AnalysisState = (typeof ANALYSIS_STATES)[number];

/** The steps an item of this kind gets; a screenshot's need OCR, which a deployment may turn off. */
export function analysisStepsOf(kind: EvidenceKind, ocrEnabled: boolean): AnalysisStep[] {
  switch (kind) {
    case 'chat_screenshot':
      return ocrEnabled ? ['ocr_read', 'identifiers_extracted', 'linked'] : [];
    case 'chat_log':
      return ['identifiers_extracted', 'linked'];
    case 'order_export':
      return ['linked'];
    default:
      return [];
  }
}

export interface AnalysisProgress {
  status: EvidenceStatus;
  /** Fixed when processing finishes; null before. */
  analysisSteps: AnalysisStep[] | null;
  ocrReadAt: Date | null;
  extractedAt: Date | null;
  linkedAt: Date | null;
}

/** When each step finished, null while it has not. */
export function stepTimes(item: AnalysisProgress): Record<AnalysisStep, Date | null> {
  return {
    ocr_read: item.ocrReadAt,
    identifiers_extracted: item.extractedAt,
    linked: item.linkedAt,
  };
}

/**
 * Pending until its first step has run (a file still being processed included), running until
 * its last has, then done; not applicable to a rejected file or a kind that gets no steps.
 */
export function analysisStateOf(item: AnalysisProgress): AnalysisState {
  if (item.status === 'rejected') return 'not_applicable';
  if (item.analysisSteps === null) return 'pending';
  if (item.analysisSteps.length === 0) return 'not_applicable';
  const times = stepTimes(item);
  const finished = item.analysisSteps.filter((step) => times[step] !== null).length;
  if (finished === item.analysisSteps.length) return 'done';
  return finished === 0 ? 'pending' : 'running';
}
