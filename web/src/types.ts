// The shapes of the HTTP API's answers (docs/api.md), as the page reads them.
// Only the fields the page uses are named; the server may send more.

export interface Me {
  user: string;
  organisation: string;
  country: string;
  clearance: string;
  role: string;
  sees_everything: boolean;
  admin: boolean;
}

export interface LoginAnswer {
  token: string;
  user: string;
  expires: string;
}

export interface SearchHit {
  id: string;
  caption: string;
  schema: string;
  score: number;
  matched: string;
}

export interface SearchAnswer {
  query: string;
  results: SearchHit[];
}

/** One value of a property, with where it comes from and how far it may go. */
export interface PropertyValue {
  value: string;
  source: string;
  source_title: string;
  grading: string;
  reliability: string;
  credibility: number;
  marking: string;
  entity_id?: string;
  first_seen?: string;
  last_seen?: string;
}

export interface TieSource {
  id: string;
  title: string;
  reliability: string;
}

/** A node of the link graph: an entity as the chart draws it. */
export interface GraphNode {
  id: string;
  caption: string;
  schema: string;
  topics: string[];
}

export interface Tie {
  tie: string;
  schema: string;
  label: string;
  from: string;
  to: string;
  directed: boolean;
  other: string;
  other_caption: string;
  direction: 'out' | 'in' | 'both';
  grading: string;
  sources: TieSource[];
  marking: string;
  start?: string | null;
  end?: string | null;
  /** Only in the answer of /adjacent: the other end as a node. */
  node?: GraphNode;
}

export interface Sanction {
  id: string;
  authority: string[];
  program: string[];
  listingDate: string[];
}

export interface Entity {
  id: string;
  caption: string;
  schema: string;
  members: string[];
  topics: string[];
  properties: Record<string, PropertyValue[]>;
  conflicts: string[];
  ties: Tie[];
  sanctions: Sanction[];
  marking: string;
}

export interface Adjacent {
  entity: GraphNode;
  ties: Tie[];
}

/** A hop of a path: a tie walked from `from` to `to`. */
export interface Hop extends Tie {
  from_caption: string;
  to_caption: string;
  relation: string;
}

export interface Path {
  hops: Hop[];
  length: number | null;
  marking: string;
}

/** `/api/paths` answers one path (k=1) or, with k>1, a list of them. */
export interface PathAnswer extends Partial<Path> {
  from: string;
  to: string;
  paths?: Path[];
}

export interface Explanation {
  score: number;
  detail: string;
  weight?: number;
  contribution?: number;
}

export interface MatchResult {
  id: string;
  caption: string;
  schema: string;
  score: number;
  match: boolean;
  datasets: string[];
  topics?: string[];
  properties: Record<string, string[]>;
  explanations: Record<string, Explanation>;
}

export interface MatchQuery {
  schema: string;
  properties: Record<string, string[]>;
}

export interface MatchResponse {
  status?: number;
  results: MatchResult[];
  total?: { value: number; relation: string };
}

export interface MatchAnswer {
  responses: Record<string, MatchResponse>;
}

/** One side of a suggested pair: a node with its properties. */
export interface XrefSide extends GraphNode {
  properties: Record<string, Array<string | PropertyValue>>;
}

export interface XrefSuggestion {
  a: XrefSide;
  b: XrefSide;
  score: number;
  explanations: Record<string, Explanation>;
}

export type Judgement = 'positive' | 'negative' | 'unsure';
