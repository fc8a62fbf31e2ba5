import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { fileCase } from './factories/cases';
import { expectProblem } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

describe('reply templates', () => {
  let t: TestApp;
  let admin: SignedIn;
  let moderator: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInAdmin(t);
    moderator = await signedInStaff(t, admin, 'moderator');
  });
  afterAll(() => t.app.close());

  const create = (who: SignedIn, body: object) =>
    request(t.http).post('/v1/reply-templates').set(bearer(who)).send(body);

  it('are kept by admins and filled in for a case, in English and Chinese', async () => {
    const name = `Ask for the whole chat ${randomUUID()}`;
    const zh = await create(admin, {
      name,
      language: 'zh',
      body: '{{sellerName}}您好，案件 {{caseReference}} 需要完整的聊天截图。',
    }).expect(201);
    await create(admin, {
      name,
      language: 'en',
      body: 'Dear {{sellerName}}, case {{caseReference}} needs the whole chat.',
    }).expect(201);
    expectProblem(await create(admin, { name, language: 'en', body: 'Again' }), 409);

    const seller = await registerSeller(t, { displayName: '李娜' });
    const kase = await fileCase(t, seller);
    const filled = await request(t.http)
      .get(`/v1/cases/${kase.id}/reply-templates?language=zh`)
      .set(bearer(moderator))
      .expect(200);
    const mine = filled.body.items.find((item: { id: string }) => item.id === zh.body.id);
    expect(mine).toEqual(
      expect.objectContaining({
        text: `李娜您好，案件 ${kase.reference} 需要完整的聊天截图。`,
        unfilled: [],
      }),
    );
    expect(filled.body.items.every((item: { language: string }) => item.language === 'zh')).toBe(
      true,
    );

    await request(t.http)
      .patch(`/v1/reply-templates/${zh.body.id}`)
      .set(bearer(admin))
      .send({ body: '{{sellerName}}，请补充订单导出。' })
      .expect(200);
    await request(t.http)
      .delete(`/v1/reply-templates/${zh.body.id}`)
      .set(bearer(admin))
      .expect(204);
    expectProblem(
      await request(t.http).delete(`/v1/reply-templates/${zh.body.id}`).set(bearer(admin)),
      404,
    );
  });

  it('refuses a placeholder no case fills, and moderators cannot manage them', async () => {
    const refused = await create(admin, {
      name: `Bad ${randomUUID()}`,
      language: 'en',
      body: 'Please send order {{orderId}}',
    });
    expect(expectProblem(refused, 422).errors[0].field).toBe('body');
    expectProblem(
      await create(moderator, { name: `Mine ${randomUUID()}`, language: 'en', body: 'Hi' }),
      403,
    );
  });

  it('refuses a moderator’s message that still holds a placeholder; a seller’s braces are theirs', async () => {
    const seller = await registerSeller(t);
    const kase = await fileCase(t, seller);
    const unfilled = await request(t.http)
      .post(`/v1/cases/${kase.id}/messages`)
      .set(bearer(moderator))
      .send({ body: 'Dear {{sellerName}}, thank you.' });
    expect(expectProblem(unfilled, 422).errors).toEqual([
      { field: 'body', message: 'fill in {{sellerName}}' },
    ]);
    const [{ n }] = await t.db.query(
      'SELECT count(*)::int AS n FROM case_messages WHERE case_id = $1',
      [kase.id],
    );
    expect(n).toBe(0);
    await request(t.http)
      .post(`/v1/cases/${kase.id}/messages`)
      .set(bearer(seller))
      .send({ body: '他说 {{随便}} 是暗号' })
      .expect(201);
  });
});
