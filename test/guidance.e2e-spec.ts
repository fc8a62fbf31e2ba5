import request from 'supertest';
import { GUIDANCE_FILES } from '../src/guidance/guidance-language';
import { loadGuidance } from '../src/guidance/guidance.loader';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { expectProblem, fieldsOf } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

describe('seller guidance', () => {
  let t: TestApp;
  let seller: SignedIn;
  // The expected answers come from the data file itself, so editing its wording breaks no test.
  const guidance = loadGuidance(GUIDANCE_FILES.en);
  const taobao = guidance.platforms.taobao;

  beforeAll(async () => {
    t = await startTestApp();
    seller = await registerSeller(t);
  });
  afterAll(() => t.app.close());

  it('gives a seller what Taobao accepts as proof, what to capture now and the common advice', async () => {
    const response = await request(t.http)
      .get('/v1/guidance/taobao')
      .set(bearer(seller))
      .expect(200);
    expect(response.body).toEqual({
      platform: 'taobao',
      name: taobao.name,
      acceptedProof: [...taobao.acceptedProof],
      supportingOnly: [...taobao.supportingOnly],
      captureNow: [...taobao.captureNow],
      reportChannel: [...taobao.reportChannel],
      common: [...guidance.common.advice],
    });
    expect(response.body.acceptedProof.join(' ')).toMatch(/Wangwang/);
    expect(response.body.supportingOnly.join(' ')).toMatch(/QQ|WeChat/);
    expect(response.body.common).toContainEqual(expect.stringMatching(/do not pay/i));
  });

  it('adds the tips for a kind of case: those for every marketplace, then Taobao’s own', async () => {
    const response = await request(t.http)
      .get('/v1/guidance/taobao')
      .query({ caseType: 'extortion' })
      .set(bearer(seller))
      .expect(200);
    expect(response.body.caseTypeTips).toEqual([
      ...(guidance.common.caseTypes.extortion ?? []),
      ...(taobao.caseTypes.extortion ?? []),
    ]);
    expect(response.body.caseTypeTips.length).toBeGreaterThan(0);
    expect(response.body.common).toEqual([...guidance.common.advice]);
  });

  it('answers moderators and admins too', async () => {
    const admin = await signedInAdmin(t);
    const moderator = await signedInStaff(t, admin, 'moderator');
    for (const who of [admin, moderator]) {
      const response = await request(t.http)
        .get('/v1/guidance/amazon')
        .set(bearer(who))
        .expect(200);
      expect(response.body).toEqual(
        expect.objectContaining({ platform: 'amazon', name: 'Amazon' }),
      );
    }
  });

  it('answers 404 problem+json for a platform it has no guidance for', async () => {
    const response = await request(t.http).get('/v1/guidance/myspace').set(bearer(seller));
    expectProblem(response, 404);
  });

  it('refuses an unknown case type and unknown query fields with 400 naming the field', async () => {
    const badType = await request(t.http)
      .get('/v1/guidance/taobao')
      .query({ caseType: 'blackmail' })
      .set(bearer(seller));
    expect(fieldsOf(expectProblem(badType, 400))).toContain('caseType');
    const badLanguage = await request(t.http)
      .get('/v1/guidance/taobao')
      .query({ language: 'fr' })
      .set(bearer(seller));
    expect(fieldsOf(expectProblem(badLanguage, 400))).toContain('language');
    const unknownField = await request(t.http)
      .get('/v1/guidance/taobao')
      .query({ lang: 'zh' })
      .set(bearer(seller));
    expectProblem(unknownField, 400);
  });

  it('gives the same guidance in Simplified Chinese, tip for tip, when asked', async () => {
    const chinese = loadGuidance(GUIDANCE_FILES.zh);
    const response = await request(t.http)
      .get('/v1/guidance/taobao')
      .query({ caseType: 'extortion', language: 'zh' })
      .set(bearer(seller))
      .expect(200);
    expect(response.body).toEqual({
      platform: 'taobao',
      name: chinese.platforms.taobao.name,
      acceptedProof: [...chinese.platforms.taobao.acceptedProof],
      supportingOnly: [...chinese.platforms.taobao.supportingOnly],
      captureNow: [...chinese.platforms.taobao.captureNow],
      reportChannel: [...chinese.platforms.taobao.reportChannel],
      common: [...chinese.common.advice],
      caseTypeTips: [
        ...(chinese.common.caseTypes.extortion ?? []),
        ...(chinese.platforms.taobao.caseTypes.extortion ?? []),
      ],
    });
    expect(response.body.common.join('')).toMatch(/[\u4e00-\u9fff]/);
    expect(response.body.captureNow).toHaveLength(taobao.captureNow.length);
  });

  it('refuses anonymous callers with 401', async () => {
    expectProblem(await request(t.http).get('/v1/guidance/taobao'), 401);
  });

  it('is in the OpenAPI document', async () => {
    const document = await request(t.http).get('/docs/openapi.json').expect(200);
    expect(Object.keys(document.body.paths)).toContain('/v1/guidance/{platform}');
  });
});
