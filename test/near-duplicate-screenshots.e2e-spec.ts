import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SCREENSHOT_MATCH_DISTANCE } from '../src/intel/screenshots/perceptual-bands';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { fileCase } from './factories/cases';
import { forwardedCopy, phoneChatScreenshot } from './factories/screenshots';
import { eventually } from './helpers/eventually';
import { startTestApp, TestApp } from './helpers/test-app';

// Other e2e files share the database and its identifiers: this file's own are drawn per run.
const runBase = 20_000_000 + Math.floor(Math.random() * 8_000) * 10_000;

describe('near-duplicate chat screenshots', () => {
  let t: TestApp;
  let uploads: string;
  let moderator: SignedIn;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'bulwark-near-duplicates-e2e-'));
    t = await startTestApp({ UPLOADS_DIR: uploads, INTEL_OCR_ENABLED: 'false' });
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
  }, 60_000);
  afterAll(async () => {
    await t.app.close();
    await rm(uploads, { recursive: true, force: true });
  });

  const related = (caseId: string) =>
    request(t.http).get(`/v1/cases/${caseId}/related`).set(bearer(moderator)).expect(200);
  const upload = (who: SignedIn, caseId: string, file: Buffer, name: string) =>
    request(t.http)
      .post(`/v1/cases/${caseId}/evidence`)
      .set(bearer(who))
      .field('kind', 'chat_screenshot')
      .attach('files', file, name)
      .expect(202)
      .then((response) => response.body[0] as { id: string });
  const processed = (evidenceId: string) =>
    eventually(async () => {
      const response = await request(t.http)
        .get(`/v1/evidence/${evidenceId}`)
        .set(bearer(moderator));
      expect(response.body.status).toBe('processed');
    }, 30_000);

  const threatLines = ['加我QQ 2847561932 私聊', '不退款我就给差评'];
  const casesOfThreeSellers = async (base: number) => {
    const sellers = [await registerSeller(t), await registerSeller(t), await registerSeller(t)];
    const cases: { id: string }[] = [];
    for (const [index, seller] of sellers.entries()) {
      const accused = { identifiers: [{ kind: 'qq', value: String(runBase + base + index) }] };
      cases.push(await fileCase(t, seller, { reported: [accused], orderIds: [] }));
    }
    return { sellers, cases };
  };
  const similarScreenshot = (caseId: string, otherCaseId: string) =>
    eventually(async () => {
      const body = (await related(caseId)).body;
      const match = body.items.find((item: { id: string }) => item.id === otherCaseId);
      const reason = match?.reasons.find(
        (found: { reason: string }) => found.reason === 'similar_screenshot',
      );
      expect(reason).toBeDefined();
      return { items: body.items as { id: string }[], reason };
    });

  it('matches a forwarded copy of a phone screenshot, and not another chat drawn by the same app', async () => {
    const { sellers, cases } = await casesOfThreeSellers(0);
    const threat = await phoneChatScreenshot(threatLines);
    const otherChat = await phoneChatScreenshot(['你好，我买的东西有问题', '今天之内给答复']);

    // The other chat is in first, so it is a candidate by the time the copies are matched.
    const other = await upload(sellers[2], cases[2].id, otherChat, 'other.png');
    await processed(other.id);
    const original = await upload(sellers[0], cases[0].id, threat, 'threat.png');
    const forwarded = await upload(sellers[1], cases[1].id, await forwardedCopy(threat), 'fwd.jpg');
    await processed(original.id);
    await processed(forwarded.id);

    const { items, reason } = await similarScreenshot(cases[0].id, cases[1].id);
    expect(reason).toMatchObject({ evidenceId: original.id, otherEvidenceId: forwarded.id });
    expect(reason.distance).toBeLessThanOrEqual(SCREENSHOT_MATCH_DISTANCE);
    expect(items.map((item) => item.id)).not.toContain(cases[2].id);
    const relatedToOther = (await related(cases[2].id)).body.items.map(
      (item: { id: string }) => item.id,
    );
    expect(relatedToOther).not.toContain(cases[0].id);
    expect(relatedToOther).not.toContain(cases[1].id);
  });

  it('hashes again from the original, and matches, a screenshot stored before the hash changed', async () => {
    const { sellers, cases } = await casesOfThreeSellers(10);
    const threat = await phoneChatScreenshot(threatLines, 'qq');
    const shots = [
      await upload(sellers[0], cases[0].id, threat, 'threat.png'),
      await upload(sellers[1], cases[1].id, await forwardedCopy(threat), 'fwd.jpg'),
    ];
    for (const shot of shots) await processed(shot.id);
    await similarScreenshot(cases[0].id, cases[1].id);
    const ids = shots.map((shot) => shot.id);
    const hashesOf = async () =>
      (
        await t.db.query(`SELECT perceptual_hash FROM evidence WHERE id = ANY($1) ORDER BY id`, [
          ids,
        ])
      ).map((row: { perceptual_hash: string | null }) => row.perceptual_hash);
    const hashed = await hashesOf();

    // What migration PerceptualHashDct does to every screenshot, done to these two only.
    await t.db.query(`DELETE FROM screenshot_matches WHERE evidence_id = ANY($1)`, [ids]);
    await t.db.query(`DELETE FROM screenshot_bands WHERE evidence_id = ANY($1)`, [ids]);
    await t.db.query(`UPDATE evidence SET perceptual_hash = NULL WHERE id = ANY($1)`, [ids]);
    await t.db.query(
      `INSERT INTO outbox (event, job_name, payload)
       SELECT 'screenshot.rehash-due', 'evidence.rehash-screenshot',
              jsonb_build_object('evidenceId', id::text)
       FROM unnest($1::uuid[]) AS id`,
      [ids],
    );

    await similarScreenshot(cases[0].id, cases[1].id);
    expect(await hashesOf()).toEqual(hashed);
  });
});
