// The bodies POSTed to /v1/cases: test/factories/cases.ts extortionCase(), with the order id, the
// QQ number, the phone number and the platform account drawn from the request number n, so that
// the identifier upserts meet both new and already-known values, as reports of real offenders do.
//
//   order id          new on every request
//   QQ                new on even n; odd n cycle through 1,000 known numbers
//   phone             new when n % 4 == 0; otherwise one of 750 known numbers (138 0013 8xxx)
//   platform account  one of 2,000 known accounts
//
// So 1.75 of the 4 identifiers of a case are new rows and 2.25 hit ON CONFLICT. The known values
// are in the database before either target runs (knownIdentifiers(), seeded by run.ts), so both
// meet the same mix from their first request. They cycle in request order, so requests in flight
// together (at most `connections` consecutive n) never name the same identifier row and wait on
// each other: repeat offenders are common, two sellers reporting one in the same millisecond is not.

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Four digits that differ between runs, so "new" values are new in a database kept across runs. */
export function runStamp(): number {
  return Math.floor(Date.now() / 1000) % 10_000;
}

export interface CaseBody {
  type: string;
  platform: string;
  title: string;
  description: string;
  incidentAt: string;
  amountDemanded: { amount: string; currency: string };
  orderIds: string[];
  reported: { identifiers: { kind: string; value: string; platform?: string }[] }[];
}

const PLATFORM_ACCOUNTS = 2000;
const KNOWN_QQ = 1000;
const KNOWN_PHONES = 1000;

/** The known values in their canonical stored form: what Bulwark makes of what the bodies say. */
export function knownIdentifiers(): { kind: string; scope: string; value: string }[] {
  const range = (count: number) => Array.from({ length: count }, (_, k) => k);
  return [
    ...range(PLATFORM_ACCOUNTS).map((k) => ({
      kind: 'platform_account',
      scope: 'taobao',
      value: `tb_buyer_${k}`,
    })),
    ...range(KNOWN_QQ).map((k) => ({ kind: 'qq', scope: '', value: `2847${pad(k, 6)}` })),
    ...range(KNOWN_PHONES)
      .filter((k) => k % 4 !== 0)
      .map((k) => ({ kind: 'phone', scope: '', value: `+8613800138${pad(k, 3)}` })),
  ];
}

export function extortionCase(n: number, stamp: number): CaseBody {
  const qq =
    n % 2 === 0
      ? `9${pad(stamp, 4)}${pad(n % 1_000_000, 6)}`
      : `2847${pad((n >> 1) % KNOWN_QQ, 6)}`;
  const phoneDigits =
    n % 4 === 0 ? `9${pad((stamp * 10_007 + n) % 1e8, 8)}` : `800138${pad(n % KNOWN_PHONES, 3)}`;
  const phone = `13${phoneDigits.slice(0, 1)} ${phoneDigits.slice(1, 5)} ${phoneDigits.slice(5)}`;
  return {
    type: 'extortion',
    platform: 'taobao',
    title: 'Buyer demands 50 yuan to remove a bad review',
    description: 'Bought a prepaid card, left one star, then added me on QQ.',
    incidentAt: '2026-11-18T09:30:00Z',
    amountDemanded: { amount: '50.00', currency: 'CNY' },
    orderIds: [`3318${pad(stamp, 4)}${pad(n, 8)}`],
    reported: [
      {
        identifiers: [
          {
            kind: 'platform_account',
            value: `tb_buyer_${n % PLATFORM_ACCOUNTS}`,
            platform: 'taobao',
          },
          { kind: 'qq', value: qq },
          { kind: 'phone', value: phone },
        ],
      },
    ],
  };
}

/**
 * Filings both targets must refuse, each with the status Bulwark gives it: the benchmark checks
 * that the baseline applies the same rules before it measures anything.
 */
export function refusedBodies(stamp: number): { name: string; body: unknown; status: number }[] {
  const valid = extortionCase(0, stamp);
  const party = (identifier: Record<string, unknown>) => [{ identifiers: [identifier] }];
  return [
    { name: 'not an object', body: [valid], status: 400 },
    { name: 'unknown field', body: { ...valid, extra: 1 }, status: 400 },
    { name: 'unknown type', body: { ...valid, type: 'blackmail' }, status: 400 },
    { name: 'empty title', body: { ...valid, title: '   ' }, status: 400 },
    { name: 'title over its limit', body: { ...valid, title: 'x'.repeat(201) }, status: 422 },
    {
      name: 'time without offset',
      body: { ...valid, incidentAt: '2026-11-18T09:30:00' },
      status: 400,
    },
    { name: '30 February', body: { ...valid, incidentAt: '2026-02-30T09:30:00Z' }, status: 400 },
    {
      name: 'future incident',
      body: { ...valid, incidentAt: '2099-01-01T00:00:00Z' },
      status: 422,
    },
    {
      name: 'three decimals of CNY',
      body: { ...valid, amountDemanded: { amount: '50.001', currency: 'CNY' } },
      status: 422,
    },
    {
      name: 'unknown currency',
      body: { ...valid, amountDemanded: { amount: '50', currency: 'XYZ' } },
      status: 422,
    },
    {
      name: 'QQ starting with 0',
      body: { ...valid, reported: party({ kind: 'qq', value: '0123456' }) },
      status: 422,
    },
    {
      name: 'invalid phone',
      body: { ...valid, reported: party({ kind: 'phone', value: '138 0013' }) },
      status: 422,
    },
    {
      name: 'platform on a QQ',
      body: { ...valid, reported: party({ kind: 'qq', value: '2847561923', platform: 'jd' }) },
      status: 422,
    },
    {
      name: 'party without identifiers',
      body: { ...valid, reported: [{ identifiers: [] }] },
      status: 400,
    },
  ];
}
