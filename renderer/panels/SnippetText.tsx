import type { SnippetPart } from '../../shared/domain/inputs';

/** A search snippet with the matched words highlighted. */
export function SnippetText({ parts }: { parts: SnippetPart[] }) {
  return <p className="zd-snippet">{parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}</p>;
}
