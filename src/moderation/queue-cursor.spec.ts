import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';

const walkId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('queue cursors', () => {
  it('round-trips', () => {
    expect(decodeQueueCursor(encodeQueueCursor({ walkId, offset: 50 }))).toEqual({
      walkId,
      offset: 50,
    });
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['an array', encoded([walkId, 50])],
    ['no walk id', encoded({ o: 50 })],
    ['a walk id that is no uuid', encoded({ w: 'walk', o: 50 })],
    ['a fractional offset', encoded({ w: walkId, o: 1.5 })],
    ['a zero offset', encoded({ w: walkId, o: 0 })],
    ['an offset past 2^31', encoded({ w: walkId, o: 2 ** 31 })],
    ['an offset of 1e300', encoded({ w: walkId, o: 1e300 })],
  ])('refuses %s', (_name, cursor) => {
    expect(decodeQueueCursor(cursor)).toBeUndefined();
  });
});
