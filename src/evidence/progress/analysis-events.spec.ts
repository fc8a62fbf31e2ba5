import { analysisEventsOf, ProgressItem } from './analysis-events';

const at = (second: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, second));
const item = (progress: Partial<ProgressItem>): ProgressItem => ({
  id: 'e1',
  ocrReadAt: null,
  extractedAt: null,
  linkedAt: null,
  foundIdentifiers: null,
  amountsDemanded: null,
  ...progress,
});
const found = [{ kind: 'qq' as const, value: '2847561932', display: '2847561932' }];

describe('analysisEventsOf', () => {
  it('tells nothing of an item no step has finished', () => {
    expect(analysisEventsOf(item({}), true)).toEqual([]);
  });

  it('tells each finished step in order, with what was found, and linking to staff only', () => {
    const done = item({
      ocrReadAt: at(1),
      extractedAt: at(2),
      linkedAt: at(3),
      foundIdentifiers: found,
      amountsDemanded: [{ amount: '50.00', currency: 'CNY' }],
    });
    const expected = [
      { type: 'evidence.ocr_read', id: 'e1', data: { id: 'e1', at: at(1).toISOString() } },
      {
        type: 'evidence.identifiers_extracted',
        id: 'e1',
        data: {
          id: 'e1',
          at: at(2).toISOString(),
          found,
          amountsDemanded: [{ amount: '50.00', currency: 'CNY' }],
        },
      },
    ];
    expect(analysisEventsOf(done, false)).toEqual(expected);
    expect(analysisEventsOf(done, true)).toEqual([
      ...expected,
      { type: 'evidence.linked', id: 'e1', data: { id: 'e1', at: at(3).toISOString() } },
    ]);
  });

  it('tells a chat log’s extraction without an OCR step', () => {
    const events = analysisEventsOf(item({ extractedAt: at(2), foundIdentifiers: [] }), false);
    expect(events.map((event) => event.type)).toEqual(['evidence.identifiers_extracted']);
    expect(events[0].data).toEqual({
      id: 'e1',
      at: at(2).toISOString(),
      found: [],
      amountsDemanded: [],
    });
  });
});
