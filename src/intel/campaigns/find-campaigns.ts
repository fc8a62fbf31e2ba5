import { createHash } from 'node:crypto';
import { compareText, distinctHitsInOrder, type Hit } from './campaign-hits';
import { checkCampaignRules, type CampaignRules } from './campaign-rules';
import { ringGroups } from './ring-cores';
import { siegeBursts } from './siege-bursts';

export type CampaignKind = 'siege' | 'ring';

/** A coordinated attack found in order records, with what a moderator needs to judge it. */
export interface FoundCampaign {
  kind: CampaignKind;
  /** Names the campaign across runs, so that detection on more data updates it, not repeats it. */
  key: string;
  accounts: string[];
  sellers: string[];
  /** The first and the last hit. */
  startsAt: Date;
  endsAt: Date;
  hitCount: number;
  /** Hits per UTC hour that has any, e.g. `2026-03-02T13:00:00.000Z`, in time order. */
  perHour: { hour: string; count: number }[];
  /** Hits per UTC day that has any, in time order. */
  perDay: { day: string; count: number }[];
}

/**
 * The sieges (many accounts against one seller in a short window, see `siegeBursts`) and rings
 * (the same accounts across several sellers, see `ringGroups`) in a set of hits. Hits that repeat
 * (same seller, account, time and reason) count once, and the order of the input does not matter.
 * A hit can belong to a siege and a ring at once. O(n log n) for the sort and linear after it,
 * except that a hit of the few accounts that could be in a ring at all is looked at once per
 * ring window it falls in (at most `ringWindowDays`).
 */
export function findCampaigns(hits: readonly Hit[], rules: CampaignRules): FoundCampaign[] {
  checkCampaignRules(rules);
  const ordered = distinctHitsInOrder(hits);
  const found = [
    ...siegeBursts(ordered, rules).map((campaignHits) => describe('siege', campaignHits)),
    ...ringGroups(ordered, rules).map((campaignHits) => describe('ring', campaignHits)),
  ];
  return withKeys(found).sort(
    (a, b) =>
      a.startsAt.getTime() - b.startsAt.getTime() ||
      compareText(a.kind, b.kind) ||
      compareText(a.key, b.key),
  );
}

/** Hits in time order, never empty. */
function describe(kind: CampaignKind, hits: Hit[]): Omit<FoundCampaign, 'key'> {
  return {
    kind,
    accounts: sortedDistinct(hits.map((hit) => hit.account)),
    sellers: sortedDistinct(hits.map((hit) => hit.sellerId)),
    startsAt: new Date(hits[0].at.getTime()),
    endsAt: new Date(hits[hits.length - 1].at.getTime()),
    hitCount: hits.length,
    perHour: countRuns(hits.map((hit) => hourOf(hit.at))).map(([hour, count]) => ({
      hour,
      count,
    })),
    perDay: countRuns(hits.map((hit) => dayOf(hit.at))).map(([day, count]) => ({ day, count })),
  };
}

/**
 * The key is the kind, the sellers and the UTC day of the first hit: what stays put when a later
 * run sees more of the same attack. Two campaigns of one kind on the same sellers starting the
 * same day (short siege windows) are told apart by their order in that day.
 */
function withKeys(found: Omit<FoundCampaign, 'key'>[]): FoundCampaign[] {
  const inStartOrder = [...found].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const seen = new Map<string, number>();
  return inStartOrder.map((campaign) => {
    const base = [campaign.kind, campaign.sellers, dayOf(campaign.startsAt)];
    const identity = JSON.stringify(base);
    const earlier = seen.get(identity) ?? 0;
    seen.set(identity, earlier + 1);
    const fingerprint = earlier === 0 ? identity : JSON.stringify([...base, earlier + 1]);
    return { ...campaign, key: createHash('sha256').update(fingerprint).digest('hex') };
  });
}

function sortedDistinct(values: string[]): string[] {
  return [...new Set(values)].sort(compareText);
}

/** Counts of equal neighbours, for values already in order. */
function countRuns(values: string[]): [string, number][] {
  const runs: [string, number][] = [];
  for (const value of values) {
    const last = runs.at(-1);
    if (last && last[0] === value) last[1]++;
    else runs.push([value, 1]);
  }
  return runs;
}

const HOUR_MS = 3_600_000;
const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS).toISOString();
const dayOf = (at: Date) => at.toISOString().slice(0, 10);
