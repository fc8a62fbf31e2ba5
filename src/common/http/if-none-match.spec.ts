import fc from 'fast-check';
import { ifNoneMatchMatches } from './if-none-match';

const ETAG = '"2f1c7e0a-5d1b-4c59-9a51-0d6f3f1d2b11.3"';

describe('ifNoneMatchMatches', () => {
  it.each([
    ['the same strong tag', ETAG, ETAG],
    ['the tag marked weak', `W/${ETAG}`, ETAG],
    ['a strong tag against a weak ETag', ETAG, `W/${ETAG}`],
    ['the same weak tag', `W/${ETAG}`, `W/${ETAG}`],
    ['a list holding the tag', `"stale", ${ETAG}`, ETAG],
    ['a list without spaces holding the weak tag', `W/"stale",W/${ETAG}`, ETAG],
    ['*', '*', ETAG],
    ['* with spaces around it', ' * ', ETAG],
    ['* when the response has no ETag', '*', undefined],
    ['a tag holding a comma, whole', '"a,b"', '"a,b"'],
  ])('matches %s', (_name, header, etag) => {
    expect(ifNoneMatchMatches(header, etag)).toBe(true);
  });

  it.each([
    ['another tag', '"stale"', ETAG],
    ['a list of other tags', '"stale-1", W/"stale-2"', ETAG],
    ['a tag differing only in case', '"ABC"', '"abc"'],
    ['the tag without its quotes', ETAG.slice(1, -1), ETAG],
    ['a part of a tag holding a comma', '"a,b"', '"a"'],
    ['an empty field', '', ETAG],
    ['a tag when the response has no ETag', ETAG, undefined],
  ])('does not match %s', (_name, header, etag) => {
    expect(ifNoneMatchMatches(header, etag)).toBe(false);
  });

  const opaque = fc.stringMatching(/^[\x21\x23-\x7e]{0,20}$/);
  const tag = (value: string, weak: boolean) => `${weak ? 'W/' : ''}"${value}"`;

  it('matches a list holding the ETag anywhere, either of them weak or strong', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(opaque, fc.boolean())),
        opaque,
        fc.boolean(),
        fc.boolean(),
        fc.nat(),
        (others, value, weakETag, weakListed, at) => {
          const list = others.map(([other, weak]) => tag(other, weak));
          list.splice(at % (list.length + 1), 0, tag(value, weakListed));
          expect(ifNoneMatchMatches(list.join(', '), tag(value, weakETag))).toBe(true);
        },
      ),
    );
  });

  it('matches no list of other tags', () => {
    fc.assert(
      fc.property(fc.array(opaque), opaque, (others, value) => {
        fc.pre(!others.includes(value));
        const list = others.map((other) => tag(other, false)).join(', ');
        expect(ifNoneMatchMatches(list, tag(value, false))).toBe(false);
      }),
    );
  });
});
