import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { fileCase } from './factories/cases';
import { chatScreenshot, noisePicture } from './factories/screenshots';
import { EventStream, openEventStream, ServerSentEvent } from './helpers/event-stream';
import { eventually } from './helpers/eventually';
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

// Other e2e files share the database and its identifiers: this file's own are drawn per run.
const runBase = 20_000_000 + Math.floor(Math.random() * 8_000) * 10_000;
const qqOf = (n: number) => String(runBase + n);

const ORDER_EXPORT = Buffer.from(
  '\uFEFF订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,退款状态,退款金额\r\n' +
    '3318827765101,tb_buyer_8812,50.00,交易关闭,2026-11-18 09:12:00,退款成功,50.00\r\n',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

interface Analysis {
  state: string;
  steps: string[];
  ocrReadAt: string | null;
  extractedAt: string | null;
  linkedAt?: string | null;
  found: { kind: string; value: string; display: string }[];
}

describe('analysis of evidence, step by step', () => {
  let t: TestApp;
  let uploads: string;
  let server: Server;
  let moderator: SignedIn;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'bulwark-analysis-e2e-'));
    t = await startTestApp({
      UPLOADS_DIR: uploads,
      INTEL_OCR_ENABLED: 'true',
      INTEL_OCR_LANGUAGES: 'eng',
    });
    server = t.http.listen(0);
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.app.close();
    await rm(uploads, { recursive: true, force: true });
  });

  const get = (who: SignedIn, path: string) => request(t.http).get(path).set(bearer(who));
  const upload = (who: SignedIn, caseId: string, file: Buffer, name: string, kind: string) =>
    request(t.http)
      .post(`/v1/cases/${caseId}/evidence`)
      .set(bearer(who))
      .field('kind', kind)
      .attach('files', file, name)
      .expect(202)
      .then((response) => response.body[0] as { id: string; analysis: Analysis });
  const analysed = (who: SignedIn, evidenceId: string) =>
    eventually(async () => {
      const { body } = await get(who, `/v1/evidence/${evidenceId}`).expect(200);
      expect(body.analysis.state).toBe('done');
      return body.analysis as Analysis;
    }, 60_000);
  const eventsOf = (stream: EventStream, evidenceId: string) =>
    stream.events.filter((event) => event.id === evidenceId);
  const kinds = (events: ServerSentEvent[]) => events.map((event) => event.event);

  it('moves a screenshot from pending to done, shows its seller what was found and staff the linking', async () => {
    const seller = await registerSeller(t);
    const qq = qqOf(1);
    const kase = await fileCase(t, seller, { reported: [] });
    const progress = `/v1/cases/${kase.id}/evidence/progress`;
    const sellerStream = await openEventStream(server, progress, bearer(seller));
    const staffStream = await openEventStream(server, progress, bearer(moderator));
    try {
      const before = await get(seller, `/v1/cases/${kase.id}`).expect(200);
      expect(before.body.analysis).toEqual({ pending: 0, done: 0, analysedAt: null });

      const uploaded = await upload(
        seller,
        kase.id,
        await chatScreenshot([`Add me on QQ: ${qq}`, 'or the bad review stays']),
        'wechat.png',
        'chat_screenshot',
      );
      expect(uploaded.analysis).toEqual({
        state: 'pending',
        steps: [],
        ocrReadAt: null,
        extractedAt: null,
        found: [],
      });
      const waiting = await get(seller, `/v1/cases/${kase.id}`).expect(200);
      expect(waiting.body.analysis).toMatchObject({ pending: 1, done: 0, analysedAt: null });

      const seen = await analysed(seller, uploaded.id);
      expect(seen).toEqual({
        state: 'done',
        steps: ['ocr_read', 'identifiers_extracted'],
        ocrReadAt: expect.any(String),
        extractedAt: expect.any(String),
        found: [{ kind: 'qq', value: qq, display: qq }],
      });
      expect(seen).not.toHaveProperty('linkedAt');

      const staffView = (await get(moderator, `/v1/evidence/${uploaded.id}`).expect(200)).body
        .analysis as Analysis;
      expect(staffView).toMatchObject({
        state: 'done',
        steps: ['ocr_read', 'identifiers_extracted', 'linked'],
        linkedAt: expect.any(String),
      });
      const times = [staffView.ocrReadAt!, staffView.extractedAt!, staffView.linkedAt!];
      expect([...times].sort()).toEqual(times);
      // Linked means linked: the number already belongs to an offender holding this case.
      const lookup = await get(moderator, `/v1/identifiers/lookup?kind=qq&value=${qq}`).expect(200);
      expect(lookup.body.offender).toEqual(expect.objectContaining({ id: expect.any(String) }));

      const listed = await get(seller, `/v1/cases/${kase.id}/evidence`).expect(200);
      expect(listed.body.items[0].analysis).toEqual(seen);
      const after = await get(seller, `/v1/cases/${kase.id}`).expect(200);
      expect(after.body.analysis).toEqual({
        pending: 0,
        done: 1,
        analysedAt: staffView.linkedAt,
      });
      // The case changed when its evidence was analysed, so a cached copy is not current.
      expect(after.headers.etag).not.toBe(waiting.headers.etag);
      await get(seller, `/v1/cases/${kase.id}`)
        .set('If-None-Match', waiting.headers.etag)
        .expect(200);
      const timeline = await get(seller, `/v1/cases/${kase.id}/timeline`).expect(200);
      expect(timeline.body.items).toContainEqual(
        expect.objectContaining({
          kind: 'evidence_analysed',
          visibility: 'seller',
          data: { evidenceId: uploaded.id, identifiersFound: 1 },
        }),
      );

      await eventually(async () => {
        expect(kinds(eventsOf(staffStream, uploaded.id))).toContain('evidence.linked');
        const states = eventsOf(sellerStream, uploaded.id)
          .filter((event) => event.event === 'evidence')
          .map((event) => (event.data as { analysis: string }).analysis);
        expect(states[0]).toBe('pending');
        expect(states.at(-1)).toBe('done');
      });
      const sellerSteps = eventsOf(sellerStream, uploaded.id).filter(
        (event) => event.event !== 'evidence',
      );
      expect(kinds(sellerSteps)).toEqual(['evidence.ocr_read', 'evidence.identifiers_extracted']);
      expect(sellerSteps[1].data).toEqual({
        id: uploaded.id,
        at: seen.extractedAt,
        found: [{ kind: 'qq', value: qq, display: qq }],
        amountsDemanded: [],
      });
      expect(kinds(eventsOf(staffStream, uploaded.id))).toEqual(
        expect.arrayContaining([
          'evidence.ocr_read',
          'evidence.identifiers_extracted',
          'evidence.linked',
        ]),
      );

      // A stream opened afterwards tells what already happened, each step once.
      const late = await openEventStream(server, progress, bearer(seller));
      try {
        await eventually(async () =>
          expect(kinds(eventsOf(late, uploaded.id))).toEqual([
            'evidence',
            'evidence.ocr_read',
            'evidence.identifiers_extracted',
          ]),
        );
      } finally {
        late.close();
      }

      const stranger = await registerSeller(t);
      expectProblem(await get(stranger, `/v1/evidence/${uploaded.id}`), 404);
      expectProblem(await get(stranger, `/v1/cases/${kase.id}/evidence`), 404);
      const refused = await openEventStream(server, progress, bearer(stranger));
      refused.close();
      expect(refused.status).toBe(404);
    } finally {
      sellerStream.close();
      staffStream.close();
    }
  }, 90_000);

  it('finishes a screenshot in which nothing was found without waiting for linking', async () => {
    const seller = await registerSeller(t);
    const kase = await fileCase(t, seller);
    const uploaded = await upload(
      seller,
      kase.id,
      await noisePicture(3),
      'n.png',
      'chat_screenshot',
    );
    await analysed(seller, uploaded.id);
    const staffView = (await get(moderator, `/v1/evidence/${uploaded.id}`).expect(200)).body
      .analysis as Analysis;
    expect(staffView).toMatchObject({ found: [], linkedAt: staffView.extractedAt });
    const timeline = await get(seller, `/v1/cases/${kase.id}/timeline`).expect(200);
    expect(timeline.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'evidence_analysed',
        data: { evidenceId: uploaded.id, identifiersFound: 0 },
      }),
    );
  }, 60_000);

  it('gives a chat log and an order export the steps that apply to them, and a PDF none', async () => {
    const seller = await registerSeller(t);
    const qq = qqOf(2);
    const kase = await fileCase(t, seller, { platform: 'taobao' });
    const chatLog = await upload(
      seller,
      kase.id,
      Buffer.from(`买家: 加我QQ ${qq}\n买家: 给我50.00就删差评\n`),
      'chat.txt',
      'chat_log',
    );
    const orders = await upload(seller, kase.id, ORDER_EXPORT, 'orders.csv', 'order_export');
    const pdf = await upload(seller, kase.id, PDF, 'notice.pdf', 'other');

    await analysed(seller, chatLog.id);
    const log = (await get(moderator, `/v1/evidence/${chatLog.id}`).expect(200)).body;
    expect(log.analysis).toMatchObject({
      steps: ['identifiers_extracted', 'linked'],
      ocrReadAt: null,
      extractedAt: expect.any(String),
      linkedAt: expect.any(String),
      found: [{ kind: 'qq', value: qq, display: qq }],
    });
    // No currency written: the amount is in the platform's.
    expect(log.extracted.amountsDemanded).toEqual([{ amount: '50.00', currency: 'CNY' }]);

    await analysed(seller, orders.id);
    const exported = (await get(moderator, `/v1/evidence/${orders.id}`).expect(200)).body;
    expect(exported.analysis).toMatchObject({
      steps: ['linked'],
      ocrReadAt: null,
      extractedAt: null,
      linkedAt: expect.any(String),
      found: [],
    });
    const sellerSide = (await get(seller, `/v1/evidence/${orders.id}`).expect(200)).body;
    expect(sellerSide.analysis).toEqual({
      state: 'done',
      steps: [],
      ocrReadAt: null,
      extractedAt: null,
      found: [],
    });

    const document = await eventually(async () => {
      const { body } = await get(seller, `/v1/evidence/${pdf.id}`).expect(200);
      expect(body.status).toBe('processed');
      return body;
    });
    expect(document.analysis).toEqual({
      state: 'not_applicable',
      steps: [],
      ocrReadAt: null,
      extractedAt: null,
      found: [],
    });
    const view = await get(seller, `/v1/cases/${kase.id}`).expect(200);
    expect(view.body.analysis).toEqual({ pending: 0, done: 2, analysedAt: expect.any(String) });
  }, 60_000);
});
