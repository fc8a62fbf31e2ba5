import fc from 'fast-check';
import { offenderClusters } from './offender-clusters';

describe('offenderClusters', () => {
  it('links identifiers that share a reported party, across parties', () => {
    const clusters = offenderClusters(
      [
        { group: 'p1', identifiers: ['qq:1', 'phone:1'] },
        { group: 'p2', identifiers: ['phone:1', 'wechat:1'] },
        { group: 'p3', identifiers: ['qq:9'] },
      ],
      5,
    );
    expect(clusters).toEqual([['phone:1', 'qq:1', 'wechat:1'], ['qq:9']]);
  });

  it('lets a hub identifier merge nobody, and leaves it out', () => {
    const groups = ['a', 'b', 'c', 'd'].map((name) => ({
      group: `p-${name}`,
      identifiers: ['phone:service', `qq:${name}`],
    }));
    expect(offenderClusters(groups, 3)).toEqual([['qq:a'], ['qq:b'], ['qq:c'], ['qq:d']]);
    expect(offenderClusters(groups, 4)).toEqual([
      ['phone:service', 'qq:a', 'qq:b', 'qq:c', 'qq:d'],
    ]);
  });

  it('leaves out what a moderator marked as not identifying', () => {
    const groups = [
      { group: 'p1', identifiers: ['qq:1', 'url:shop'] },
      { group: 'p2', identifiers: ['qq:2', 'url:shop'] },
    ];
    expect(offenderClusters(groups, 5, new Set(['url:shop']))).toEqual([['qq:1'], ['qq:2']]);
  });

  it('gives the same clusters whatever the order of groups and identifiers', () => {
    const group = fc.record({
      group: fc.constantFrom('g1', 'g2', 'g3', 'g4', 'g5', 'g6'),
      identifiers: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), {
        maxLength: 4,
      }),
    });
    fc.assert(
      fc.property(
        fc.array(group, { maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        (groups, hubLimit) => {
          const reversed = [...groups].reverse().map(({ group: name, identifiers }) => ({
            group: name,
            identifiers: [...identifiers].reverse(),
          }));
          expect(offenderClusters(reversed, hubLimit)).toEqual(offenderClusters(groups, hubLimit));
        },
      ),
    );
  });
});
