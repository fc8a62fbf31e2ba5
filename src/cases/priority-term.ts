/** One term of the queue priority formula: what it weighs, its points and what they came from. */
export interface PriorityTerm {
  term: string;
  points: number;
  detail?: string;
}
