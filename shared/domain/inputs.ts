/**
 * The inputs library: the sources a zero draft is built from (session summaries, the
 * stocktaking chair's summary, reports, submissions) and their passages, and the links from
 * paragraphs (by stable id) to passages.
 */

/** What kind of input a source is. */
export type SourceKind =
  | 'thematic-session-summary'
  | 'stocktaking-summary'
  | 'regional-consultation'
  | 'hearing-summary'
  | 'secretary-general-report'
  | 'issue-brief'
  | 'member-state-submission'
  | 'stakeholder-submission'
  | 'other';

/** Every source kind, in the order the UI lists them. */
export const sourceKinds: readonly SourceKind[] = [
  'thematic-session-summary', 'stocktaking-summary', 'regional-consultation', 'hearing-summary',
  'secretary-general-report', 'issue-brief', 'member-state-submission', 'stakeholder-submission', 'other',
];

/** The six official UN languages (ISO 639-1). Inputs may be in others too ('und' when unknown). */
export const unLanguages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** A source as described before it is saved (from an import preview, the CLI or the sample). */
export interface SourceDraft {
  kind: SourceKind;
  title: string;
  /** The process event it belongs to (an id of the process calendar, e.g. 'thematic-3'), if any. */
  eventId: string | null;
  /** 'YYYY-MM-DD' or 'YYYY-MM', when known. */
  date: string | null;
  /** ISO 639-1 code, or 'und'. */
  language: string;
  /** Author or organisation. */
  author: string | null;
  /** Name of the imported file, if it came from one. */
  fileName: string | null;
}

/** A source in the library. */
export interface InputSource extends SourceDraft {
  id: string;
  importedAt: string;
  passageCount: number;
}

/** A passage as an importer proposes it, before it is saved. */
export interface PassageDraft {
  /** The source's own paragraph number ('12', '12 (a)', 'III.4'), when it has one. */
  number: string | null;
  text: string;
}

/** A saved passage. */
export interface InputPassage {
  id: string;
  sourceId: string;
  /** Position in the source, from 1. */
  ordinal: number;
  number: string | null;
  text: string;
}

/** A passage with the source it belongs to (as the Sources panel shows a linked passage). */
export type PassageWithSource = InputPassage & { source: InputSource };

/** A piece of a snippet; `match` pieces are what the query found. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** One search result: a passage, its source, a highlighted snippet, a score (higher is better). */
export interface SearchHit {
  passageId: string;
  sourceId: string;
  sourceTitle: string;
  sourceKind: SourceKind;
  eventId: string | null;
  language: string;
  passageNumber: string | null;
  ordinal: number;
  snippet: SnippetPart[];
  score: number;
}

/** Filters of a search; all optional. */
export interface SearchFilters {
  kinds?: SourceKind[];
  eventIds?: string[];
  languages?: string[];
  /** Source date from / to, inclusive ('YYYY-MM-DD' or 'YYYY-MM'). */
  from?: string;
  to?: string;
  limit?: number;
}

/** How a paragraph relates to a passage. */
export type LinkKind = 'draws-on' | 'responds-to' | 'departs-from';

/** Every link kind. */
export const linkKinds: readonly LinkKind[] = ['draws-on', 'responds-to', 'departs-from'];

/** A link from a paragraph (stable id) to a passage; kept in the Y.Doc so it syncs. */
export interface PassageLink {
  id: string;
  paragraphId: string;
  passageId: string;
  kind: LinkKind;
  note: string;
  createdAt: string;
}
