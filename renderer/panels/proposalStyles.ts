import type { Proposal } from '../../shared/domain/proposalTypes';
import { proposalClass } from '../../shared/schema/negotiationSchema';

/** A delegation's colour: the same everywhere (text, panel), derived from its code. */
export function delegationColor(code: string): string {
  let hash = 0;
  for (const character of code) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 70% 36%)`;
}

function escapeAttribute(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

/** Which proposals a view of the text shows: all (compilation), none pending (clean), all as if accepted, or one delegation's. */
export type ProposalView = 'compilation' | 'clean' | 'as-accepted' | { delegation: string };

type Effect = 'shown' | 'applied' | 'dropped';

/** How a proposal affects the text in a view: shown as a proposal, applied, or left out. */
export function proposalEffect(proposal: Proposal, view: ProposalView): Effect {
  const decided = proposal.status === 'accepted' ? 'applied' : proposal.status === 'pending' || proposal.status === 'conflict' ? 'pending' : 'dropped';
  if (decided !== 'pending') return decided;
  if (view === 'clean') return 'dropped';
  if (view === 'as-accepted') return 'applied';
  if (typeof view === 'object' && !proposal.proposers.includes(view.delegation) && proposal.onBehalfOf !== view.delegation) return 'dropped';
  return 'shown';
}

/**
 * The style sheet that draws proposals in the text for a view: shown ones in their
 * delegation's colour; applied ones as the agreed text would read (insertions plain, deletions
 * gone); dropped ones gone (insertions) or plain (deletions). Marks carry only the proposal id,
 * so this sheet is where status and colour meet the text: no per-keystroke work.
 */
export function proposalStyleSheet(proposals: readonly Proposal[], view: ProposalView = 'compilation'): string {
  const rules: string[] = [];
  for (const proposal of proposals) {
    // Classes, not attribute selectors: at 10,000 proposals the style engine finds class rules
    // by name, while every attribute rule would be tried against each restyled element.
    const selector = `.${proposalClass(proposal.id)}`;
    const paragraph = `.zd-text p${selector}`;
    rules.push(`.zd-text ${selector} { --zd-proposal: ${delegationColor(proposal.proposers[0] ?? '')}; }`);
    const effect = proposalEffect(proposal, view);
    if (effect === 'applied') {
      rules.push(`.zd-text ins${selector} { color: inherit; text-decoration: none; background: none; }`, `.zd-text del${selector} { display: none; }`, `${paragraph} { color: inherit; }`);
    } else if (effect === 'dropped') {
      rules.push(`.zd-text ins${selector}, ${paragraph} { display: none; }`, `.zd-text del${selector} { color: inherit; text-decoration: none; }`);
    } else {
      if (proposal.kind === 'move' && proposal.paragraphId !== null && proposal.moveTarget !== null) {
        const color = delegationColor(proposal.proposers[0] ?? '');
        rules.push(`.zd-text [data-id="${escapeAttribute(proposal.paragraphId)}"] { outline: 2px dashed ${color}; outline-offset: 2px; }`);
        if (proposal.moveTarget.afterId !== null) rules.push(`.zd-text [data-id="${escapeAttribute(proposal.moveTarget.afterId)}"] { box-shadow: 0 5px 0 -2px ${color}; }`);
      }
      rules.push(`${paragraph} { color: var(--zd-proposal); box-shadow: inset 3px 0 0 var(--zd-proposal); }`);
      if (proposal.status === 'conflict') rules.push(`.zd-text ${selector} { outline: 2px dashed var(--zd-error); }`);
    }
  }
  return rules.join('\n');
}

/** "(EU; supported by Norway, Switzerland; opposed by Mexico)" */
export function attribution(proposal: Proposal, name: (code: string) => string, words: { supported: string; opposed: string; status: (status: string) => string }): string {
  const parts = [proposal.proposers.map(name).join(', ') + (proposal.onBehalfOf === null ? '' : ` / ${name(proposal.onBehalfOf)}`)];
  if (proposal.supporters.length > 0) parts.push(`${words.supported} ${proposal.supporters.map(name).join(', ')}`);
  if (proposal.opponents.length > 0) parts.push(`${words.opposed} ${proposal.opponents.map(name).join(', ')}`);
  if (proposal.status !== 'pending') parts.push(words.status(proposal.status));
  return `(${parts.join('; ')})`;
}
