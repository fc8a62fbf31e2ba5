// What the moderation benchmark asks of the running service over HTTP: the queue's first page
// and a page deep in one walk, and claims raced by many moderators at once.

export interface Timings {
  ms: number[];
}

export interface ClaimRound {
  caseId: string;
  won: number;
  refused: number;
  other: number;
  /** What the other answers were, by status: none is expected. */
  otherStatuses: Record<number, number>;
  ms: number[];
}

async function get(
  url: string,
  token: string,
): Promise<{ status: number; body: unknown; ms: number }> {
  const start = process.hrtime.bigint();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body: unknown = await response.json();
  return { status: response.status, body, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

async function expectOk(url: string, token: string): Promise<{ body: QueuePage; ms: number }> {
  const answer = await get(url, token);
  if (answer.status !== 200) {
    throw new Error(`GET ${url} answered ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return { body: answer.body as QueuePage, ms: answer.ms };
}

export interface QueuePage {
  items: { id: string; reference: string; assignee: unknown }[];
  nextCursor: string | null;
  figures: { pending: number } | null;
}

/** Each sample starts a walk: the ranking snapshotted, the counts and figures, the first page. */
export async function firstPages(base: string, token: string, samples: number, warmUp: number) {
  const ms: number[] = [];
  let last: QueuePage | undefined;
  for (let i = 0; i < warmUp + samples; i += 1) {
    const page = await expectOk(`${base}/v1/moderation/queue?limit=50`, token);
    if (i >= warmUp) ms.push(page.ms);
    last = page.body;
  }
  return { ms, pending: last?.figures?.pending ?? 0 };
}

/** The same deep page of one walk, again and again. */
export async function deepPages(
  base: string,
  token: string,
  cursor: string,
  samples: number,
  warmUp: number,
): Promise<Timings> {
  const ms: number[] = [];
  for (let i = 0; i < warmUp + samples; i += 1) {
    const page = await expectOk(
      `${base}/v1/moderation/queue?limit=50&cursor=${encodeURIComponent(cursor)}`,
      token,
    );
    if (page.body.items.length !== 50) throw new Error('the deep page is not full');
    if (i >= warmUp) ms.push(page.ms);
  }
  return { ms };
}

/**
 * References of unclaimed cases, which the routes take as well as ids: the seed's ids are md5
 * digests, not UUIDs of any version, so the routes do not read them as ids.
 */
export async function unclaimedCases(
  base: string,
  token: string,
  count: number,
): Promise<string[]> {
  const page = await expectOk(`${base}/v1/moderation/queue?limit=200&assignee=none`, token);
  const ids = page.body.items.map((item) => item.reference);
  if (ids.length < count) throw new Error(`only ${ids.length} unclaimed cases`);
  return ids.slice(0, count);
}

/** All moderators claim one case at the same moment: exactly one may win. */
export async function claimRace(
  base: string,
  tokens: string[],
  caseId: string,
): Promise<ClaimRound> {
  const answers = await Promise.all(
    tokens.map(async (token) => {
      const start = process.hrtime.bigint();
      const response = await fetch(`${base}/v1/cases/${caseId}/claim`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      return { status: response.status, ms: Number(process.hrtime.bigint() - start) / 1e6 };
    }),
  );
  return {
    caseId,
    won: answers.filter((answer) => answer.status === 200).length,
    refused: answers.filter((answer) => answer.status === 409).length,
    other: answers.filter((answer) => answer.status !== 200 && answer.status !== 409).length,
    otherStatuses: answers
      .filter((answer) => answer.status !== 200 && answer.status !== 409)
      .reduce<Record<number, number>>(
        (counts, answer) => ({ ...counts, [answer.status]: (counts[answer.status] ?? 0) + 1 }),
        {},
      ),
    ms: answers.map((answer) => answer.ms),
  };
}
