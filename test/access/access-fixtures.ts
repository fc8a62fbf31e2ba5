import request from 'supertest';
import { API_KEY_SCOPES, ApiKeyScope } from '../../src/accounts/api-key-scope';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  signIn,
  SignedIn,
} from '../factories/accounts';
import { extortionCase } from '../factories/cases';
import { noisePicture } from '../factories/screenshots';
import { eventually } from '../helpers/eventually';
import { TestApp } from '../helpers/test-app';
import { isApiKeyPrincipal, isPerson, Person, Principal, scopeOf } from './principals';

// The matrix files many cases; identifiers of their own keep them from linking into one
// offender (or into a hub, past INTEL_HUB_PARTY_LIMIT), so each fixture stays what it was built as.
const runBase = 10_000_000 + Math.floor(Math.random() * 8_000) * 10_000;

/** A siege, as the campaign detector sees one: 25 named accounts refunding one seller in a day. */
function siegeExport(): Buffer {
  const rows = Array.from({ length: 25 }, (_, i) => {
    const at = new Date(Date.UTC(2026, 10, 10, 0, 30 * i)).toISOString();
    return `${runBase}7${String(i).padStart(3, '0')},siege_${runBase}_${i},9.90,${at},closed,yes,1`;
  });
  return Buffer.from(['order id,buyer,amount,time,status,refund,rating', ...rows, ''].join('\n'));
}

/** A complaint against a blackmailer known by this QQ number and a Taobao account made of it. */
function filingNaming(qq: string): Record<string, unknown> {
  return extortionCase({
    orderIds: [`M${qq}`],
    reported: [
      {
        identifiers: [
          { kind: 'platform_account', value: `tb_${qq}`, platform: 'taobao' },
          { kind: 'qq', value: qq },
        ],
      },
    ],
  });
}

interface FiledCase {
  id: string;
  qq: string;
}

/**
 * What the access matrix calls routes with. The fields are fixtures built once and only read
 * (the owner's case, its processed evidence, the offender and campaign it yields); the new*()
 * methods build a fixture per call, for routes that change or consume what they are given.
 */
export class AccessFixtures {
  /** Set once by build(), read by every route that takes an existing id. */
  ownerCase!: FiledCase;
  screenshotId!: string;
  orderExportId!: string;
  offenderId!: string;
  campaignId!: string;
  /** Bulwark's id of the owner's shop. */
  ownerShopId!: string;
  private numbersTaken = 0;

  private constructor(
    private readonly t: TestApp,
    private readonly people: Record<Person, SignedIn>,
    private readonly apiKeys: Record<ApiKeyScope, string>,
  ) {}

  get owner(): SignedIn {
    return this.people.owner;
  }

  static async build(t: TestApp): Promise<AccessFixtures> {
    const admin = await signedInAdmin(t);
    const people: Record<Person, SignedIn> = {
      owner: await registerSeller(t),
      otherSeller: await registerSeller(t, {
        shop: { platform: 'taobao', shopId: '90417733', shopName: 'Another Card Shop' },
      }),
      moderator: await signedInStaff(t, admin, 'moderator'),
      admin,
    };
    const apiKeys = {} as Record<ApiKeyScope, string>;
    for (const scope of API_KEY_SCOPES) {
      apiKeys[scope] = (await createApiKey(t, admin, [scope])).key;
    }
    const fixtures = new AccessFixtures(t, people, apiKeys);
    const me = await fixtures.get('owner', '/v1/me').expect(200);
    fixtures.ownerShopId = me.body.shop.id as string;
    await fixtures.buildOwnerCase();
    return fixtures;
  }

  /** The headers that make a request come from this principal. */
  credentialsOf(principal: Principal): Record<string, string> {
    if (isPerson(principal)) return bearer(this.people[principal]);
    if (isApiKeyPrincipal(principal)) return { 'X-API-Key': this.apiKeys[scopeOf(principal)] };
    return {};
  }

  /** The principal's credentials with a session of their own, for a route that ends it. */
  async newSessionOf(principal: Principal): Promise<Record<string, string>> {
    if (!isPerson(principal)) return this.credentialsOf(principal);
    const { email, password } = this.people[principal];
    return bearer(await signIn(this.t, email, password));
  }

  /** A valid filing that names identifiers no other case of this run names. */
  newCaseBody(): Record<string, unknown> {
    return filingNaming(this.newQq());
  }

  /** A new open case of the owner's. */
  async newOwnerCase(): Promise<FiledCase> {
    const qq = this.newQq();
    const response = await request(this.t.http)
      .post('/v1/cases')
      .set(bearer(this.owner))
      .send(filingNaming(qq))
      .expect(201);
    return { id: response.body.id as string, qq };
  }

  /** A new case of the owner's, claimed by the principal when it is staff who may claim. */
  async newCaseClaimedBy(principal: Principal): Promise<string> {
    const kase = await this.newOwnerCase();
    if (principal === 'moderator' || principal === 'admin') {
      await request(this.t.http)
        .post(`/v1/cases/${kase.id}/claim`)
        .set(this.credentialsOf(principal))
        .expect(200);
    }
    return kase.id;
  }

  /** A new case of the owner's that the moderator has decided. */
  async newResolvedCase(): Promise<string> {
    const id = await this.newCaseClaimedBy('moderator');
    await request(this.t.http)
      .post(`/v1/cases/${id}/resolve`)
      .set(this.credentialsOf('moderator'))
      .send({ outcome: 'upheld', summary: 'The chat shows the demand.', actions: ['no_action'] })
      .expect(200);
    return id;
  }

  /** A case of the owner's that names the QQ number of the owner's case just before it. */
  async newLikelyDuplicate(): Promise<string> {
    const qq = this.newQq();
    for (let filed = 0; filed < 2; filed += 1) {
      await request(this.t.http)
        .post('/v1/cases')
        .set(bearer(this.owner))
        .send(filingNaming(qq))
        .expect(201);
    }
    return eventually(async () => {
      const [row] = await this.t.db.query(
        `SELECT c.id::text FROM cases c JOIN sightings s ON s.case_id = c.id
         JOIN identifiers i ON i.id = s.identifier_id
         WHERE i.kind = 'qq' AND i.value = $1 AND c.likely_duplicate_of IS NOT NULL`,
        [qq],
      );
      expect(row).toBeDefined();
      return row.id as string;
    }, 30_000);
  }

  /** A new reply template, made by the admin. */
  async newReplyTemplate(): Promise<string> {
    const response = await request(this.t.http)
      .post('/v1/reply-templates')
      .set(this.credentialsOf('admin'))
      .send({ name: `Template ${this.newQq()}`, language: 'zh', body: '{{sellerName}}您好' })
      .expect(201);
    return response.body.id as string;
  }

  get moderatorId(): string {
    return this.people.moderator.id;
  }

  /** A sighting that a chat log yielded, not yet reviewed: the kind a moderator confirms. */
  async newExtractedSighting(): Promise<string> {
    const kase = await this.newOwnerCase();
    const chatLog = Buffer.from(`买家: 加我QQ ${this.newQq()}，不然差评不删\n`);
    const evidenceId = await this.upload(kase.id, chatLog, 'chat.txt', 'chat_log');
    return eventually(async () => {
      const evidence = await this.get('moderator', `/v1/evidence/${evidenceId}`).expect(200);
      const [sighting] = evidence.body.extracted.identifiers as { id: string; source: string }[];
      expect(sighting).toMatchObject({ source: 'chat_log' });
      return sighting.id;
    }, 30_000);
  }

  /** The sighting of the QQ number the seller typed into a new case. */
  async newTypedSighting(): Promise<string> {
    const kase = await this.newOwnerCase();
    const [sighting] = await this.t.db.query(
      `SELECT s.id::text FROM sightings s JOIN identifiers i ON i.id = s.identifier_id
       WHERE s.case_id = $1 AND i.kind = 'qq'`,
      [kase.id],
    );
    return sighting.id as string;
  }

  /** An identifier that only a new case names, so excluding it from linking touches nothing else. */
  async newReportedIdentifier(): Promise<string> {
    const kase = await this.newOwnerCase();
    const found = await this.get('moderator', '/v1/identifiers/lookup')
      .query({ kind: 'qq', value: kase.qq })
      .expect(200);
    return found.body.identifier.id as string;
  }

  async newApiKey(): Promise<string> {
    return (await createApiKey(this.t, this.people.admin, [...API_KEY_SCOPES])).id;
  }

  async newSeller(): Promise<string> {
    return (await registerSeller(this.t)).id;
  }

  async newOwnerRefreshToken(): Promise<string> {
    return (await signIn(this.t, this.owner.email, this.owner.password)).refreshToken;
  }

  /** A QQ number no case of this run names. */
  newQq(): string {
    this.numbersTaken += 1;
    return String(runBase + this.numbersTaken);
  }

  private get(person: Person, path: string) {
    return request(this.t.http).get(path).set(bearer(this.people[person]));
  }

  private async upload(caseId: string, file: Buffer, name: string, kind: string) {
    const response = await request(this.t.http)
      .post(`/v1/cases/${caseId}/evidence`)
      .set(bearer(this.owner))
      .field('kind', kind)
      .attach('files', file, name)
      .expect(202);
    return response.body[0].id as string;
  }

  private async processed(evidenceId: string): Promise<void> {
    await eventually(async () => {
      const evidence = await this.get('owner', `/v1/evidence/${evidenceId}`).expect(200);
      expect(evidence.body.status).toBe('processed');
    }, 30_000);
  }

  /**
   * The owner's case with a processed screenshot (for content, preview and thumbnail) and a
   * processed order export (for its order records), and what linking and campaign detection
   * make of them: the offender its QQ belongs to and the siege its export shows.
   */
  private async buildOwnerCase(): Promise<void> {
    this.ownerCase = await this.newOwnerCase();
    const screenshot = await noisePicture(this.numbersTaken);
    this.screenshotId = await this.upload(
      this.ownerCase.id,
      screenshot,
      'chat.png',
      'chat_screenshot',
    );
    this.orderExportId = await this.upload(
      this.ownerCase.id,
      siegeExport(),
      'orders.csv',
      'order_export',
    );
    await this.processed(this.screenshotId);
    await this.processed(this.orderExportId);
    this.offenderId = await eventually(async () => {
      const found = await this.get('moderator', '/v1/identifiers/lookup')
        .query({ kind: 'qq', value: this.ownerCase.qq })
        .expect(200);
      expect(found.body.offender).toEqual(expect.objectContaining({ id: expect.any(String) }));
      return found.body.offender.id as string;
    }, 30_000);
    this.campaignId = await eventually(async () => {
      const campaigns = await this.get('moderator', '/v1/campaigns')
        .query({ sellerId: this.owner.id })
        .expect(200);
      expect(campaigns.body.items).toHaveLength(1);
      return campaigns.body.items[0].id as string;
    }, 30_000);
  }
}

async function createApiKey(t: TestApp, admin: SignedIn, scopes: ApiKeyScope[]) {
  const response = await request(t.http)
    .post('/v1/api-keys')
    .set(bearer(admin))
    .send({ name: 'Access matrix', scopes })
    .expect(201);
  return response.body as { id: string; key: string };
}
