import { DEFAULT_SLA_HOURS, parseSlaHours } from './sla-hours';

describe('parseSlaHours', () => {
  it('reads the defaults', () => {
    expect(parseSlaHours(DEFAULT_SLA_HOURS)).toEqual(
      expect.objectContaining({
        extortion: { firstResponse: 4, resolution: 48 },
        other: { firstResponse: 48, resolution: 168 },
      }),
    );
  });

  it.each([
    ['a missing type', 'extortion=4/48', /^no hours for malicious_review, .*, other$/],
    ['an unknown type', `${DEFAULT_SLA_HOURS},spam=1/2`, /"spam" is no case type/],
    ['a type twice', `${DEFAULT_SLA_HOURS},other=1/2`, /other is given twice/],
    ['a malformed entry', 'extortion=4h', /is not type=hours\/hours/],
    ['a decision due before the first answer', DEFAULT_SLA_HOURS.replace('4/48', '8/4'), /no less/],
  ])('explains %s', (_name, text, reason) => {
    expect(parseSlaHours(text)).toMatch(reason);
  });
});
