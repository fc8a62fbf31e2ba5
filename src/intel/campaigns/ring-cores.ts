import type { Hit } from './campaign-hits';
import type { CampaignRules } from './campaign-rules';

const DAY_MS = 86_400_000;

/**
 * The rings among hits already in time order.
 *
 * For every UTC day d on which a hit falls, take the hits in [d, d + ringWindowDays) as a graph of
 * accounts and the sellers they hit. Repeatedly drop accounts that hit fewer than `ringMinSellers`
 * of the sellers left, and sellers hit by fewer than `ringMinSharedAccounts` of the accounts left.
 * What survives (the graph's core) is a set of accounts that each hit at least 3 of the surviving
 * sellers, each of which was hit by at least 10 of them (with the defaults). The cores of all
 * windows, joined where they share an account or a seller, are the rings; a ring's hits are the
 * hits on its surviving account-seller pairs inside the windows where those pairs survived.
 *
 * The core rather than plain connected components, so that one big store shared by many
 * unrelated heavy shoppers does not join them into a ring.
 */
export function ringGroups(allHits: readonly Hit[], rules: CampaignRules): Hit[][] {
  const hits = hitsOfWideAccounts(allHits, rules.ringMinSellers);
  const graph = numberedPairs(hits);
  // A window's core lies inside the core of all the hits, so only hits on that core's pairs can
  // be in a ring; on ordinary data that is almost none, and the windows below cost little.
  const globalCore = corePairs(graph, allIndexes(hits.length), rules);
  const candidates = allIndexes(hits.length).filter((i) => globalCore.has(graph.pairOf[i]));
  const dayOf = (i: number) => Math.floor(hits[i].at.getTime() / DAY_MS);

  const inRing = new Set<number>();
  const components = new UnionFind(graph.accountCount + graph.sellerCount);
  let end = 0;
  let previousEnd = 0;
  for (let start = 0; start < candidates.length;) {
    const firstDay = dayOf(candidates[start]);
    while (end < candidates.length && dayOf(candidates[end]) < firstDay + rules.ringWindowDays) {
      end++;
    }
    // With no hit entering since the previous window this one holds a subset of it, and a
    // subset's core is inside the core already taken.
    if (start === 0 || end > previousEnd) {
      const windowHits = candidates.slice(start, end);
      const core = corePairs(graph, windowHits, rules);
      for (const i of windowHits) {
        if (!core.has(graph.pairOf[i])) continue;
        inRing.add(i);
        components.join(graph.accountOf[i], graph.accountCount + graph.sellerOf[i]);
      }
    }
    previousEnd = end;
    while (start < candidates.length && dayOf(candidates[start]) === firstDay) start++;
  }

  const rings = new Map<number, Hit[]>();
  for (const i of candidates) {
    if (!inRing.has(i)) continue;
    const ring = components.rootOf(graph.accountOf[i]);
    const ringHits = rings.get(ring);
    if (ringHits) ringHits.push(hits[i]);
    else rings.set(ring, [hits[i]]);
  }
  return [...rings.values()];
}

/**
 * The hits of accounts that hit at least `minSellers` sellers in all: the first step of peeling,
 * done with strings before the graph is built, because most accounts hit one seller once.
 */
function hitsOfWideAccounts(hits: readonly Hit[], minSellers: number): Hit[] {
  const sellersOf = new Map<string, string | Set<string>>();
  for (const { account, sellerId } of hits) {
    const known = sellersOf.get(account);
    if (known === undefined) sellersOf.set(account, sellerId);
    else if (typeof known !== 'string') known.add(sellerId);
    else if (known !== sellerId) sellersOf.set(account, new Set([known, sellerId]));
  }
  const sellerCount = (account: string) => {
    const known = sellersOf.get(account)!;
    return typeof known === 'string' ? 1 : known.size;
  };
  return hits.filter((hit) => sellerCount(hit.account) >= minSellers);
}

/** Accounts and sellers as small numbers, and each hit's account-seller pair as one number. */
interface NumberedPairs {
  accountCount: number;
  sellerCount: number;
  accountOf: number[];
  sellerOf: number[];
  pairOf: number[];
}

function numberedPairs(hits: readonly Hit[]): NumberedPairs {
  const accounts = new Map<string, number>();
  const sellers = new Map<string, number>();
  const numberOf = (names: Map<string, number>, name: string) => {
    const known = names.get(name);
    if (known !== undefined) return known;
    names.set(name, names.size);
    return names.size - 1;
  };
  const accountOf = hits.map((hit) => numberOf(accounts, hit.account));
  const sellerOf = hits.map((hit) => numberOf(sellers, hit.sellerId));
  const pairOf = accountOf.map((account, i) => account * sellers.size + sellerOf[i]);
  return { accountCount: accounts.size, sellerCount: sellers.size, accountOf, sellerOf, pairOf };
}

/**
 * The account-seller pairs of the (ringMinSellers, ringMinSharedAccounts)-core of some hits.
 * Dropping a node only ever weakens its neighbours, so each node is dropped at most once and the
 * peeling is linear in the number of pairs.
 */
function corePairs(graph: NumberedPairs, hitIndexes: number[], rules: CampaignRules): Set<number> {
  const pairs = new Set<number>();
  const sellersOf = new Map<number, number[]>();
  const accountsOf = new Map<number, number[]>();
  for (const i of hitIndexes) {
    if (pairs.has(graph.pairOf[i])) continue;
    pairs.add(graph.pairOf[i]);
    append(sellersOf, graph.accountOf[i], graph.sellerOf[i]);
    append(accountsOf, graph.sellerOf[i], graph.accountOf[i]);
  }
  const sellersLeft = new Map<number, number>();
  const accountsLeft = new Map<number, number>();
  const weakAccounts: number[] = [];
  const weakSellers: number[] = [];
  for (const [account, sellers] of sellersOf) {
    sellersLeft.set(account, sellers.length);
    if (sellers.length < rules.ringMinSellers) weakAccounts.push(account);
  }
  for (const [seller, accounts] of accountsOf) {
    accountsLeft.set(seller, accounts.length);
    if (accounts.length < rules.ringMinSharedAccounts) weakSellers.push(seller);
  }
  const droppedAccounts = new Set(weakAccounts);
  const droppedSellers = new Set(weakSellers);
  const weaken = (
    neighbours: number[],
    left: Map<number, number>,
    dropped: Set<number>,
    weak: number[],
    minimum: number,
  ) => {
    for (const neighbour of neighbours) {
      if (dropped.has(neighbour)) continue;
      const remaining = left.get(neighbour)! - 1;
      left.set(neighbour, remaining);
      if (remaining < minimum) {
        dropped.add(neighbour);
        weak.push(neighbour);
      }
    }
  };
  while (weakAccounts.length > 0 || weakSellers.length > 0) {
    const account = weakAccounts.pop();
    if (account !== undefined) {
      const sellers = sellersOf.get(account)!;
      weaken(sellers, accountsLeft, droppedSellers, weakSellers, rules.ringMinSharedAccounts);
    }
    const seller = weakSellers.pop();
    if (seller !== undefined) {
      const accounts = accountsOf.get(seller)!;
      weaken(accounts, sellersLeft, droppedAccounts, weakAccounts, rules.ringMinSellers);
    }
  }
  for (const pair of pairs) {
    const account = Math.floor(pair / graph.sellerCount);
    if (droppedAccounts.has(account) || droppedSellers.has(pair % graph.sellerCount)) {
      pairs.delete(pair);
    }
  }
  return pairs;
}

function append(lists: Map<number, number[]>, key: number, value: number): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

const allIndexes = (count: number) => Array.from({ length: count }, (_, i) => i);

class UnionFind {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
  }

  rootOf(node: number): number {
    let root = node;
    while (this.parent[root] !== root) root = this.parent[root];
    for (let at = node; this.parent[at] !== root;) {
      const up = this.parent[at];
      this.parent[at] = root;
      at = up;
    }
    return root;
  }

  join(a: number, b: number): void {
    const rootA = this.rootOf(a);
    const rootB = this.rootOf(b);
    if (rootA !== rootB) this.parent[rootA] = rootB;
  }
}
