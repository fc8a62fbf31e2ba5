import { newlyBreached, nextDue } from './breached-service-levels';

const at = (time: string) => new Date(`2026-12-06T${time}:00Z`);
const fresh = {
  firstResponseDueAt: at('12:00'),
  firstResponseAt: null,
  firstResponseBreachedAt: null,
  resolutionDueAt: at('20:00'),
  resolutionBreachedAt: null,
};

describe('service levels', () => {
  it('finds nothing missed before the first due time', () => {
    expect(newlyBreached(fresh, at('11:59'))).toEqual([]);
  });

  it('finds an unanswered case past its first response, once', () => {
    expect(newlyBreached(fresh, at('12:00'))).toEqual(['first_response']);
    expect(newlyBreached({ ...fresh, firstResponseBreachedAt: at('12:01') }, at('13:00'))).toEqual(
      [],
    );
  });

  it('holds an answered case only to its decision', () => {
    const answered = { ...fresh, firstResponseAt: at('13:00') };
    expect(newlyBreached(answered, at('19:00'))).toEqual([]);
    expect(newlyBreached(answered, at('21:00'))).toEqual(['resolution']);
    expect(nextDue(answered)).toEqual(at('20:00'));
    expect(nextDue(fresh)).toEqual(at('12:00'));
  });

  it('finds both missed at once', () => {
    expect(newlyBreached(fresh, at('21:00'))).toEqual(['first_response', 'resolution']);
  });

  it('holds a case filed before service levels to none', () => {
    const none = { ...fresh, firstResponseDueAt: null, resolutionDueAt: null };
    expect(newlyBreached(none, at('23:00'))).toEqual([]);
    expect(nextDue(none)).toBeNull();
  });
});
