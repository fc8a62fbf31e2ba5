import request from 'supertest';
import {
  bearer,
  freshShopId,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { fileCase } from './factories/cases';
import { eventually } from './helpers/eventually';
import { expectProblem, fieldsOf } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';
import { QueueReadsRepository } from '../src/moderation/queue-reads.repository';

// Other e2e files share the database: this file's QQ numbers are drawn per run.
const runBase = 30_000_000 + Math.floor(Math.random() * 8_000) * 10_000;
let taken = 0;
const newQq = () => String(runBase + ++taken);

interface Offender {
  id: string;
  sellerCount: number;
  verifiedSellerCount: number;
  caseCount: number;
  repeatOffender: boolean;
}

describe('victims are shops, and duplicates are not repeats', () => {
  let t: TestApp;
  let moderator: SignedIn;

  // Work left by earlier files in the shared database is theirs to wait for, not this file's.
  const startedAt = new Date();

  beforeAll(async () => {
    t = await startTestApp();
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
  });
  afterAll(() => t.app.close());

  const sellerOfShop = (shopId: string) =>
    registerSeller(t, { shop: { platform: 'taobao', shopId, shopName: '小明数码店' } });

  const fileNaming = (who: SignedIn, qq: string) =>
    fileCase(t, who, { reported: [{ identifiers: [{ kind: 'qq', value: qq }] }] });

  const allLinked = () =>
    eventually(async () => {
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM sightings WHERE linked_at IS NULL AND created_at >= $1`,
        [startedAt],
      );
      expect(n).toBe(0);
      const [{ pending }] = await t.db.query(
        `SELECT count(*)::int AS pending FROM outbox
          WHERE finished_at IS NULL AND failed_at IS NULL AND created_at >= $1`,
        [startedAt],
      );
      expect(pending).toBe(0);
    }, 30_000);

  const offenderOf = async (qq: string): Promise<Offender> => {
    const lookup = await request(t.http)
      .get('/v1/identifiers/lookup')
      .query({ kind: 'qq', value: qq })
      .set(bearer(moderator))
      .expect(200);
    return lookup.body.offender as Offender;
  };

  const meOf = async (who: SignedIn) =>
    (await request(t.http).get('/v1/me').set(bearer(who)).expect(200)).body;

  const backdate = (caseId: string, hours: number) =>
    t.db.query(`UPDATE cases SET created_at = now() - make_interval(hours => $2) WHERE id = $1`, [
      caseId,
      hours,
    ]);

  describe('shops', () => {
    it('joins a second account of a shop to it as an unverified member, its id in any case', async () => {
      const shopId = `tb-${freshShopId()}`;
      const first = await sellerOfShop(shopId);
      const second = await registerSeller(t, {
        shop: { platform: 'taobao', shopId: shopId.toUpperCase(), shopName: 'Another name' },
      });
      const [mine, theirs] = [await meOf(first), await meOf(second)];
      expect(theirs.shop).toEqual({
        id: mine.shop.id,
        platform: 'taobao',
        shopId,
        shopName: '小明数码店',
        verified: false,
      });
      const found = await request(t.http)
        .get('/v1/shops')
        .query({ platform: 'taobao', shopId: shopId.toUpperCase() })
        .set(bearer(moderator))
        .expect(200);
      expect(found.body.items.map((shop: { id: string }) => shop.id)).toEqual([mine.shop.id]);
      const shop = await request(t.http)
        .get(`/v1/shops/${mine.shop.id}`)
        .set(bearer(moderator))
        .expect(200);
      expect(shop.body.members.map((member: { id: string }) => member.id)).toEqual([
        first.id,
        second.id,
      ]);
      expect(shop.body.verification).toEqual(
        expect.objectContaining({ verified: false, method: null }),
      );
    });

    it('a shop on another platform with the same id is another shop', async () => {
      const shopId = freshShopId();
      const taobao = await sellerOfShop(shopId);
      const jd = await registerSeller(t, { shop: { platform: 'jd', shopId, shopName: '京东店' } });
      expect((await meOf(taobao)).shop.id).not.toBe((await meOf(jd)).shop.id);
    });

    it('counts two accounts of one shop as one victim, and a second shop as another', async () => {
      const shopId = freshShopId();
      const [owner, staffer] = [await sellerOfShop(shopId), await sellerOfShop(shopId)];
      const qq = newQq();
      await fileNaming(owner, qq);
      await fileNaming(staffer, qq);
      await allLinked();
      let offender = await offenderOf(qq);
      expect(offender).toEqual(
        expect.objectContaining({ sellerCount: 1, caseCount: 2, repeatOffender: false }),
      );

      await fileNaming(await registerSeller(t), qq);
      await allLinked();
      offender = await offenderOf(qq);
      expect(offender).toEqual(
        expect.objectContaining({ sellerCount: 2, verifiedSellerCount: 0, repeatOffender: true }),
      );
    });

    it('verification by a moderator verifies the members of now and counts on the offender', async () => {
      const shopId = freshShopId();
      const member = await sellerOfShop(shopId);
      const qq = newQq();
      const kase = await fileNaming(member, qq);
      await fileNaming(await registerSeller(t), qq);
      await allLinked();
      const shop = (await meOf(member)).shop as { id: string };

      const verified = await request(t.http)
        .post(`/v1/shops/${shop.id}/verify`)
        .set(bearer(moderator))
        .send({ method: 'platform_message', note: '通过淘宝旺旺发送的验证码已回传' })
        .expect(200);
      expect(verified.body.verification).toEqual(
        expect.objectContaining({
          verified: true,
          method: 'platform_message',
          verifiedBy: moderator.id,
          verifiedAt: expect.any(String),
        }),
      );
      expect((await meOf(member)).shop.verified).toBe(true);
      await eventually(async () =>
        expect(await offenderOf(qq)).toEqual(
          expect.objectContaining({ sellerCount: 2, verifiedSellerCount: 1 }),
        ),
      );
      const latecomer = await sellerOfShop(shopId);
      expect((await meOf(latecomer)).shop.verified).toBe(false);

      // What the queue shows of the case: other files' cases may rank above it on the page.
      const [item] = await t.app.get(QueueReadsRepository).items([kase.id]);
      expect(item).toEqual(
        expect.objectContaining({ shop_verified: true, victim_shops: 2, verified_victims: 1 }),
      );
    });

    it('refuses a seller verifying a shop with 403, and changes nothing', async () => {
      const seller = await registerSeller(t);
      const shop = (await meOf(seller)).shop as { id: string };
      const response = await request(t.http)
        .post(`/v1/shops/${shop.id}/verify`)
        .set(bearer(seller))
        .send({ method: 'other', note: 'I am who I say' });
      expectProblem(response, 403);
      expect((await meOf(seller)).shop.verified).toBe(false);
    });

    it.each([
      ['an unknown method', { method: 'trust_me', note: 'x' }, 400, 'method'],
      ['no note', { method: 'other' }, 400, 'note'],
      ['an unknown field', { method: 'other', note: 'x', verified: true }, 400, 'verified'],
    ])('refuses a verification with %s', async (_name, body, status, field) => {
      const seller = await registerSeller(t);
      const shop = (await meOf(seller)).shop as { id: string };
      const response = await request(t.http)
        .post(`/v1/shops/${shop.id}/verify`)
        .set(bearer(moderator))
        .send(body);
      expect(fieldsOf(expectProblem(response, status))).toContain(field);
      expect((await meOf(seller)).shop.verified).toBe(false);
    });

    it('answers 404 for a shop that does not exist', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expectProblem(await request(t.http).get(`/v1/shops/${missing}`).set(bearer(moderator)), 404);
      expectProblem(
        await request(t.http)
          .post(`/v1/shops/${missing}/verify`)
          .set(bearer(moderator))
          .send({ method: 'other', note: 'x' }),
        404,
      );
    });
  });

  describe('likely duplicates', () => {
    it('one shop filing the same complaint three times raises no repeat flag', async () => {
      const seller = await registerSeller(t);
      const qq = newQq();
      const [first, second, third] = [
        await fileNaming(seller, qq),
        await fileNaming(seller, qq),
        await fileNaming(seller, qq),
      ];
      await allLinked();
      expect(await offenderOf(qq)).toEqual(
        expect.objectContaining({ sellerCount: 1, caseCount: 3, repeatOffender: false }),
      );
      for (const duplicate of [second, third]) {
        const view = await request(t.http)
          .get(`/v1/cases/${duplicate.id}`)
          .set(bearer(moderator))
          .expect(200);
        expect(view.body.likelyDuplicate).toEqual({ of: first.id, markedSeparateAt: null });
      }
      const original = await request(t.http)
        .get(`/v1/cases/${first.id}`)
        .set(bearer(moderator))
        .expect(200);
      expect(original.body.likelyDuplicate).toBeNull();
      const sellerView = await request(t.http)
        .get(`/v1/cases/${second.id}`)
        .set(bearer(seller))
        .expect(200);
      expect(sellerView.body).not.toHaveProperty('likelyDuplicate');
    });

    it('suggests the duplicate in the queue, and counts it once a moderator marks it separate', async () => {
      const seller = await registerSeller(t);
      const qq = newQq();
      await fileNaming(seller, qq);
      const second = await fileNaming(seller, qq);
      const third = await fileNaming(seller, qq);
      await allLinked();

      const [listed] = await t.app.get(QueueReadsRepository).items([second.id]);
      expect(listed.likely_duplicate).toBe(true);

      const bySeller = await request(t.http)
        .post(`/v1/cases/${second.id}/mark-separate`)
        .set(bearer(seller))
        .send({ reason: '是另一次勒索' });
      expectProblem(bySeller, 403);

      for (const kase of [second, third]) {
        const marked = await request(t.http)
          .post(`/v1/cases/${kase.id}/mark-separate`)
          .set(bearer(moderator))
          .send({ reason: 'A new demand for another order, two days later.' })
          .expect(200);
        expect(marked.body.likelyDuplicate).toEqual({
          of: expect.any(String),
          markedSeparateAt: expect.any(String),
        });
      }
      await allLinked();
      expect(await offenderOf(qq)).toEqual(
        expect.objectContaining({ sellerCount: 1, caseCount: 3, repeatOffender: true }),
      );
      const again = await request(t.http)
        .post(`/v1/cases/${second.id}/mark-separate`)
        .set(bearer(moderator))
        .send({ reason: 'again' });
      expectProblem(again, 409);
    });

    it('refuses to mark separate a case that is no likely duplicate', async () => {
      const kase = await fileNaming(await registerSeller(t), newQq());
      await allLinked();
      const response = await request(t.http)
        .post(`/v1/cases/${kase.id}/mark-separate`)
        .set(bearer(moderator))
        .send({ reason: 'x' });
      expectProblem(response, 409);
      const [row] = await t.db.query('SELECT marked_separate_at FROM cases WHERE id = $1', [
        kase.id,
      ]);
      expect(row.marked_separate_at).toBeNull();
    });

    it('still flags a blackmailer who hits one shop three times in a week, days apart', async () => {
      const seller = await registerSeller(t);
      const qq = newQq();
      const first = await fileNaming(seller, qq);
      await allLinked();
      await backdate(first.id, 160);
      const second = await fileNaming(seller, qq);
      await allLinked();
      await backdate(second.id, 80);
      await fileNaming(seller, qq);
      await allLinked();
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM cases WHERE id IN (
           SELECT s.case_id FROM sightings s JOIN identifiers i ON i.id = s.identifier_id
           WHERE i.kind = 'qq' AND i.value = $1) AND likely_duplicate_of IS NOT NULL`,
        [qq],
      );
      expect(n).toBe(0);
      expect(await offenderOf(qq)).toEqual(
        expect.objectContaining({ sellerCount: 1, caseCount: 3, repeatOffender: true }),
      );
    });

    it('does not call a case by another shop a duplicate', async () => {
      const qq = newQq();
      await fileNaming(await registerSeller(t), qq);
      const other = await fileNaming(await registerSeller(t), qq);
      await allLinked();
      const [row] = await t.db.query('SELECT likely_duplicate_of FROM cases WHERE id = $1', [
        other.id,
      ]);
      expect(row.likely_duplicate_of).toBeNull();
    });
  });
});
