import { resolutionDueAgain, serviceLevelDue } from './service-level-due';

const filed = new Date('2026-12-06T08:00:00Z');
const hours = { firstResponse: 4, resolution: 48 };

describe('serviceLevelDue', () => {
  it('adds the type’s hours to the filing', () => {
    expect(serviceLevelDue(filed, hours, null)).toEqual({
      firstResponseDueAt: new Date('2026-12-06T12:00:00Z'),
      resolutionDueAt: new Date('2026-12-08T08:00:00Z'),
    });
  });

  it('makes both due before a demand’s deadline', () => {
    const deadline = new Date('2026-12-06T10:30:00Z');
    expect(serviceLevelDue(filed, hours, deadline)).toEqual({
      firstResponseDueAt: deadline,
      resolutionDueAt: deadline,
    });
  });

  it('gives an hour at least, when the deadline is near or past', () => {
    const past = new Date('2026-12-06T07:00:00Z');
    expect(serviceLevelDue(filed, hours, past).resolutionDueAt).toEqual(
      new Date('2026-12-06T09:00:00Z'),
    );
  });

  it('sets a reopened decision due a resolution’s hours from now', () => {
    expect(resolutionDueAgain(filed, hours)).toEqual(new Date('2026-12-08T08:00:00Z'));
  });
});
