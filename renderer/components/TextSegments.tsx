import type { TextSegment } from '../../shared/schema/revisionComparison';

/** A redline of one text: inserted words in <ins>, deleted in <del>, the rest as they are. */
export function TextSegments({ segments }: { segments: readonly TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) => {
        if (segment.change === 'inserted') return <ins key={index}>{segment.text}</ins>;
        if (segment.change === 'deleted') return <del key={index}>{segment.text}</del>;
        return <span key={index}>{segment.text}</span>;
      })}
    </>
  );
}
