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
import { expectProblem, fieldsOf } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

// Other e2e files share the database: this file's QQ numbers are drawn per run.
const runBase = 20_000_000 + Math.floor(Math.random() * 8_000) * 10_000;
let taken = 0;
const newQq = () => String(runBase + ++taken);

interface TimelineItem {
  kind: string;
  visibility: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

describe('correcting what the seller wrote and what OCR missed', () => {
  let t: TestApp;
  let seller: SignedIn;
  let otherSeller: SignedIn;
  let moderator: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    seller = await registerSeller(t);
    otherSeller = await registerSeller(t);
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
  });
  afterAll(() => t.app.close());

  const fileNaming = (who: SignedIn, qq = newQq()) =>
    fileCase(t, who, { reported: [{ identifiers: [{ kind: 'qq', value: qq }] }] });

  const timelineOf = async (who: SignedIn, caseId: string): Promise<TimelineItem[]> => {
    const response = await request(t.http)
      .get(`/v1/cases/${caseId}/timeline`)
      .set(bearer(who))
      .expect(200);
    return response.body.items as TimelineItem[];
  };

  const resolve = async (caseId: string) => {
    await request(t.http).post(`/v1/cases/${caseId}/claim`).set(bearer(moderator)).expect(200);
    await request(t.http)
      .post(`/v1/cases/${caseId}/resolve`)
      .set(bearer(moderator))
      .send({ outcome: 'upheld', summary: '聊天记录证实了勒索。', actions: ['no_action'] })
      .expect(200);
  };

  const sightingsOf = (caseId: string) =>
    t.db.query(
      `SELECT s.source, s.linked_at, i.kind, i.value FROM sightings s
       JOIN identifiers i ON i.id = s.identifier_id WHERE s.case_id = $1 ORDER BY s.position`,
      [caseId],
    );

  describe('adding an identifier', () => {
    it('by the seller: a sighting of its own source, on the timeline they read, linked at once', async () => {
      const earlier = await fileNaming(otherSeller);
      const missedQq = newQq();
      await request(t.http)
        .post(`/v1/cases/${earlier.id}/identifiers`)
        .set(bearer(otherSeller))
        .send({ kind: 'qq', value: missedQq, reason: '截图里有扣扣号' })
        .expect(201);
      const kase = await fileNaming(seller);

      const added = await request(t.http)
        .post(`/v1/cases/${kase.id}/identifiers`)
        .set(bearer(seller))
        .send({ kind: 'qq', value: ` ${missedQq} `, reason: 'OCR 没有读出扣扣号' })
        .expect(201);
      expect(added.body).toEqual(
        expect.objectContaining({
          caseId: kase.id,
          kind: 'qq',
          value: missedQq,
          source: 'seller_amendment',
          status: 'active',
        }),
      );

      const timeline = await timelineOf(seller, kase.id);
      expect(timeline).toContainEqual(
        expect.objectContaining({
          kind: 'identifier_added',
          visibility: 'seller',
          data: expect.objectContaining({ kind: 'qq', source: 'seller_amendment' }),
        }),
      );
      // Linked by the job the entry started: both sellers' cases now share one offender.
      const offender = await eventually(async () => {
        const lookup = await request(t.http)
          .get('/v1/identifiers/lookup')
          .query({ kind: 'qq', value: missedQq })
          .set(bearer(moderator))
          .expect(200);
        expect(lookup.body.offender).toEqual(expect.objectContaining({ sellerCount: 2 }));
        return lookup.body.offender as { id: string };
      });
      const detail = await request(t.http)
        .get(`/v1/offenders/${offender.id}`)
        .set(bearer(moderator))
        .expect(200);
      expect(detail.body.cases.map((c: { id: string }) => c.id)).toEqual(
        expect.arrayContaining([kase.id, earlier.id]),
      );
      const sightings = await sightingsOf(kase.id);
      expect(sightings.find((row: { value: string }) => row.value === missedQq)).toEqual(
        expect.objectContaining({ source: 'seller_amendment', linked_at: expect.any(Date) }),
      );
    });

    it('by a moderator, on a party, even after the decision; the reason stays with staff', async () => {
      const kase = await fileNaming(seller);
      const view = await request(t.http)
        .get(`/v1/cases/${kase.id}`)
        .set(bearer(moderator))
        .expect(200);
      const partyId = view.body.reported[0].id as string;
      await resolve(kase.id);

      const added = await request(t.http)
        .post(`/v1/cases/${kase.id}/identifiers`)
        .set(bearer(moderator))
        .send({ partyId, kind: 'wechat', value: 'xw_chaping88', reason: '第二张截图的微信号' })
        .expect(201);
      expect(added.body).toEqual(
        expect.objectContaining({ kind: 'wechat', value: 'xw_chaping88', source: 'moderator' }),
      );

      const staffTimeline = await timelineOf(moderator, kase.id);
      expect(staffTimeline).toContainEqual(
        expect.objectContaining({
          kind: 'identifier_added',
          visibility: 'internal',
          actorId: moderator.id,
          data: expect.objectContaining({ reason: '第二张截图的微信号' }),
        }),
      );
      const sellerTimeline = await timelineOf(seller, kase.id);
      expect(sellerTimeline.map((item) => item.kind)).not.toContain('identifier_added');
      expect(JSON.stringify(sellerTimeline)).not.toContain('第二张截图');
      await eventually(async () => {
        const sightings = await sightingsOf(kase.id);
        expect(sightings.find((row: { kind: string }) => row.kind === 'wechat')).toEqual(
          expect.objectContaining({ linked_at: expect.any(Date) }),
        );
      });
    });

    it('refuses another seller’s case as not found, and changes nothing', async () => {
      const kase = await fileNaming(seller);
      const before = await sightingsOf(kase.id);
      const response = await request(t.http)
        .post(`/v1/cases/${kase.id}/identifiers`)
        .set(bearer(otherSeller))
        .send({ kind: 'qq', value: newQq(), reason: 'mine' })
        .expect(404);
      expectProblem(response, 404);
      expect(await sightingsOf(kase.id)).toEqual(before);
    });

    it('refuses the seller on a resolved case with 409', async () => {
      const kase = await fileNaming(seller);
      await resolve(kase.id);
      const before = await sightingsOf(kase.id);
      const response = await request(t.http)
        .post(`/v1/cases/${kase.id}/identifiers`)
        .set(bearer(seller))
        .send({ kind: 'qq', value: newQq(), reason: '漏了一个号' })
        .expect(409);
      expect(expectProblem(response, 409).detail).toMatch(/resolved/);
      expect(await sightingsOf(kase.id)).toEqual(before);
    });

    it.each([
      ['a QQ number that is not one', { kind: 'qq', value: 'abc' }, 422, 'value'],
      ['a phone that cannot dial', { kind: 'phone', value: '12' }, 422, 'value'],
      [
        'a payment account without a provider',
        { kind: 'payment_account', value: 'a@b.cn' },
        422,
        'provider',
      ],
      [
        'a party of another case',
        { kind: 'qq', value: '2847561932', partyId: '00000000-0000-4000-8000-000000000000' },
        422,
        'partyId',
      ],
      ['an unknown kind', { kind: 'icq', value: '1' }, 400, 'kind'],
      ['a number for the value', { kind: 'qq', value: 2847561932 }, 400, 'value'],
      ['an unknown field', { kind: 'qq', value: '2847561932', confidence: 1 }, 400, 'confidence'],
    ])('refuses %s, naming the field', async (_name, body, status, field) => {
      const kase = await fileNaming(seller);
      const before = await sightingsOf(kase.id);
      const response = await request(t.http)
        .post(`/v1/cases/${kase.id}/identifiers`)
        .set(bearer(seller))
        .send({ reason: 'OCR missed it', ...body });
      expect(fieldsOf(expectProblem(response, status))).toContain(field);
      expect(await sightingsOf(kase.id)).toEqual(before);
    });

    it('refuses a replay of the same identifier from the same source with 409', async () => {
      const kase = await fileNaming(seller);
      const body = { kind: 'qq', value: newQq(), reason: '补充' };
      await request(t.http)
        .post(`/v1/cases/${kase.id}/identifiers`)
        .set(bearer(seller))
        .send(body)
        .expect(201);
      const replay = await request(t.http)
        .post(`/v1/cases/${kase.id}/identifiers`)
        .set(bearer(seller))
        .send(body);
      expectProblem(replay, 409);
      const added = (await sightingsOf(kase.id)).filter(
        (row: { source: string }) => row.source === 'seller_amendment',
      );
      expect(added).toHaveLength(1);
    });
  });

  describe('amending the case', () => {
    it('changes the title and description, keeping the previous text in the timeline', async () => {
      const kase = await fileNaming(seller);
      const amended = await request(t.http)
        .patch(`/v1/cases/${kase.id}`)
        .set(bearer(seller))
        .send({ title: '买家要求付200元删除差评', description: '对方先加我扣扣，再打电话威胁。' })
        .expect(200);
      expect(amended.body).toEqual(
        expect.objectContaining({
          title: '买家要求付200元删除差评',
          description: '对方先加我扣扣，再打电话威胁。',
        }),
      );
      const entry = (await timelineOf(seller, kase.id)).find(
        (item) => item.kind === 'case_amended',
      );
      expect(entry).toEqual(
        expect.objectContaining({
          visibility: 'seller',
          data: {
            previous: {
              title: 'Buyer demands 50 yuan to remove a bad review',
              description: 'Bought a prepaid card, left one star, then added me on QQ.',
            },
          },
        }),
      );
    });

    it('refuses a resolved case with 409 and changes nothing', async () => {
      const kase = await fileNaming(seller);
      await resolve(kase.id);
      const response = await request(t.http)
        .patch(`/v1/cases/${kase.id}`)
        .set(bearer(seller))
        .send({ title: '改一下' });
      expectProblem(response, 409);
      const [row] = await t.db.query('SELECT title FROM cases WHERE id = $1', [kase.id]);
      expect(row.title).toBe('Buyer demands 50 yuan to remove a bad review');
    });

    it.each([
      ['another seller', () => otherSeller, 404],
      ['a moderator', () => moderator, 403],
    ])('refuses %s', async (_name, who, status) => {
      const kase = await fileNaming(seller);
      const response = await request(t.http)
        .patch(`/v1/cases/${kase.id}`)
        .set(bearer(who()))
        .send({ title: '不是我的案子' });
      expectProblem(response, status);
      const [row] = await t.db.query('SELECT title FROM cases WHERE id = $1', [kase.id]);
      expect(row.title).toBe('Buyer demands 50 yuan to remove a bad review');
    });

    it.each([
      ['nothing to change', {}, 422, 'title'],
      ['an empty title', { title: '   ' }, 400, 'title'],
      ['a title too long', { title: '长'.repeat(201) }, 422, 'title'],
      ['a number for the description', { description: 5 }, 400, 'description'],
      ['a field that is not text', { status: 'resolved' }, 400, 'status'],
    ])('refuses %s', async (_name, body, status, field) => {
      const kase = await fileNaming(seller);
      const response = await request(t.http)
        .patch(`/v1/cases/${kase.id}`)
        .set(bearer(seller))
        .send(body);
      expect(fieldsOf(expectProblem(response, status))).toContain(field);
    });
  });
});
