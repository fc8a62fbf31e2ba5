import fc from 'fast-check';
import { newCaseReference, parseCaseReference } from './case-reference';

describe('case references', () => {
  it('makes references that parse back to themselves and avoid look-alike characters', () => {
    for (let i = 0; i < 1000; i += 1) {
      const reference = newCaseReference();
      expect(reference).toMatch(/^BW-[2-9A-HJKMNP-TV-Z]{6}$/);
      expect(parseCaseReference(reference)).toBe(reference);
    }
  });

  it('accepts a reference typed in lower case', () => {
    expect(parseCaseReference(' bw-7k3d9q ')).toBe('BW-7K3D9Q');
  });

  it.each(['BW-7K3D9', 'BW-7K3D9QQ', 'BW-7K3D0Q', 'BW-IK3D9Q', 'XX-7K3D9Q', ''])(
    'refuses %j',
    (text) => expect(parseCaseReference(text)).toBeUndefined(),
  );

  it('never accepts a UUID as a reference', () => {
    fc.assert(fc.property(fc.uuid(), (id) => parseCaseReference(id) === undefined));
  });
});
