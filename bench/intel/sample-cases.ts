import type { Client } from 'pg';
import { BLOCK, chainQq, GROUP_SIZES, GROUPS_PER_BLOCK, QQ_BASE, SELLERS } from './seed';

// The new cases whose linking is timed: filed by SQL in the shape CasesService writes (a cases
// row, one reported party, the identifiers ON CONFLICT DO NOTHING, the party's sightings from
// the seller, in order), with no outbox row, so that only the timed call links them.

export type SampleKind = 'joins a cluster' | 'bridges two clusters' | 'new identifiers';
export const SAMPLE_KINDS: SampleKind[] = [
  'joins a cluster',
  'bridges two clusters',
  'new identifiers',
];

export interface SampleIdentifier {
  kind: 'qq' | 'phone';
  value: string;
  display: string;
}

export interface SampleCase {
  kind: SampleKind;
  /** Unique across the run: the reference, and the new QQ and phone of the case. */
  number: number;
  sellerIndex: number;
  identifiers: SampleIdentifier[];
}

/** mulberry32: the same samples on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const GROUP_OFFSETS = GROUP_SIZES.map((_, g) =>
  GROUP_SIZES.slice(0, g).reduce((sum, size) => sum + size, 0),
);

export const seededQq = (n: number) => String(QQ_BASE + n);
const groupPhone = (group: number) => {
  const digits = String(group).padStart(8, '0');
  return {
    kind: 'phone' as const,
    value: `+86139${digits}`,
    display: `139 ${digits.slice(0, 4)} ${digits.slice(4)}`,
  };
};
const qq = (value: string) => ({ kind: 'qq' as const, value, display: value });

/** A seeded case of the group, at random. */
function caseOfGroup(group: number, random: () => number): number {
  const block = Math.floor(group / GROUPS_PER_BLOCK);
  const g = group % GROUPS_PER_BLOCK;
  return block * BLOCK + GROUP_OFFSETS[g] + 1 + Math.floor(random() * GROUP_SIZES[g]);
}

/**
 * `counts` of each kind, in random order, over seeded clusters not in `used` (which it adds to):
 * joining names a new QQ and the phone of a seeded group; bridging names the QQs of seeded cases
 * of two groups, merging their clusters; new identifiers are a new QQ and a new phone.
 */
export function plannedSamples(
  counts: Record<SampleKind, number>,
  seededCases: number,
  firstNumber: number,
  random: () => number,
  used: Set<number>,
): SampleCase[] {
  const groups = (seededCases / BLOCK) * GROUPS_PER_BLOCK;
  const freshGroup = () => {
    for (;;) {
      const group = Math.floor(random() * groups);
      if (!used.has(group)) {
        used.add(group);
        return group;
      }
    }
  };
  const kinds = SAMPLE_KINDS.flatMap((kind) => Array<SampleKind>(counts[kind]).fill(kind));
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  return kinds.map((kind, index) => {
    const number = firstNumber + index;
    const newQq = qq(String(5_000_000_000 + number));
    let identifiers: SampleIdentifier[];
    if (kind === 'joins a cluster') identifiers = [newQq, groupPhone(freshGroup())];
    else if (kind === 'bridges two clusters') {
      identifiers = [freshGroup(), freshGroup()].map((group) =>
        qq(seededQq(caseOfGroup(group, random))),
      );
    } else {
      const digits = String(number).padStart(8, '0');
      identifiers = [newQq, { kind: 'phone', value: `+86137${digits}`, display: `137 ${digits}` }];
    }
    return { kind, number, sellerIndex: Math.floor(random() * SELLERS), identifiers };
  });
}

/** Cases joining chain `chain` (seed.ts seedChains): a new QQ and the QQ of one of its cases. */
export function chainSamples(
  chain: number,
  chainCases: number,
  count: number,
  firstNumber: number,
  random: () => number,
): SampleCase[] {
  return Array.from({ length: count }, (_, index) => {
    const number = firstNumber + index;
    return {
      kind: 'joins a cluster' as const,
      number,
      sellerIndex: Math.floor(random() * SELLERS),
      identifiers: [
        qq(String(5_000_000_000 + number)),
        qq(chainQq(chain, Math.floor(random() * chainCases))),
      ],
    };
  });
}

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** BW-XXXXXX from a number far above the seeded cases' (seed.ts encodes n the same way). */
function sampleReference(number: number): string {
  let value = 500_000_000 + number;
  let code = '';
  for (let i = 0; i < 6; i++) {
    code = REFERENCE_ALPHABET[value % 30] + code;
    value = Math.floor(value / 30);
  }
  return `BW-${code}`;
}

/** Files the case as the service would, in one transaction; returns its id. */
export async function insertSampleCase(client: Client, sample: SampleCase): Promise<string> {
  await client.query('BEGIN');
  try {
    const {
      rows: [created],
    } = await client.query<{ id: string }>(
      `INSERT INTO cases (reference, seller_id, type, platform, title, description,
                          amount_demanded, currency)
       VALUES ($1, md5('bench-seller-' || $2::int)::uuid, 'extortion', 'taobao',
               'Buyer demands 50 yuan to remove a bad review',
               'Bought a prepaid card, left one star, then added me on QQ.', 50.00, 'CNY')
       RETURNING id::text`,
      [sampleReference(sample.number), sample.sellerIndex],
    );
    const { identifiers } = sample;
    await client.query(
      `INSERT INTO identifiers (kind, scope, value)
       SELECT kind, '', value FROM unnest($1::text[], $2::text[]) AS t(kind, value) ORDER BY 1, 3
       ON CONFLICT (kind, scope, value) DO NOTHING`,
      [identifiers.map((identifier) => identifier.kind), identifiers.map((i) => i.value)],
    );
    await client.query(
      `WITH party AS (
         INSERT INTO reported_parties (case_id, position) VALUES ($1, 0) RETURNING id
       )
       INSERT INTO sightings (case_id, party_id, identifier_id, display, source, position)
       SELECT $1, party.id, i.id, t.display, 'seller', t.position - 1
       FROM party, unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY
            AS t(kind, value, display, position)
       JOIN identifiers i ON (i.kind, i.scope, i.value) = (t.kind, '', t.value)`,
      [
        created.id,
        identifiers.map((identifier) => identifier.kind),
        identifiers.map((identifier) => identifier.value),
        identifiers.map((identifier) => identifier.display),
      ],
    );
    await client.query('COMMIT');
    return created.id;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
