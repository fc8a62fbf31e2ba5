import fc from 'fast-check';
import { canonicalJson, requestFingerprint } from './fingerprint';

describe('request fingerprints', () => {
  it('ignores the order of object keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
  });

  it('gives equal JSON values equal fingerprints whatever their key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(requestFingerprint('POST /v1/cases', reversed)).toEqual(
          requestFingerprint('POST /v1/cases', object),
        );
      }),
    );
  });

  it('tells apart another body and another operation', () => {
    const body = { title: 'a' };
    const fingerprint = requestFingerprint('POST /v1/cases', body);
    expect(requestFingerprint('POST /v1/cases', { title: 'b' })).not.toEqual(fingerprint);
    expect(requestFingerprint('POST /v1/cases/x/messages', body)).not.toEqual(fingerprint);
  });
});
