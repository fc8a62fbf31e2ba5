import { HttpException } from '@nestjs/common';
import { requireIfMatch } from './if-match';

function statusOf(act: () => void): number | undefined {
  try {
    act();
  } catch (error) {
    return error instanceof HttpException ? error.getStatus() : undefined;
  }
  return undefined;
}

describe('requireIfMatch', () => {
  const etag = '"c1.4"';

  it('lets a change through without the header, with *, or with the current tag', () => {
    expect(() => requireIfMatch(undefined, etag)).not.toThrow();
    expect(() => requireIfMatch('*', etag)).not.toThrow();
    expect(() => requireIfMatch('"c1.4"', etag)).not.toThrow();
    expect(() => requireIfMatch('"c1.3", "c1.4"', etag)).not.toThrow();
  });

  it('refuses a stale tag, a weak tag and garbage with 412', () => {
    for (const header of ['"c1.3"', 'W/"c1.4"', 'c1.4', '']) {
      expect(statusOf(() => requireIfMatch(header, etag))).toBe(412);
    }
  });
});
