import { Test } from '@nestjs/testing';
import { TestClock } from '../../../test/helpers/test-clock';
import { Clock } from '../../common/clock';
import { OffenderRescorerService } from './offender-rescorer.service';
import { OffenderFacts, riskScore } from './offender-risk';
import { OffenderScoresRepository, ScoredOffender } from './offender-scores.repository';

const DAY_MS = 86_400_000;

/** Offenders in memory; like the real one, a score is written only over the row as it was read. */
class FakeScores {
  constructor(readonly rows: ScoredOffender[]) {}

  async batch(afterId: string | undefined, limit: number): Promise<ScoredOffender[]> {
    return this.rows.filter((row) => afterId === undefined || row.id > afterId).slice(0, limit);
  }

  async save(scores: { id: string; score: number; updatedAt: string }[]): Promise<number> {
    let written = 0;
    for (const { id, score, updatedAt } of scores) {
      const row = this.rows.find((candidate) => candidate.id === id);
      if (!row || row.updatedAt !== updatedAt) continue;
      row.riskScore = score;
      written += 1;
    }
    return written;
  }
}

describe('the offender rescorer', () => {
  it('lets an idle offender’s score fade as the clock moves, with no waiting', async () => {
    const clock = new TestClock();
    const facts: OffenderFacts = {
      sellerCount: 2,
      caseCount: 3,
      casesInWindow: 0,
      paid: false,
      extortion: true,
      lastSeenAt: clock.now(),
    };
    const scored = riskScore(facts, clock.now());
    const scores = new FakeScores([{ id: 'a', riskScore: scored, updatedAt: 't0', facts }]);
    const moduleRef = await Test.createTestingModule({
      providers: [
        OffenderRescorerService,
        { provide: OffenderScoresRepository, useValue: scores },
        { provide: Clock, useValue: clock },
      ],
    }).compile();
    const rescorer = moduleRef.get(OffenderRescorerService);

    await rescorer.rescoreJob();
    expect(scores.rows[0].riskScore).toBe(scored);

    // The recency part (20 points when seen today) halves every 30 days.
    clock.advance(30 * DAY_MS);
    await rescorer.rescoreJob();
    expect(scores.rows[0].riskScore).toBeCloseTo(scored - 10, 1);

    clock.advance(60 * DAY_MS);
    expect(await rescorer.rescore()).toBe(1);
    expect(scores.rows[0].riskScore).toBeCloseTo(scored - 17.5, 1);
  });
});
