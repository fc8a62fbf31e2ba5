import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { OffenderLinkerService } from '../src/intel/linking/offender-linker.service';
import { riskScore } from '../src/intel/offenders/offender-risk';
import { SCREENSHOT_MATCH_DISTANCE } from '../src/intel/screenshots/perceptual-bands';
import { OffenderRescorerService } from '../src/intel/offenders/offender-rescorer.service';
import { OffenderScoresRepository } from '../src/intel/offenders/offender-scores.repository';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { fileCase } from './factories/cases';
import { chatScreenshot, noisePicture, phoneChatScreenshot } from './factories/screenshots';
import { eventually } from './helpers/eventually';
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

// Other e2e files share the database and its identifiers: this file's own are drawn per run.
const runBase = 10_000_000 + Math.floor(Math.random() * 8_000) * 10_000;
const qqOf = (n: number) => String(runBase + n);
const mobileOf = (n: number) => `139${String(runBase + n).padStart(8, '0')}`;
const spaced = (mobile: string) => `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`;

const party = (...identifiers: Record<string, string>[]) => ({ identifiers });

describe('cross-referencing reports', () => {
  let t: TestApp;
  let uploads: string;
  let moderator: SignedIn;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'bulwark-intel-e2e-'));
    t = await startTestApp({
      UPLOADS_DIR: uploads,
      INTEL_OCR_ENABLED: 'true',
      INTEL_OCR_LANGUAGES: 'eng',
    });
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
  }, 60_000);
  afterAll(async () => {
    await t.app.close();
    await rm(uploads, { recursive: true, force: true });
  });

  const staff = (path: string) => request(t.http).get(path).set(bearer(moderator));
  const upload = (who: SignedIn, caseId: string, file: Buffer, name: string, kind: string) =>
    request(t.http)
      .post(`/v1/cases/${caseId}/evidence`)
      .set(bearer(who))
      .field('kind', kind)
      .attach('files', file, name)
      .expect(202)
      .then((response) => response.body[0] as { id: string });
  const lookup = (kind: string, value: string) =>
    staff(`/v1/identifiers/lookup?kind=${kind}&value=${encodeURIComponent(value)}`);
  const processed = (evidenceId: string) =>
    eventually(async () => {
      const response = await staff(`/v1/evidence/${evidenceId}`);
      expect(response.body.status).toBe('processed');
      return response.body;
    }, 30_000);

  it('links one blackmailer reported by three sellers in three forms, and flags him once', async () => {
    const [typing, screenshotting, logging] = [
      await registerSeller(t),
      await registerSeller(t),
      await registerSeller(t),
    ];
    const qq = qqOf(1);
    const mobile = mobileOf(2);
    const typed = await fileCase(t, typing, { reported: [party({ kind: 'qq', value: qq })] });
    const shot = await fileCase(t, screenshotting, {
      reported: [party({ kind: 'platform_account', platform: 'taobao', value: `tb_${qq}` })],
    });
    const logged = await fileCase(t, logging, {
      reported: [party({ kind: 'platform_account', platform: 'pinduoduo', value: `pdd_${qq}` })],
    });
    const screenshot = await upload(
      screenshotting,
      shot.id,
      await chatScreenshot([
        `Add me on QQ: ${qq}`,
        `or call ${spaced(mobile)}`,
        'Pay 50 yuan and I delete the review',
      ]),
      'wechat.png',
      'chat_screenshot',
    );
    const chatLog = await upload(
      logging,
      logged.id,
      Buffer.from(
        `买家: 加我QQ ${qq}，不然差评不删\n买家: 或者打我电话 ${mobile}\n买家: 给200元就删\n`,
      ),
      'chat.txt',
      'chat_log',
    );

    const read = await eventually(async () => {
      const body = (await staff(`/v1/evidence/${screenshot.id}`)).body;
      expect(body.extracted.identifiers.map((found: { value: string }) => found.value)).toEqual(
        expect.arrayContaining([qq, `+86${mobile}`]),
      );
      return body;
    }, 60_000);
    expect(read.ocrText).toContain(qq);
    expect(read.extracted.identifiers[0]).toMatchObject({ source: 'ocr', status: 'active' });
    const sellerView = await request(t.http)
      .get(`/v1/evidence/${screenshot.id}`)
      .set(bearer(screenshotting));
    expect(sellerView.body).not.toHaveProperty('ocrText');

    const fromLog = await processed(chatLog.id);
    await eventually(async () => {
      const body = (await staff(`/v1/evidence/${chatLog.id}`)).body;
      expect(body.extracted.identifiers).toHaveLength(2);
      expect(body.extracted.amountsDemanded).toEqual([{ amount: '200.00', currency: 'CNY' }]);
    });
    expect(fromLog.kind).toBe('chat_log');

    const offender = await eventually(async () => {
      const found = (await lookup('qq', qq)).body.offender;
      expect(found).toMatchObject({ sellerCount: 3, caseCount: 3, repeatOffender: true });
      return found;
    }, 30_000);
    const detail = (await staff(`/v1/offenders/${offender.id}`).expect(200)).body;
    expect(detail.identifiers.map((identifier: { value: string }) => identifier.value)).toEqual(
      expect.arrayContaining([qq, `+86${mobile}`, `tb_${qq}`, `pdd_${qq}`]),
    );
    expect(detail.cases.map((kase: { id: string }) => kase.id).sort()).toEqual(
      [typed.id, shot.id, logged.id].sort(),
    );
    expect((await lookup('phone', mobile)).body.offender.id).toBe(offender.id);

    const flags = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox
       WHERE event = 'offender.flagged' AND payload->>'offenderId' = $1`,
      [offender.id],
    );
    expect(flags[0].n).toBe(1);
    const raised = await t.db.query(
      `SELECT data->>'offenderId' AS offender FROM case_events
       WHERE kind = 'offender_flagged' AND case_id = ANY($1::uuid[])`,
      [[typed.id, shot.id, logged.id]],
    );
    expect(raised).toEqual(Array(3).fill({ offender: offender.id }));
    for (const [seller, kase] of [
      [typing, typed],
      [screenshotting, shot],
      [logging, logged],
    ] as const) {
      const view = await request(t.http).get(`/v1/cases/${kase.id}`).set(bearer(seller));
      expect(view.body).not.toHaveProperty('priority');
      expect(view.body.reportedElsewhere).toBe(false);
      expect((await staff(`/v1/cases/${kase.id}`).expect(200)).body.priority).toBe(10);
    }
  }, 120_000);

  it('unlinks an extracted identifier a moderator rejects, once, and refuses to confirm it after', async () => {
    const [typing, logging] = [await registerSeller(t), await registerSeller(t)];
    const qq = qqOf(11);
    await fileCase(t, typing, { reported: [party({ kind: 'qq', value: qq })] });
    const logged = await fileCase(t, logging, {
      reported: [party({ kind: 'wechat', value: `wx_${qq}` })],
    });
    const chatLog = await upload(
      logging,
      logged.id,
      Buffer.from(`QQ: ${qq}\n`),
      'c.txt',
      'chat_log',
    );
    await eventually(async () => {
      expect((await lookup('qq', qq)).body.offender).toMatchObject({ sellerCount: 2 });
    });
    const [sighting] = (await staff(`/v1/evidence/${chatLog.id}`)).body.extracted.identifiers;

    const confirmed = await request(t.http)
      .post(`/v1/sightings/${sighting.id}/confirm`)
      .set(bearer(moderator))
      .expect(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', source: 'chat_log' });
    for (let replay = 0; replay < 2; replay += 1) {
      const rejected = await request(t.http)
        .post(`/v1/sightings/${sighting.id}/reject`)
        .set(bearer(moderator))
        .expect(200);
      expect(rejected.body).toMatchObject({ id: sighting.id, status: 'rejected' });
    }
    expect((await lookup('qq', qq)).body.offender).toMatchObject({ sellerCount: 1, caseCount: 1 });
    expect((await lookup('wechat', `wx_${qq}`)).body.offender?.id).not.toBe(
      (await lookup('qq', qq)).body.offender.id,
    );
    const events = await t.db.query(
      `SELECT count(*)::int AS n FROM case_events WHERE kind = 'sighting_rejected' AND case_id = $1`,
      [logged.id],
    );
    expect(events[0].n).toBe(1);
    expectProblem(
      await request(t.http).post(`/v1/sightings/${sighting.id}/confirm`).set(bearer(moderator)),
      409,
    );
  });

  it('counts an amount read from a chat log in the ledger when the seller typed none', async () => {
    const [typing, logging] = [await registerSeller(t), await registerSeller(t)];
    const qq = qqOf(95);
    const untyped = { amountDemanded: undefined, amountPaid: undefined };
    await fileCase(t, typing, { ...untyped, reported: [party({ kind: 'qq', value: qq })] });
    const logged = await fileCase(t, logging, {
      ...untyped,
      reported: [party({ kind: 'wechat', value: `wx_${qq}` })],
    });
    await upload(
      logging,
      logged.id,
      Buffer.from(`QQ: ${qq}\n给我300元就删差评\n`),
      'l.txt',
      'chat_log',
    );
    const offender = await eventually(async () => {
      const found = (await lookup('qq', qq)).body.offender;
      expect(found).toMatchObject({ sellerCount: 2 });
      return found;
    });
    expect(offender.totalDemanded).toEqual([{ amount: '300.00', currency: 'CNY' }]);
  });

  it('lists offenders riskiest first, filtered and paged', async () => {
    const sellers = [await registerSeller(t), await registerSeller(t), await registerSeller(t)];
    const wide = qqOf(51);
    const narrow = qqOf(52);
    for (const seller of sellers) {
      await fileCase(t, seller, { reported: [party({ kind: 'qq', value: wide })] });
    }
    await fileCase(t, sellers[0], { reported: [party({ kind: 'qq', value: narrow })] });
    await eventually(async () => {
      expect((await lookup('qq', wide)).body.offender).toMatchObject({ sellerCount: 3 });
      expect((await lookup('qq', narrow)).body.offender).toMatchObject({ sellerCount: 1 });
    });
    // Only this test's two offenders: QQ numbers runBase + 50 to 59.
    const prefix = qqOf(50).slice(0, -1);
    const all = (await staff(`/v1/offenders?kind=qq&q=${prefix}&limit=200`).expect(200)).body;
    const scores = all.items.map((item: { riskScore: number }) => item.riskScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const wideId = (await lookup('qq', wide)).body.offender.id;
    const narrowId = (await lookup('qq', narrow)).body.offender.id;
    const ids = all.items.map((item: { id: string }) => item.id);
    expect(ids.indexOf(wideId)).toBeLessThan(ids.indexOf(narrowId));

    const filtered = (await staff(`/v1/offenders?minSellers=3&q=${wide}`).expect(200)).body;
    expect(filtered.items.map((item: { id: string }) => item.id)).toEqual([wideId]);
    expect((await staff(`/v1/offenders?minSellers=2&q=${narrow}`)).body.items).toEqual([]);

    const first = (await staff(`/v1/offenders?kind=qq&q=${prefix}&limit=1`).expect(200)).body;
    expect(first.items).toHaveLength(1);
    const second = (
      await staff(`/v1/offenders?kind=qq&q=${prefix}&limit=1&cursor=${first.nextCursor}`).expect(
        200,
      )
    ).body;
    expect(second.items[0].id).toBe(ids[1]);
    expect(ids).toHaveLength(2);
    expectProblem(await staff('/v1/offenders?minSellers=zero'), 400);
    expectProblem(await staff('/v1/offenders?cursor=garbage'), 400);
  });

  it('splits an offender when a moderator marks the handle joining it as identifying nobody', async () => {
    const [first, second] = [await registerSeller(t), await registerSeller(t)];
    const shared = mobileOf(61);
    await fileCase(t, first, {
      reported: [party({ kind: 'qq', value: qqOf(62) }, { kind: 'phone', value: shared })],
    });
    await fileCase(t, second, {
      reported: [party({ kind: 'qq', value: qqOf(63) }, { kind: 'phone', value: shared })],
    });
    const joined = await eventually(async () => {
      const body = (await lookup('phone', shared)).body;
      expect(body.offender).toMatchObject({ sellerCount: 2 });
      return body;
    });
    for (let replay = 0; replay < 2; replay += 1) {
      await request(t.http)
        .post(`/v1/identifiers/${joined.identifier.id}/not-identifying`)
        .set(bearer(moderator))
        .expect(204);
    }
    const after = (await lookup('phone', shared)).body;
    expect(after).toMatchObject({ excluded: 'not_identifying', offender: null });
    const marked = (await staff('/v1/identifiers/excluded?reason=not_identifying&limit=200')).body;
    expect(marked.items).toContainEqual(
      expect.objectContaining({ id: joined.identifier.id, excluded: 'not_identifying' }),
    );
    const hubs = (await staff('/v1/identifiers/excluded?reason=hub&limit=200')).body;
    expect(hubs.items.map((item: { id: string }) => item.id)).not.toContain(joined.identifier.id);
    expectProblem(await staff('/v1/identifiers/excluded?reason=bogus'), 400);
    const fractional = Buffer.from(JSON.stringify([1.5, randomUUID()])).toString('base64url');
    expectProblem(await staff(`/v1/identifiers/excluded?cursor=${fractional}`), 400);
    const [a, b] = [(await lookup('qq', qqOf(62))).body, (await lookup('qq', qqOf(63))).body];
    expect(a.offender.id).not.toBe(b.offender.id);
    expect(a.offender.sellerCount).toBe(1);
    expect(b.offender.sellerCount).toBe(1);
    expectProblem(
      await request(t.http)
        .post(`/v1/identifiers/${randomUUID()}/not-identifying`)
        .set(bearer(moderator)),
      404,
    );
  });

  it('lets an idle offender’s risk fade, but never over a count linking has just made', async () => {
    const seller = await registerSeller(t);
    const idle = qqOf(91);
    await fileCase(t, seller, { reported: [party({ kind: 'qq', value: idle })] });
    const offenderId: string = await eventually(async () => {
      const found = (await lookup('qq', idle)).body.offender;
      expect(found).not.toBeNull();
      return found.id;
    });
    const yearAgo = new Date(Date.now() - 365 * 86_400_000);
    await t.db.query(`UPDATE offenders SET last_seen_at = $2 WHERE id = $1`, [offenderId, yearAgo]);
    const scoreOf = async () =>
      (await staff(`/v1/offenders/${offenderId}`).expect(200)).body.riskScore as number;
    const before = await scoreOf();

    const scores = t.app.get(OffenderScoresRepository);
    const [read] = (await scores.batch(undefined, 100_000)).filter((row) => row.id === offenderId);
    await t.db.query(`UPDATE offenders SET updated_at = now() WHERE id = $1`, [offenderId]);
    expect(await scores.save([{ id: offenderId, score: 1, updatedAt: read.updatedAt }])).toBe(0);
    expect(await scoreOf()).toBe(before);

    const now = new Date();
    expect(await t.app.get(OffenderRescorerService).rescore(now)).toBeGreaterThanOrEqual(1);
    const faded = riskScore(
      {
        sellerCount: 1,
        caseCount: 1,
        casesInWindow: 1,
        paid: false,
        extortion: true,
        lastSeenAt: yearAgo,
      },
      now,
    );
    expect(faded).toBeLessThan(before);
    expect(await scoreOf()).toBeCloseTo(faded, 1);
  });

  it('refuses to confirm what a seller typed, and answers unknown and malformed ids', async () => {
    const seller = await registerSeller(t);
    const kase = await fileCase(t, seller, { reported: [party({ kind: 'qq', value: qqOf(21) })] });
    const [typed] = await t.db.query(
      `SELECT id::text FROM sightings WHERE case_id = $1 AND source = 'seller'`,
      [kase.id],
    );
    const before = await t.db.query(`SELECT status FROM sightings WHERE id = $1`, [typed.id]);
    expectProblem(
      await request(t.http).post(`/v1/sightings/${typed.id}/confirm`).set(bearer(moderator)),
      409,
    );
    expect(await t.db.query(`SELECT status FROM sightings WHERE id = $1`, [typed.id])).toEqual(
      before,
    );
    expectProblem(
      await request(t.http).post(`/v1/sightings/${randomUUID()}/reject`).set(bearer(moderator)),
      404,
    );
    expectProblem(
      await request(t.http).post('/v1/sightings/not-a-uuid/reject').set(bearer(moderator)),
      400,
    );
    expectProblem(await lookup('bogus', '1'), 400);
    expectProblem(await lookup('qq', 'not a number'), 422);
    expectProblem(await lookup('qq', qqOf(99_999)), 404);
    expectProblem(await staff(`/v1/offenders/${randomUUID()}`), 404);
    expectProblem(await staff(`/v1/campaigns/${randomUUID()}`), 404);
    expectProblem(await staff('/v1/campaigns?kind=bogus'), 400);
    expectProblem(await staff('/v1/campaigns?limit=0'), 400);
    expectProblem(await staff('/v1/campaigns?cursor=garbage'), 400);
    expectProblem(await staff('/v1/campaigns?unknown=1'), 400);
    expectProblem(await staff(`/v1/cases/${randomUUID()}/related`), 404);
  });

  it('tells a seller the accused was reported elsewhere only once a moderator upheld a report', async () => {
    const [first, second] = [await registerSeller(t), await registerSeller(t)];
    const qq = qqOf(31);
    const upheld = await fileCase(t, first, { reported: [party({ kind: 'qq', value: qq })] });
    const pending = await fileCase(t, second, { reported: [party({ kind: 'qq', value: qq })] });
    await eventually(async () => {
      expect((await lookup('qq', qq)).body.offender).toMatchObject({ sellerCount: 2 });
    });
    const view = () => request(t.http).get(`/v1/cases/${pending.id}`).set(bearer(second));
    expect((await view()).body.reportedElsewhere).toBe(false);

    // Deciding cases is the moderation issue's; here the decision is written as it will be.
    await t.db.query(`UPDATE cases SET status = 'resolved', outcome = 'upheld' WHERE id = $1`, [
      upheld.id,
    ]);
    await t.app.get(OffenderLinkerService).linkCase(upheld.id);
    expect((await view()).body.reportedElsewhere).toBe(true);
    const own = await request(t.http).get(`/v1/cases/${upheld.id}`).set(bearer(first));
    expect(own.body.reportedElsewhere).toBe(false);
    expect(JSON.stringify((await view()).body)).not.toContain(upheld.id);

    // The case's QQ, not the order id it also names, which links no one.
    const [typed] = await t.db.query(
      `SELECT s.id::text FROM sightings s JOIN identifiers i ON i.id = s.identifier_id
       WHERE s.case_id = $1 AND i.kind = 'qq'`,
      [pending.id],
    );
    await request(t.http)
      .post(`/v1/sightings/${typed.id}/reject`)
      .set(bearer(moderator))
      .expect(200);
    expect((await view()).body.reportedElsewhere).toBe(false);
  });

  it('keeps handles read from one chat apart when the case names several accused', async () => {
    const seller = await registerSeller(t);
    const [first, second] = [qqOf(71), qqOf(72)];
    const kase = await fileCase(t, seller, {
      reported: [
        party({ kind: 'wechat', value: `wx_${first}` }),
        party({ kind: 'wechat', value: `wx_${second}` }),
      ],
    });
    const chatLog = await upload(
      seller,
      kase.id,
      Buffer.from(`A: 加我QQ ${first}\nB: 我的QQ ${second}\n`),
      'two.txt',
      'chat_log',
    );
    await eventually(async () => {
      const body = (await staff(`/v1/evidence/${chatLog.id}`)).body;
      expect(body.extracted.identifiers).toHaveLength(2);
      expect((await lookup('qq', first)).body.offender).not.toBeNull();
      expect((await lookup('qq', second)).body.offender).not.toBeNull();
    });
    const ids = [
      (await lookup('qq', first)).body.offender.id,
      (await lookup('qq', second)).body.offender.id,
      (await lookup('wechat', `wx_${first}`)).body.offender.id,
    ];
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps a handle marked as identifying nobody out of linking even before a case links it', async () => {
    const value = qqOf(81);
    const [identifier] = await t.db.query(
      `INSERT INTO identifiers (kind, scope, value) VALUES ('qq', '', $1) RETURNING id::text`,
      [value],
    );
    await request(t.http)
      .post(`/v1/identifiers/${identifier.id}/not-identifying`)
      .set(bearer(moderator))
      .expect(204);
    const seller = await registerSeller(t);
    await fileCase(t, seller, { reported: [party({ kind: 'qq', value })] });
    await eventually(async () => {
      const [row] = await t.db.query(
        `SELECT count(*)::int AS n FROM sightings WHERE identifier_id = $1 AND linked_at IS NULL`,
        [identifier.id],
      );
      expect(row.n).toBe(0);
    });
    expect((await lookup('qq', value)).body).toMatchObject({
      excluded: 'not_identifying',
      offender: null,
    });
  });

  it('links cases whose sellers were sent the same screenshot, and not different ones', async () => {
    const sellers = [await registerSeller(t), await registerSeller(t), await registerSeller(t)];
    const cases = [];
    for (const [index, seller] of sellers.entries()) {
      const accused = party({ kind: 'qq', value: qqOf(41 + index) });
      cases.push(await fileCase(t, seller, { reported: [accused], orderIds: [] }));
    }
    const original = await phoneChatScreenshot(
      [`加我QQ ${qqOf(44)} 私聊`, '不退款我就给差评'],
      'sms',
    );
    const resent = await sharp(original).resize(540).jpeg({ quality: 70 }).toBuffer();
    const shots = [
      await upload(sellers[0], cases[0].id, original, 'a.png', 'chat_screenshot'),
      await upload(sellers[1], cases[1].id, resent, 'b.jpg', 'chat_screenshot'),
      await upload(sellers[2], cases[2].id, await noisePicture(8), 'c.png', 'chat_screenshot'),
    ];
    for (const shot of shots) await processed(shot.id);
    const related = await eventually(async () => {
      const body = (await staff(`/v1/cases/${cases[0].id}/related`).expect(200)).body;
      const match = body.items.find((item: { id: string }) => item.id === cases[1].id);
      expect(match).toBeDefined();
      return body;
    });
    const match = related.items.find((item: { id: string }) => item.id === cases[1].id);
    const reason = match.reasons.find(
      (found: { reason: string }) => found.reason === 'similar_screenshot',
    );
    expect(reason).toMatchObject({ evidenceId: shots[0].id, otherEvidenceId: shots[1].id });
    expect(reason.distance).toBeLessThanOrEqual(SCREENSHOT_MATCH_DISTANCE);
    expect(related.items.map((item: { id: string }) => item.id)).not.toContain(cases[2].id);
  });

  describe('campaigns in order exports', () => {
    const header = 'order id,buyer,amount,time,status,refund,rating\n';
    const exportOf = (rows: string[]) => Buffer.from(header + rows.join('\n') + '\n');
    const day = (offset: number, hour: number) =>
      new Date(Date.UTC(2026, 10, 2 + offset, hour, 7)).toISOString();

    /** Ordinary trade: many buyers, about 2% refunds and a few bad reviews. */
    function ordinaryRows(seller: number, count: number): string[] {
      return Array.from({ length: count }, (_, i) => {
        const refund = i % 50 === 7 ? 'yes' : 'no';
        const rating = i % 40 === 3 ? 2 : 5;
        return `${runBase}${seller}${String(i).padStart(5, '0')},buyer_${runBase}_${seller}_${i},59.00,${day(i % 9, i % 24)},done,${refund},${rating}`;
      });
    }

    it('finds a ring of fifty refunding accounts across three sellers, and nothing in ordinary exports', async () => {
      const ring = Array.from({ length: 50 }, (_, i) => `crew_${runBase}_${i}`);
      const victims = [await registerSeller(t), await registerSeller(t), await registerSeller(t)];
      const bystanders = [await registerSeller(t), await registerSeller(t)];
      const victimCases = [];
      for (const [index, victim] of victims.entries()) {
        const kase = await fileCase(t, victim, { type: 'malicious_purchase' });
        victimCases.push(kase);
        const attack = ring.map(
          (account, i) =>
            `${runBase}9${index}${String(i).padStart(4, '0')},${account},9.90,${day(i % 5, (i * 7 + index) % 24)},closed,yes,1`,
        );
        const file = exportOf([...ordinaryRows(index, 120), ...attack]);
        await processed((await upload(victim, kase.id, file, 'orders.csv', 'order_export')).id);
      }
      for (const [index, bystander] of bystanders.entries()) {
        const kase = await fileCase(t, bystander, { type: 'malicious_purchase' });
        const file = exportOf(ordinaryRows(5 + index, 300));
        await processed((await upload(bystander, kase.id, file, 'orders.csv', 'order_export')).id);
      }

      const listed = await eventually(async () => {
        const body = (await staff(`/v1/campaigns?sellerId=${victims[0].id}`).expect(200)).body;
        expect(body.items.filter((item: { kind: string }) => item.kind === 'ring')).toHaveLength(1);
        return body.items;
      }, 30_000);
      const ringId = listed.find((item: { kind: string }) => item.kind === 'ring').id;
      const campaign = (await staff(`/v1/campaigns/${ringId}`).expect(200)).body;
      expect(campaign).toMatchObject({ kind: 'ring', accountCount: 50, sellerCount: 3 });
      expect(campaign.accounts).toEqual([...ring].sort());
      expect(campaign.sellers).toEqual(victims.map((victim) => victim.id).sort());
      expect(campaign.cases.map((kase: { id: string }) => kase.id).sort()).toEqual(
        victimCases.map((kase) => kase.id).sort(),
      );
      const perDay = campaign.perDay.reduce(
        (sum: number, entry: { count: number }) => sum + entry.count,
        0,
      );
      expect(perDay).toBe(campaign.hitCount);
      expect(campaign.hitCount).toBeGreaterThanOrEqual(150);

      for (const bystander of bystanders) {
        const body = (await staff(`/v1/campaigns?sellerId=${bystander.id}`).expect(200)).body;
        expect(body.items).toEqual([]);
      }
      const related = (await staff(`/v1/cases/${victimCases[0].id}/related`).expect(200)).body;
      const viaCampaign = related.items.filter((item: { reasons: { reason: string }[] }) =>
        item.reasons.some((reason) => reason.reason === 'same_campaign'),
      );
      expect(viaCampaign.map((item: { id: string }) => item.id).sort()).toEqual(
        victimCases
          .slice(1)
          .map((kase) => kase.id)
          .sort(),
      );
    }, 120_000);
  });

  it('finds one siege when its exports arrive latest first', async () => {
    const seller = await registerSeller(t);
    const kase = await fileCase(t, seller, { type: 'malicious_purchase' });
    const header = 'order id,buyer,amount,time,status,refund,rating\n';
    const rowsOfDay = (day: number) =>
      Array.from({ length: 30 }, (_, i) => {
        const at = new Date(Date.UTC(2026, 9, 10 + day, Math.floor((i * 24) / 30), 30));
        return `${runBase}8${day}${String(i).padStart(3, '0')},siege_${runBase}_${day}_${i},9.90,${at.toISOString()},closed,yes,1`;
      });
    const exportOf = (days: number[]) =>
      Buffer.from(header + days.flatMap(rowsOfDay).join('\n') + '\n');
    for (const days of [
      [2, 3],
      [0, 1],
    ]) {
      const item = await upload(
        seller,
        kase.id,
        exportOf(days),
        `days-${days[0]}.csv`,
        'order_export',
      );
      await processed(item.id);
      await eventually(async () => {
        const body = (await staff(`/v1/campaigns?sellerId=${seller.id}&kind=siege`)).body;
        expect(
          body.items.some(
            (item: { startsAt: string }) => new Date(item.startsAt).getUTCDate() === 10 + days[0],
          ),
        ).toBe(true);
      }, 30_000);
    }
    const sieges = (await staff(`/v1/campaigns?sellerId=${seller.id}&kind=siege`)).body.items;
    expect(sieges).toHaveLength(1);
    expect(sieges[0]).toMatchObject({ accountCount: 120, sellerCount: 1, hitCount: 120 });
  }, 120_000);

  describe('who may use the cross-referencing routes', () => {
    const id = randomUUID();
    const routes: [string, string][] = [
      ['get', '/v1/offenders'],
      ['get', `/v1/offenders/${id}`],
      ['get', '/v1/identifiers/lookup?kind=qq&value=12345'],
      ['get', '/v1/identifiers/excluded'],
      ['post', `/v1/identifiers/${id}/not-identifying`],
      ['post', `/v1/sightings/${id}/confirm`],
      ['post', `/v1/sightings/${id}/reject`],
      ['get', `/v1/cases/${id}/related`],
      ['get', '/v1/campaigns'],
      ['get', `/v1/campaigns/${id}`],
    ];

    it.each(routes)(
      '%s %s is for moderators: 401 without a token, 403 for a seller',
      async (method, path) => {
        const seller = await registerSeller(t);
        const send = () => request(t.http)[method as 'get' | 'post'](path);
        expectProblem(await send(), 401);
        expectProblem(await send().set(bearer(seller)), 403);
      },
    );
  });
});
