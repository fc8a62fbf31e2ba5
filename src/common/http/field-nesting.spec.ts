import { ProblemException } from '../problem/problem.exception';
import { assertFieldNesting } from './field-nesting';

describe('assertFieldNesting', () => {
  it('lets flat and once-repeated fields through', () => {
    expect(() => assertFieldNesting({ qq: '12345', phone: ['1', '2'] }, 1)).not.toThrow();
    expect(() => assertFieldNesting(undefined, 1)).not.toThrow();
  });

  it('refuses deeper names with 413, naming the path and the limit', () => {
    let caught: unknown;
    try {
      assertFieldNesting({ title: 'x', a: { b: { c: '1' } } }, 1);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProblemException);
    expect((caught as ProblemException).getStatus()).toBe(413);
    expect((caught as ProblemException).message).toMatch(/at most 1 level.*a\[b\]\[c\] nests 2/);
  });

  it('finds the deepest branch wherever it is', () => {
    const body = { a: [{ x: '1' }, { y: { z: '2' } }] };
    expect(() => assertFieldNesting(body, 2)).toThrow(/a\[1\]\[y\]\[z\] nests 3/);
  });
});
