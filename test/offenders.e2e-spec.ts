import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import fc from 'fast-check';
import type { AuthUser } from '../src/auth/auth-user';
import { OffenderLinkerService } from '../src/intel/linking/offender-linker.service';
import { SightingsService } from '../src/intel/sightings/sightings.service';
import { offenderClusters } from '../src/intel/linking/offender-clusters';
import {
  bearer,
  registerSeller,
  signedInAdmin,
  signedInStaff,
  SignedIn,
} from './factories/accounts';
import { fileCase } from './factories/cases';
import { eventually } from './helpers/eventually';
import { runConcurrently } from './helpers/run-concurrently';
import { startTestApp, TestApp } from './helpers/test-app';

const HUB_LIMIT = 4;

/** A small deterministic generator, so a failing mix can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function party(...identifiers: { kind: string; value: string }[]) {
  return { identifiers };
}
// Other e2e files share the database and its identifiers: this file's own are drawn per run.
const runBase = 10_000_000 + Math.floor(Math.random() * 8_000) * 10_000;
const qq = (n: number) => ({ kind: 'qq', value: String(runBase + n) });
const phone = (n: number) => ({
  kind: 'phone',
  value: `+86 139 ${String(runBase + n).padStart(8, '0')}`,
});

describe('linking reports into offenders', () => {
  let t: TestApp;
  let uploads: string;

  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'bulwark-offenders-e2e-'));
    t = await startTestApp({ UPLOADS_DIR: uploads, INTEL_HUB_PARTY_LIMIT: String(HUB_LIMIT) });
  });
  afterAll(async () => {
    await t.app.close();
    await rm(uploads, { recursive: true, force: true });
  });

  const allLinked = () =>
    eventually(async () => {
      const [{ n }] = await t.db.query(
        `SELECT (SELECT count(*) FROM sightings WHERE linked_at IS NULL)
              + (SELECT count(*) FROM outbox WHERE dispatched_at IS NULL) AS n`,
      );
      expect(Number(n)).toBe(0);
      const waiting = await t.db.query(
        `SELECT count(*) AS n FROM outbox WHERE job_name = 'intel.link-case'`,
      );
      return waiting;
    }, 30_000);

  const offenderOf = async (value: string) => {
    const [row] = await t.db.query(
      `SELECT o.* FROM identifiers i JOIN offender_members m ON m.identifier_id = i.id
       JOIN offenders o ON o.id = m.offender_id WHERE i.value = $1`,
      [value],
    );
    return row;
  };

  it('links one blackmailer reported by three sellers, and flags him once', async () => {
    const sellers: SignedIn[] = [];
    for (let i = 0; i < 3; i += 1) sellers.push(await registerSeller(t));
    const blackmailer = qq(1);
    const mobile = `138${String(runBase + 1).padStart(8, '0')}`;
    const cases = [
      await fileCase(t, sellers[0], { reported: [party(blackmailer)] }),
      await fileCase(t, sellers[1], {
        reported: [party(blackmailer, { kind: 'phone', value: mobile })],
      }),
      await fileCase(t, sellers[2], {
        reported: [party({ kind: 'phone', value: `+86 ${mobile}` })],
      }),
    ];
    await allLinked();
    const offender = await eventually(async () => {
      const row = await offenderOf(blackmailer.value);
      expect(row).toMatchObject({ seller_count: 3, case_count: 3, repeat_offender: true });
      return row;
    });
    expect(offender.flagged_at).not.toBeNull();
    expect(offender.totals).toEqual({ CNY: { demanded: '150.00', paid: '0' } });
    expect(offender.case_types).toEqual(['extortion']);
    expect(await offenderOf(`+86${mobile}`)).toMatchObject({ id: offender.id });

    const flagged = await t.db.query(
      `SELECT payload FROM outbox WHERE event = 'offender.flagged' AND payload->>'offenderId' = $1`,
      [offender.id],
    );
    expect(flagged).toHaveLength(1);
    const staff = await signedInStaff(t, await signedInAdmin(t), 'moderator');
    for (const [index, kase] of cases.entries()) {
      const asSeller = await request(t.http)
        .get(`/v1/cases/${kase.id}`)
        .set(bearer(sellers[index]));
      expect(asSeller.body).not.toHaveProperty('priority');
      const asStaff = await request(t.http).get(`/v1/cases/${kase.id}`).set(bearer(staff));
      expect(asStaff.body.priority).toBe(10);
    }
    const events = await t.db.query(
      `SELECT count(*) AS n FROM case_events WHERE kind = 'offender_flagged' AND data->>'offenderId' = $1`,
      [offender.id],
    );
    expect(Number(events[0].n)).toBe(3);
  });

  it('does not let a hub identifier merge unrelated offenders', async () => {
    const seller = await registerSeller(t);
    const serviceNumber = phone(90);
    const accused = [91, 92, 93, 94, 95].map((n) => qq(n));
    for (const handle of accused) {
      await fileCase(t, seller, { reported: [party(handle, serviceNumber)] });
    }
    await allLinked();
    const offenders = new Set<string>();
    for (const handle of accused) offenders.add((await offenderOf(handle.value)).id);
    expect(offenders.size).toBe(accused.length);
    const [member] = await t.db.query(
      `SELECT m.* FROM offender_members m JOIN identifiers i ON i.id = m.identifier_id
       WHERE i.value = $1`,
      [`+86139${String(runBase + 90).padStart(8, '0')}`],
    );
    expect(member).toMatchObject({ excluded: 'hub', offender_id: null });

    const moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
    const flagged = await request(t.http)
      .get('/v1/identifiers/excluded?reason=hub&limit=200')
      .set(bearer(moderator))
      .expect(200);
    expect(flagged.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'phone',
        value: `+86139${String(runBase + 90).padStart(8, '0')}`,
        excluded: 'hub',
        partyCount: accused.length,
      }),
    );
  });

  it('ends in the clusters of a from-scratch linking, whatever the order, repetition and corrections', async () => {
    const moderator = await signedInStaff(t, await signedInAdmin(t), 'moderator');
    const reviewer = { id: moderator.id, role: 'moderator' } as AuthUser;
    const linker = t.app.get(OffenderLinkerService);
    const sightings = t.app.get(SightingsService);
    const sellers: SignedIn[] = [];
    for (let i = 0; i < 5; i += 1) sellers.push(await registerSeller(t));
    let run = 0;

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 2 }), async (seed) => {
        // Each run draws from its own identifiers, so runs never link to each other.
        const base = 1000 + run * 1000;
        run += 1;
        const random = seeded(seed);
        const pick = (n: number) => Math.floor(random() * n);
        const caseIds: string[] = [];
        for (let i = 0; i < 200; i += 1) {
          const parties = Array.from({ length: 1 + pick(2) }, () =>
            party(
              ...Array.from({ length: 1 + pick(3) }, () =>
                random() < 0.6 ? qq(base + pick(150)) : phone(base + 500 + pick(100)),
              ),
            ),
          );
          caseIds.push((await fileCase(t, sellers[pick(5)], { reported: parties })).id);
        }
        const filed: { id: string; identifier_id: string }[] = await t.db.query(
          `SELECT id::text, identifier_id::text FROM sightings WHERE case_id = ANY($1::uuid[])`,
          [caseIds],
        );
        const rejected = filed.filter(() => random() < 0.05);
        const excluded = [...new Set(filed.map((row) => row.identifier_id))].filter(
          () => random() < 0.02,
        );
        const work = [
          ...[...caseIds, ...caseIds.filter(() => random() < 0.5)].map(
            (id) => () => linker.linkCase(id),
          ),
          ...rejected.map((row) => () => sightings.reject(reviewer, row.id)),
          ...excluded.map((id) => () => linker.exclude(id, 'not_identifying')),
        ].sort(() => random() - 0.5);
        await runConcurrently(work, 8);
        await allLinked();

        const groups: { link_group: string; identifier_id: string }[] = await t.db.query(
          `SELECT link_group, identifier_id::text FROM sightings
           WHERE link_group IS NOT NULL AND status <> 'rejected' AND case_id = ANY($1::uuid[])`,
          [caseIds],
        );
        const byGroup = new Map<string, string[]>();
        for (const row of groups) {
          byGroup.set(row.link_group, [...(byGroup.get(row.link_group) ?? []), row.identifier_id]);
        }
        const expected = offenderClusters(
          [...byGroup].map(([group, identifiers]) => ({ group, identifiers })),
          HUB_LIMIT,
          new Set(excluded),
        );
        const actual: { members: string[] }[] = await t.db.query(
          `SELECT array_agg(identifier_id::text ORDER BY identifier_id::text) AS members
           FROM offender_members
           WHERE offender_id IS NOT NULL AND identifier_id = ANY($1::uuid[])
           GROUP BY offender_id`,
          [[...new Set(filed.map((row) => row.identifier_id))]],
        );
        expect(actual.map((row) => row.members).sort((a, b) => (a[0] < b[0] ? -1 : 1))).toEqual(
          expected,
        );
        const sizes = await t.db.query(
          `SELECT o.member_count, count(m.identifier_id)::int AS n FROM offenders o
           LEFT JOIN offender_members m ON m.offender_id = o.id GROUP BY o.id
           HAVING o.member_count <> count(m.identifier_id)`,
        );
        expect(sizes).toEqual([]);
      }),
      { numRuns: 3 },
    );
  }, 180_000);
});
