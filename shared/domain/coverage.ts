import type { InputSource, PassageLink } from './inputs';

/** How much of one source (or of one process event's sources) the draft reflects. */
export interface SourceCoverage {
  sourceId: string;
  title: string;
  kind: InputSource['kind'];
  eventId: string | null;
  passages: number;
  /** Passages linked from at least one paragraph still in the text. */
  reflected: number;
  unreflectedPassageIds: string[];
}

/** Coverage of the inputs of one process event (e.g. a thematic session). */
export interface EventCoverage {
  eventId: string;
  passages: number;
  reflected: number;
}

/** How many inputs back a paragraph. */
export interface ParagraphCoverage {
  paragraphId: string;
  number: number;
  inputs: number;
}

/** Coverage of the whole library against the current text. */
export interface Coverage {
  sources: SourceCoverage[];
  events: EventCoverage[];
  paragraphs: ParagraphCoverage[];
  /** Numbered paragraphs with no linked input. */
  paragraphsWithoutInputs: number;
  totalPassages: number;
  reflectedPassages: number;
}

/**
 * Computes coverage from the library (sources and their passage ids), the links and the
 * numbered paragraphs of the text. Links of paragraphs no longer in the text do not count.
 */
export function computeCoverage(
  sources: readonly InputSource[],
  passagesBySource: ReadonlyMap<string, readonly string[]>,
  links: readonly PassageLink[],
  paragraphs: readonly { id: string; number: number }[],
): Coverage {
  const paragraphIds = new Set(paragraphs.map((paragraph) => paragraph.id));
  const liveLinks = links.filter((link) => paragraphIds.has(link.paragraphId));
  const linkedPassages = new Set(liveLinks.map((link) => link.passageId));
  const sourceCoverage = sources.map((source): SourceCoverage => {
    const passageIds = passagesBySource.get(source.id) ?? [];
    const unreflected = passageIds.filter((id) => !linkedPassages.has(id));
    return {
      sourceId: source.id, title: source.title, kind: source.kind, eventId: source.eventId,
      passages: passageIds.length, reflected: passageIds.length - unreflected.length, unreflectedPassageIds: unreflected,
    };
  });
  const events = new Map<string, EventCoverage>();
  for (const source of sourceCoverage) {
    if (source.eventId === null) continue;
    const event = events.get(source.eventId) ?? { eventId: source.eventId, passages: 0, reflected: 0 };
    event.passages += source.passages;
    event.reflected += source.reflected;
    events.set(source.eventId, event);
  }
  const inputsByParagraph = new Map<string, Set<string>>();
  for (const link of liveLinks) inputsByParagraph.set(link.paragraphId, (inputsByParagraph.get(link.paragraphId) ?? new Set()).add(link.passageId));
  const paragraphCoverage = paragraphs.map((paragraph) => ({ paragraphId: paragraph.id, number: paragraph.number, inputs: inputsByParagraph.get(paragraph.id)?.size ?? 0 }));
  return {
    sources: sourceCoverage,
    events: [...events.values()],
    paragraphs: paragraphCoverage,
    paragraphsWithoutInputs: paragraphCoverage.filter((paragraph) => paragraph.inputs === 0).length,
    totalPassages: sourceCoverage.reduce((sum, source) => sum + source.passages, 0),
    reflectedPassages: sourceCoverage.reduce((sum, source) => sum + source.reflected, 0),
  };
}
