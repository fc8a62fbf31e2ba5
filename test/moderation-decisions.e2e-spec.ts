import request from 'supertest';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { fileCase } from './factories/cases';
import { eventually } from './helpers/eventually';
import { startTestApp, TestApp } from './helpers/test-app';

let qq = 60_000_000 + Math.floor(Math.random() * 9_000_000);
const newQq = () => String((qq += 1));

describe('decisions feed cross-referencing', () => {
  let t: TestApp;
  let moderator: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
  });
  afterAll(() => t.app.close());

  const naming = (value: string) => ({ reported: [{ identifiers: [{ kind: 'qq', value }] }] });
  const decide = async (caseId: string, outcome: 'upheld' | 'rejected') => {
    await request(t.http).post(`/v1/cases/${caseId}/claim`).set(bearer(moderator)).expect(200);
    await request(t.http)
      .post(`/v1/cases/${caseId}/resolve`)
      .set(bearer(moderator))
      .send({ outcome, summary: 'Decided on the evidence.', actions: ['no_action'] })
      .expect(200);
  };
  const reportedElsewhere = async (seller: SignedIn, caseId: string) =>
    (await request(t.http).get(`/v1/cases/${caseId}`).set(bearer(seller)).expect(200)).body
      .reportedElsewhere as boolean;
  const offenderOf = async (value: string) =>
    (
      await request(t.http)
        .get(`/v1/identifiers/lookup?kind=qq&value=${value}`)
        .set(bearer(moderator))
        .expect(200)
    ).body.offender as { sellerCount: number; caseCount: number; upheldCases: number } | null;

  it('marks the other sellers’ cases reported elsewhere once one is upheld, and undoes it on reopening', async () => {
    const blackmailer = newQq();
    const [first, second] = [await registerSeller(t), await registerSeller(t)];
    const upheld = await fileCase(t, first, naming(blackmailer));
    const other = await fileCase(t, second, naming(blackmailer));
    await eventually(async () => expect((await offenderOf(blackmailer))?.caseCount).toBe(2));
    expect(await reportedElsewhere(second, other.id)).toBe(false);

    await decide(upheld.id, 'upheld');
    await eventually(async () => expect(await reportedElsewhere(second, other.id)).toBe(true));
    await eventually(async () =>
      expect(await offenderOf(blackmailer)).toEqual(expect.objectContaining({ upheldCases: 1 })),
    );
    expect(await reportedElsewhere(first, upheld.id)).toBe(false);

    await request(t.http)
      .post(`/v1/cases/${upheld.id}/reopen`)
      .set(bearer(moderator))
      .send({ reason: 'The seller’s screenshots were edited.' })
      .expect(200);
    await eventually(async () => expect(await reportedElsewhere(second, other.id)).toBe(false));
    await eventually(async () =>
      expect(await offenderOf(blackmailer)).toEqual(expect.objectContaining({ upheldCases: 0 })),
    );
  });

  it('counts a rejected complaint against nobody', async () => {
    const accused = newQq();
    const [first, second] = [await registerSeller(t), await registerSeller(t)];
    const rejected = await fileCase(t, first, naming(accused));
    await fileCase(t, second, naming(accused));
    await eventually(async () => expect((await offenderOf(accused))?.sellerCount).toBe(2));
    await decide(rejected.id, 'rejected');
    await eventually(async () =>
      expect(await offenderOf(accused)).toEqual(
        expect.objectContaining({ sellerCount: 1, caseCount: 1 }),
      ),
    );
  });
});
