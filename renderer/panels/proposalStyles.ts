import type { Proposal } from '../../shared/domain/proposalTypes';

/** A delegation's colour: the same everywhere (text, panel), derived from its code. */
export function delegationColor(code: string): string {
  let hash = 0;
  for (const character of code) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 70% 36%)`;
}

function escapeAttribute(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}

/**
 * The style sheet that draws proposals in the text: each proposal in its delegation's colour;
 * accepted insertions as plain text and accepted deletions gone (the text as agreed so far);
 * rejected, withdrawn or merged insertions gone and their deletions plain. Marks carry only the
 * proposal id, so this sheet is where status and colour meet the text (no per-keystroke work).
 */
export function proposalStyleSheet(proposals: readonly Proposal[]): string {
  const rules: string[] = [];
  for (const proposal of proposals) {
    const selector = `[data-pid="${escapeAttribute(proposal.id)}"]`;
    rules.push(`.zd-text ${selector} { --zd-proposal: ${delegationColor(proposal.proposers[0] ?? '')}; }`);
    if (proposal.status === 'accepted') {
      rules.push(`.zd-text ins${selector} { color: inherit; text-decoration: none; background: none; }`, `.zd-text del${selector} { display: none; }`);
    } else if (proposal.status === 'rejected' || proposal.status === 'withdrawn' || proposal.status === 'merged') {
      rules.push(`.zd-text ins${selector} { display: none; }`, `.zd-text del${selector} { color: inherit; text-decoration: none; }`);
    } else if (proposal.status === 'conflict') {
      rules.push(`.zd-text ${selector} { outline: 2px dashed var(--zd-error); }`);
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
