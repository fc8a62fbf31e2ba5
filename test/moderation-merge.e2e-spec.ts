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
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

let qq = 80_000_000 + Math.floor(Math.random() * 9_000_000);
const newQq = () => String((qq += 1));

describe('merging duplicates', () => {
  let t: TestApp;
  let moderator: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
  });
  afterAll(() => t.app.close());

  const naming = (value: string) => ({ reported: [{ identifiers: [{ kind: 'qq', value }] }] });
  const merge = async (sourceId: string, targetCaseId: string) => {
    await request(t.http).post(`/v1/cases/${sourceId}/claim`).set(bearer(moderator)).expect(200);
    return request(t.http)
      .post(`/v1/cases/${sourceId}/merge`)
      .set(bearer(moderator))
      .send({ targetCaseId });
  };
  const offenderOf = async (value: string) =>
    (
      await request(t.http)
        .get(`/v1/identifiers/lookup?kind=qq&value=${value}`)
        .set(bearer(moderator))
        .expect(200)
    ).body.offender as { caseCount: number } | null;
  const consoleOf = async (caseId: string) =>
    (await request(t.http).get(`/v1/moderation/cases/${caseId}`).set(bearer(moderator)).expect(200))
      .body;

  it('makes one incident of two reports: the target takes over, and no seller sees the other', async () => {
    const accused = newQq();
    const seller = await registerSeller(t);
    const other = await registerSeller(t);
    const target = await fileCase(t, other, naming(accused));
    const duplicate = await fileCase(t, seller, naming(accused));
    const again = await fileCase(t, seller, naming(accused));
    await eventually(async () => expect((await offenderOf(accused))?.caseCount).toBe(3));

    const merged = await merge(duplicate.id, target.id);
    expect(merged.status).toBe(200);
    expect(merged.body).toEqual(
      expect.objectContaining({ status: 'resolved', outcome: 'duplicate', mergedInto: target.id }),
    );
    await merge(again.id, target.id).then((response) => expect(response.status).toBe(200));
    await eventually(async () => expect((await offenderOf(accused))?.caseCount).toBe(1));

    const asSeller = await request(t.http)
      .get(`/v1/cases/${duplicate.id}`)
      .set(bearer(seller))
      .expect(200);
    expect(asSeller.body.resolution.summary).toMatch(/already reported/);
    const sellerReads = await Promise.all(
      ['', '/timeline', '/messages'].map((path) =>
        request(t.http).get(`/v1/cases/${duplicate.id}${path}`).set(bearer(seller)).expect(200),
      ),
    );
    for (const answer of sellerReads) {
      expect(JSON.stringify(answer.body)).not.toContain(target.id);
      expect(JSON.stringify(answer.body)).not.toContain(target.reference);
    }
    const targetReads = await Promise.all(
      ['', '/timeline'].map((path) =>
        request(t.http).get(`/v1/cases/${target.id}${path}`).set(bearer(other)).expect(200),
      ),
    );
    for (const answer of targetReads)
      expect(JSON.stringify(answer.body)).not.toContain(duplicate.id);

    const view = await consoleOf(target.id);
    expect(view.merged.map((entry: { case: { id: string } }) => entry.case.id)).toEqual([
      duplicate.id,
      again.id,
    ]);
    expect(view.merged[0].case.reported[0].identifiers[0].value).toBe(accused);
    const timeline = view.timeline.items.map((item: { kind: string }) => item.kind);
    expect(timeline.filter((kind: string) => kind === 'merged_in')).toHaveLength(2);
  });

  it('refuses a merge into the case itself, a withdrawn case or a duplicate', async () => {
    const seller = await registerSeller(t);
    const kase = await fileCase(t, seller, naming(newQq()));
    expect(expectProblem(await merge(kase.id, kase.id), 422).errors[0].field).toBe('targetCaseId');
    expect(expectProblem(await merge(kase.id, 'BW-ZZZZZZ'), 422).detail).toMatch(/no such case/);

    const withdrawn = await fileCase(t, seller, naming(newQq()));
    await request(t.http)
      .post(`/v1/cases/${withdrawn.id}/withdraw`)
      .set(bearer(seller))
      .expect(200);
    expect(expectProblem(await merge(kase.id, withdrawn.id), 409).detail).toMatch(/withdrawn/);

    const a = await fileCase(t, seller, naming(newQq()));
    const b = await fileCase(t, seller, naming(newQq()));
    await merge(a.id, b.id).then((response) => expect(response.status).toBe(200));
    expect(expectProblem(await merge(b.id, a.id), 409).detail).toMatch(/itself a duplicate/);
    expect((await consoleOf(a.id)).case.status).toBe('resolved');
  });

  it('carries duplicates along when their target is merged on, and frees one that is appealed', async () => {
    const seller = await registerSeller(t);
    const [a, b, c] = [
      await fileCase(t, seller, naming(newQq())),
      await fileCase(t, seller, naming(newQq())),
      await fileCase(t, seller, naming(newQq())),
    ];
    await merge(a.id, b.id).then((response) => expect(response.status).toBe(200));
    await merge(b.id, c.id).then((response) => expect(response.status).toBe(200));
    expect((await consoleOf(a.id)).case.mergedInto).toBe(c.id);
    expect((await consoleOf(c.id)).merged).toHaveLength(2);

    await request(t.http)
      .post(`/v1/cases/${a.id}/appeal`)
      .set(bearer(seller))
      .send({ reason: 'It was a different buyer.' })
      .expect(200);
    const appealed = (await consoleOf(a.id)).case;
    expect(appealed).toEqual(
      expect.objectContaining({ status: 'in_review', outcome: null, mergedInto: null }),
    );
  });
});
