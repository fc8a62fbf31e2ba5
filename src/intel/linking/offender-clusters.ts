/** The identifiers one reported party was described by (its link group). */
export interface LinkGroup {
  group: string;
  identifiers: string[];
}

/**
 * The clusters linking must end with, computed from scratch: connected components of identifiers
 * that share a link group. An identifier in more than `hubLimit` groups, or in `excluded`, links
 * nothing and belongs to no cluster. Clusters and their members come back sorted.
 */
export function offenderClusters(
  groups: LinkGroup[],
  hubLimit: number,
  excluded: ReadonlySet<string> = new Set(),
): string[][] {
  const groupCount = new Map<string, Set<string>>();
  for (const { group, identifiers } of groups) {
    for (const identifier of identifiers) {
      const seen = groupCount.get(identifier) ?? new Set<string>();
      seen.add(group);
      groupCount.set(identifier, seen);
    }
  }
  const linkable = (identifier: string) =>
    !excluded.has(identifier) && (groupCount.get(identifier)?.size ?? 0) <= hubLimit;

  const parent = new Map<string, string>();
  const find = (identifier: string): string => {
    let root = identifier;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(identifier, root);
    return root;
  };
  for (const identifier of groupCount.keys()) {
    if (linkable(identifier)) parent.set(identifier, identifier);
  }
  for (const { identifiers } of groups) {
    const members = identifiers.filter(linkable);
    for (const member of members.slice(1)) parent.set(find(member), find(members[0]));
  }
  const clusters = new Map<string, string[]>();
  for (const identifier of parent.keys()) {
    const root = find(identifier);
    clusters.set(root, [...(clusters.get(root) ?? []), identifier]);
  }
  return [...clusters.values()]
    .map((members) => members.sort())
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
