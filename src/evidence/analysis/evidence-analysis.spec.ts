import type { EvidenceKind } from '../evidence-kind';
import {
  AnalysisProgress,
  AnalysisState,
  AnalysisStep,
  analysisStateOf,
  analysisStepsOf,
} from './evidence-analysis';

const AT = new Date('2026-12-01T10:00:00Z');
const SCREENSHOT: AnalysisStep[] = ['ocr_read', 'identifiers_extracted', 'linked'];

describe('analysisStepsOf', () => {
  it.each<[EvidenceKind, boolean, AnalysisStep[]]>([
    ['chat_screenshot', true, SCREENSHOT],
    ['chat_screenshot', false, []],
    ['chat_log', true, ['identifiers_extracted', 'linked']],
    ['chat_log', false, ['identifiers_extracted', 'linked']],
    ['order_export', true, ['linked']],
    ['recording', true, []],
    ['other', true, []],
  ])('gives a %s (OCR on: %s) the steps %j', (kind, ocrEnabled, steps) => {
    expect(analysisStepsOf(kind, ocrEnabled)).toEqual(steps);
  });
});

describe('analysisStateOf', () => {
  const item = (progress: Partial<AnalysisProgress>): AnalysisProgress => ({
    status: 'processed',
    analysisSteps: SCREENSHOT,
    ocrReadAt: null,
    extractedAt: null,
    linkedAt: null,
    ...progress,
  });

  it.each<[string, Partial<AnalysisProgress>, AnalysisState]>([
    ['a file just received', { status: 'received', analysisSteps: null }, 'pending'],
    ['a file being processed', { status: 'processing', analysisSteps: null }, 'pending'],
    ['a rejected file', { status: 'rejected', analysisSteps: [] }, 'not_applicable'],
    [
      'a rejected file from before steps were kept',
      { status: 'rejected', analysisSteps: null },
      'not_applicable',
    ],
    ['a kind that gets no steps', { analysisSteps: [] }, 'not_applicable'],
    ['a screenshot waiting for OCR', {}, 'pending'],
    ['a screenshot read, not yet searched', { ocrReadAt: AT }, 'running'],
    ['a screenshot searched, not yet linked', { ocrReadAt: AT, extractedAt: AT }, 'running'],
    ['a screenshot linked', { ocrReadAt: AT, extractedAt: AT, linkedAt: AT }, 'done'],
    [
      'a chat log searched',
      { analysisSteps: ['identifiers_extracted', 'linked'], extractedAt: AT },
      'running',
    ],
    [
      'a chat log linked',
      { analysisSteps: ['identifiers_extracted', 'linked'], extractedAt: AT, linkedAt: AT },
      'done',
    ],
    ['an order export cross-referenced', { analysisSteps: ['linked'], linkedAt: AT }, 'done'],
  ])('calls %s %s', (_name, progress, state) => {
    expect(analysisStateOf(item(progress))).toBe(state);
  });
});
