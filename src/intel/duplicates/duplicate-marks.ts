import type { DuplicateNeighbourhood, DuplicatePeer } from './likely-duplicates.repository';

/** A case to mark as a likely duplicate of `originalId`. */
export interface DuplicateMark {
  caseId: string;
  originalId: string;
}

/**
 * The marks a case's neighbourhood calls for: the case is a duplicate of the first of its shop's
 * earlier cases naming the same accused, and a later one of them, not yet marked, is a duplicate
 * of that first case. A case a moderator called separate, or one already marked, keeps its mark.
 */
export function duplicateMarks({ self, peers }: DuplicateNeighbourhood): DuplicateMark[] {
  const earlier = peers.filter((peer) => comesBefore(peer, self));
  const later = peers.filter((peer) => !comesBefore(peer, self));
  const marks: DuplicateMark[] = [];
  const original = self.likely_duplicate_of ?? earlier[0]?.id ?? self.id;
  if (isUnmarked(self) && earlier.length > 0) marks.push({ caseId: self.id, originalId: original });
  for (const peer of later) {
    if (isUnmarked(peer)) marks.push({ caseId: peer.id, originalId: original });
  }
  return marks;
}

function comesBefore(a: DuplicatePeer, b: DuplicatePeer): boolean {
  const at = a.created_at.getTime() - b.created_at.getTime();
  return at < 0 || (at === 0 && a.id < b.id);
}

function isUnmarked(peer: DuplicatePeer): boolean {
  return peer.likely_duplicate_of === null && peer.marked_separate_at === null;
}
