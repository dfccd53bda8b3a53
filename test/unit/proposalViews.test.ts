import { describe, it, expect } from 'vitest';
import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { negotiationSchema as schema, proposalClass } from '../../shared/schema/negotiationSchema';
import { proposalStyleSheet } from '../../renderer/panels/proposalStyles';
import { negotiationPlainText } from '../../shared/schema/plainText';
import { draftFromOutline } from '../../shared/schema/draftFromOutline';
import type { Proposal, ProposalStatus } from '../../shared/domain/proposalTypes';
import {
  compilationText, proposalAttribution, proposalTexts, proposalView, type ProposalView,
} from '../../shared/schema/proposalViews';

// --- building documents with the schema directly ---------------------------------------------

const ins = (pid: string): Mark => schema.marks.insertion!.create({ pid });
const del = (pid: string): Mark => schema.marks.deletion!.create({ pid });
const t = (text: string, ...marks: Mark[]): ProseMirrorNode => schema.text(text, marks);

function para(id: string, content: ProseMirrorNode[], proposal: string | null = null): ProseMirrorNode {
  return schema.node('paragraph', { id, proposal }, content);
}
function sub(id: string, content: ProseMirrorNode[], proposal: string | null = null): ProseMirrorNode {
  return schema.node('subparagraph', { id, proposal }, content);
}
function line(type: string, text: string): ProseMirrorNode {
  return schema.node(type, null, text === '' ? [] : [schema.text(text)]);
}
/** A document: title block, one section holding the blocks. */
function docOf(...blocks: ProseMirrorNode[]): ProseMirrorNode {
  const title = schema.node('titleBlock', null, [line('docSymbol', 'A/CONF.231/3'), line('docStatus', 'Zero draft'), line('docDate', ''), line('docTitle', 'Global Compact')]);
  return schema.node('doc', null, [title, schema.node('section', { id: 's1' }, [line('sectionHeading', 'Commitments'), ...blocks])]);
}

function proposal(id: string, fields: Partial<Proposal> = {}): Proposal {
  return {
    id, kind: 'add', proposers: ['EU'], onBehalfOf: null, supporters: [], opponents: [], round: 1,
    createdAt: '2018-02-20T10:00:00Z', note: '', paragraphId: null, decisions: [], status: 'pending', mergedInto: null, moveTarget: null,
    ...fields,
  };
}
function records(...list: Proposal[]): Map<string, Proposal> {
  return new Map(list.map((record) => [record.id, record]));
}

/** The numbered lines of a document (without the title block). */
function numberedLines(doc: ProseMirrorNode): string[] {
  return negotiationPlainText(doc).split('\n').filter((text) => /^(\d+\.|\([a-z]+\)) /.test(text));
}
function textOf(doc: ProseMirrorNode, proposals: Map<string, Proposal>, view: ProposalView): string[] {
  return numberedLines(proposalView(doc, proposals, view));
}
function proposalTraces(doc: ProseMirrorNode): string[] {
  const traces: string[] = [];
  doc.descendants((node) => {
    if (node.attrs.proposal) traces.push(`attr:${String(node.attrs.proposal)}`);
    for (const mark of node.marks) if (mark.type.name === 'insertion' || mark.type.name === 'deletion') traces.push(mark.type.name);
    return true;
  });
  return traces;
}
/** Compilation body lines (after the title block). */
function compiled(doc: ProseMirrorNode, proposals: Map<string, Proposal>, options?: Parameters<typeof compilationText>[2]): string[] {
  return compilationText(doc, proposals, options).split('\n').filter((text) => /^(\d+\.|\([a-z]+\)) /.test(text));
}

const statuses: ProposalStatus[] = ['pending', 'accepted', 'rejected', 'withdrawn', 'merged', 'conflict'];

// --- proposalView ----------------------------------------------------------------------------

describe('proposalView', () => {
  const addDoc = docOf(para('p1', [t('States shall '), t('fully ', ins('a')), t('ensure safe migration.')]));
  const deleteDoc = docOf(para('p1', [t('States shall ensure '), t('all ', del('d')), t('migrants are safe.')]));
  const replaceDoc = docOf(para('p1', [t('States shall '), t('ensure', del('r')), t('strive to ensure', ins('r')), t(' safe migration.')]));

  it('add: the inserted words appear only when accepted (clean) or not closed (as accepted)', () => {
    expect(textOf(addDoc, records(proposal('a')), 'clean')).toEqual(['1. States shall ensure safe migration.']);
    expect(textOf(addDoc, records(proposal('a')), 'as-accepted')).toEqual(['1. States shall fully ensure safe migration.']);
    expect(textOf(addDoc, records(proposal('a', { status: 'accepted' })), 'clean')).toEqual(['1. States shall fully ensure safe migration.']);
  });

  it('delete: the words disappear only when the deletion takes effect', () => {
    expect(textOf(deleteDoc, records(proposal('d', { kind: 'delete' })), 'clean')).toEqual(['1. States shall ensure all migrants are safe.']);
    expect(textOf(deleteDoc, records(proposal('d', { kind: 'delete' })), 'as-accepted')).toEqual(['1. States shall ensure migrants are safe.']);
    expect(textOf(deleteDoc, records(proposal('d', { kind: 'delete', status: 'accepted' })), 'clean')).toEqual(['1. States shall ensure migrants are safe.']);
  });

  it('replace: deletion and insertion with one pid switch together', () => {
    const pending = records(proposal('r', { kind: 'replace' }));
    expect(textOf(replaceDoc, pending, 'clean')).toEqual(['1. States shall ensure safe migration.']);
    expect(textOf(replaceDoc, pending, 'as-accepted')).toEqual(['1. States shall strive to ensure safe migration.']);
    expect(textOf(replaceDoc, records(proposal('r', { kind: 'replace', status: 'accepted' })), 'clean')).toEqual(['1. States shall strive to ensure safe migration.']);
    expect(textOf(replaceDoc, records(proposal('r', { kind: 'replace', status: 'rejected' })), 'as-accepted')).toEqual(['1. States shall ensure safe migration.']);
  });

  it('applies each status in clean and as-accepted', () => {
    const cleanShows = { pending: false, accepted: true, rejected: false, withdrawn: false, merged: false, conflict: false };
    const asAcceptedShows = { pending: true, accepted: true, rejected: false, withdrawn: false, merged: false, conflict: true };
    for (const status of statuses) {
      const add = records(proposal('a', { status }));
      const remove = records(proposal('d', { kind: 'delete', status }));
      expect(textOf(addDoc, add, 'clean')[0]?.includes('fully'), `add ${status} clean`).toBe(cleanShows[status]);
      expect(textOf(addDoc, add, 'as-accepted')[0]?.includes('fully'), `add ${status} as-accepted`).toBe(asAcceptedShows[status]);
      expect(textOf(deleteDoc, remove, 'clean')[0]?.includes('all migrants'), `delete ${status} clean`).toBe(!cleanShows[status]);
      expect(textOf(deleteDoc, remove, 'as-accepted')[0]?.includes('all migrants'), `delete ${status} as-accepted`).toBe(!asAcceptedShows[status]);
    }
  });

  it('treats a pid without a record as pending', () => {
    expect(textOf(addDoc, new Map(), 'clean')).toEqual(['1. States shall ensure safe migration.']);
    expect(textOf(addDoc, new Map(), 'as-accepted')).toEqual(['1. States shall fully ensure safe migration.']);
    expect(textOf(deleteDoc, new Map(), 'as-accepted')).toEqual(['1. States shall ensure migrants are safe.']);
  });

  it('returns a new document without proposal marks or proposal attrs, keeping ids, status, strong and em', () => {
    const strong = schema.marks.strong!.create();
    const doc = docOf(
      para('p1', [t('Agreed ', strong), t('new ', strong, ins('a')), t('words', strong)]),
      para('p2', [t('Proposed paragraph', ins('n'))], 'n'),
    );
    const view = proposalView(doc, records(proposal('a', { status: 'accepted' }), proposal('n', { kind: 'new-paragraph', status: 'accepted' })), 'clean');
    expect(proposalTraces(view)).toEqual([]);
    const first = view.child(1).child(1);
    expect(first.attrs.id).toBe('p1');
    expect(first.childCount).toBe(1); // neighbouring text with the same marks is joined
    expect(first.firstChild?.text).toBe('Agreed new words');
    expect(first.firstChild?.marks.map((mark) => mark.type.name)).toEqual(['strong']);
    expect(view.child(1).child(2).attrs).toMatchObject({ id: 'p2', proposal: null });
    expect(() => view.check()).not.toThrow();
    expect(proposalTraces(doc)).not.toEqual([]); // the input is untouched
  });

  it('overlapping proposals of two delegations on the same words: any accepted deletion removes them', () => {
    const doc = docOf(para('p1', [t('ensure '), t('all', del('eu'), del('mex')), t(' migrants')]));
    const both = (eu: ProposalStatus, mex: ProposalStatus) => records(proposal('eu', { kind: 'delete', status: eu }), proposal('mex', { kind: 'delete', proposers: ['MEX'], status: mex }));
    expect(textOf(doc, both('pending', 'pending'), 'clean')).toEqual(['1. ensure all migrants']);
    expect(textOf(doc, both('pending', 'accepted'), 'clean')).toEqual(['1. ensure  migrants']);
    expect(textOf(doc, both('rejected', 'pending'), 'as-accepted')).toEqual(['1. ensure  migrants']);
    expect(textOf(doc, both('rejected', 'withdrawn'), 'as-accepted')).toEqual(['1. ensure all migrants']);
  });

  it('overlapping insertions: nested words need every insertion they sit in', () => {
    const doc = docOf(para('p1', [t('ensure '), t('safe ', ins('a')), t('and regular ', ins('a'), ins('b')), t('migration')]));
    expect(textOf(doc, records(proposal('a', { status: 'accepted' }), proposal('b', { status: 'rejected' })), 'clean')).toEqual(['1. ensure safe migration']);
    expect(textOf(doc, records(proposal('a', { status: 'rejected' }), proposal('b', { status: 'accepted' })), 'clean')).toEqual(['1. ensure migration']);
    expect(textOf(doc, records(proposal('a', { status: 'accepted' }), proposal('b', { status: 'accepted' })), 'clean')).toEqual(['1. ensure safe and regular migration']);
  });

  it('insertion inside another delegation\'s deletion: visible iff the insertion counts and the deletion does not', () => {
    const doc = docOf(para('p1', [t('safe, '), t('orderly and ', del('mex')), t('regular ', del('mex'), ins('eu')), t('migration')]));
    const with2 = (eu: ProposalStatus, mex: ProposalStatus) => records(proposal('eu', { status: eu }), proposal('mex', { kind: 'delete', proposers: ['MEX'], status: mex }));
    expect(textOf(doc, with2('accepted', 'pending'), 'clean')).toEqual(['1. safe, orderly and regular migration']);
    expect(textOf(doc, with2('accepted', 'accepted'), 'clean')).toEqual(['1. safe, migration']);
    expect(textOf(doc, with2('pending', 'pending'), 'clean')).toEqual(['1. safe, orderly and migration']);
    expect(textOf(doc, with2('pending', 'pending'), 'as-accepted')).toEqual(['1. safe, migration']);
    expect(textOf(doc, with2('pending', 'rejected'), 'as-accepted')).toEqual(['1. safe, orderly and regular migration']);
  });

  it('a proposed new paragraph follows the insertion rule; numbering follows the resulting text', () => {
    const doc = docOf(
      para('p1', [t('First.')]),
      para('p2', [t('A new paragraph.')], 'n'),
      sub('p2a', [t('with its own item')], 'n'),
      para('p3', [t('Third.')]),
    );
    for (const status of statuses) {
      const proposals = records(proposal('n', { kind: 'new-paragraph', status }));
      const withNew = ['1. First.', '2. A new paragraph.', '(a) with its own item', '3. Third.'];
      const without = ['1. First.', '2. Third.'];
      expect(textOf(doc, proposals, 'clean'), `clean ${status}`).toEqual(status === 'accepted' ? withNew : without);
      expect(textOf(doc, proposals, 'as-accepted'), `as-accepted ${status}`)
        .toEqual(['accepted', 'pending', 'conflict'].includes(status) ? withNew : without);
    }
  });

  it('keeps a paragraph emptied by deletions so the numbering does not jump', () => {
    const doc = docOf(para('p1', [t('One.')]), para('p2', [t('Delete me.', del('d'))]), para('p3', [t('Three.')]));
    expect(textOf(doc, records(proposal('d', { kind: 'delete', status: 'accepted' })), 'clean')).toEqual(['1. One.', '2. ', '3. Three.']);
  });

  it('does not depend on the order of marks (replicas differ)', () => {
    const a = docOf(para('p1', [t('x '), t('all', del('eu'), del('mex'), ins('chl')), t(' y', ins('eu'), ins('mex'))]));
    const b = docOf(para('p1', [t('x '), t('all', ins('chl'), del('mex'), del('eu')), t(' y', ins('mex'), ins('eu'))]));
    expect(a.eq(b)).toBe(false); // same content, marks in another order
    for (const status of statuses) {
      const proposals = records(proposal('eu', { status }), proposal('mex', { proposers: ['MEX'], status: 'pending' }), proposal('chl', { proposers: ['CHL'], status: 'accepted' }));
      for (const view of ['clean', 'as-accepted'] as const) {
        expect(proposalView(a, proposals, view).eq(proposalView(b, proposals, view))).toBe(true);
      }
      expect(compilationText(a, proposals)).toBe(compilationText(b, proposals));
      expect(compilationText(a, proposals, { delegation: 'MEX' })).toBe(compilationText(b, proposals, { delegation: 'MEX' }));
    }
    expect([...proposalTexts(a)].sort()).toEqual([...proposalTexts(b)].sort());
  });
});

// --- compilationText -------------------------------------------------------------------------

describe('compilationText', () => {
  const replaceDoc = docOf(para('p1', [t('States shall '), t('ensure', del('r')), t('strive to ensure', ins('r')), t(' safe migration.')]));

  it('writes a replacement as in a UN compilation, attributed once after the insertion', () => {
    const proposals = records(proposal('r', { kind: 'replace', supporters: ['NOR', 'CHE'], opponents: ['MEX'] }));
    expect(compiled(replaceDoc, proposals)).toEqual([
      '1. States shall ~~ensure~~**strive to ensure** (EU; supported by Norway, Switzerland; opposed by Mexico) safe migration.',
    ]);
  });

  it('appends the status when not pending', () => {
    expect(compiled(replaceDoc, records(proposal('r', { status: 'accepted' })))).toEqual(['1. States shall ~~ensure~~**strive to ensure** (EU; accepted) safe migration.']);
    for (const status of ['rejected', 'withdrawn', 'merged', 'conflict'] as const) {
      expect(compiled(replaceDoc, records(proposal('r', { status, opponents: ['MEX'] })))[0]).toContain(`(EU; opposed by Mexico; ${status})`);
    }
  });

  it('names delegations from the registry: group short labels, States by name, in the language', () => {
    const record = proposal('r', { proposers: ['EGY'], onBehalfOf: 'G77', supporters: ['CARICOM', 'nor'], opponents: ['MEX', 'XYZ'] });
    expect(proposalAttribution('r', record)).toBe('Egypt on behalf of G77 and China; supported by CARICOM, Norway; opposed by Mexico, XYZ');
    expect(proposalAttribution('r', proposal('r', { supporters: ['NOR', 'CHE'], opponents: ['MEX'] }), 'zh')).toBe('EU; supported by 挪威, 瑞士; opposed by 墨西哥');
    expect(compiled(replaceDoc, records(proposal('r', { proposers: ['CHN'] })), { language: 'zh' })[0]).toContain('(中国)');
    expect(compiled(replaceDoc, new Map())[0]).toContain('**strive to ensure** (r) safe'); // no record: the pid
  });

  it('writes additions and deletions, moving spaces out of the markers', () => {
    const doc = docOf(para('p1', [t('States shall '), t('fully ', ins('a')), t('ensure '), t('all ', del('d')), t('migrants are safe.')]));
    const proposals = records(proposal('a', { proposers: ['CHE'] }), proposal('d', { proposers: ['MEX'], kind: 'delete' }));
    expect(compiled(doc, proposals)).toEqual(['1. States shall **fully** (Switzerland) ensure ~~all~~ (Mexico) migrants are safe.']);
  });

  it('attributes overlapping proposals of two delegations on the same words, earlier first', () => {
    const doc = docOf(para('p1', [t('ensure '), t('all', del('mex'), del('eu')), t(' migrants')]));
    const proposals = records(
      proposal('eu', { kind: 'delete', createdAt: '2018-02-20T10:00:00Z', supporters: ['NOR'] }),
      proposal('mex', { kind: 'delete', proposers: ['MEX'], createdAt: '2018-02-20T11:00:00Z' }),
    );
    expect(compiled(doc, proposals)).toEqual(['1. ensure ~~all~~ (EU; supported by Norway) (Mexico) migrants']);
  });

  it('shows an insertion inside another delegation\'s deletion', () => {
    const doc = docOf(para('p1', [t('safe, '), t('orderly and ', del('mex')), t('regular ', del('mex'), ins('eu')), t('migration')]));
    const proposals = records(proposal('eu'), proposal('mex', { kind: 'delete', proposers: ['MEX'] }));
    expect(compiled(doc, proposals)).toEqual(['1. safe, ~~orderly and~~ ~~**regular**~~ (EU) (Mexico) migration']);
  });

  it('shows a proposed new paragraph as an insertion, keeping the document numbering', () => {
    const doc = docOf(
      para('p1', [t('First.')]),
      para('p2', [t('A new paragraph.')], 'n'),
      para('p3', [], 'e'),
      para('p4', [t('Fourth.')]),
    );
    const proposals = records(proposal('n', { kind: 'new-paragraph', proposers: ['CARICOM'] }), proposal('e', { kind: 'new-paragraph', proposers: ['MEX'], status: 'rejected' }));
    expect(compiled(doc, proposals)).toEqual(['1. First.', '2. **A new paragraph.** (CARICOM)', '3. (Mexico; rejected)', '4. Fourth.']);
  });

  it('keeps the numbering of the plain text: same title, headings and labels', () => {
    const plain = draftFromOutline({
      symbol: 'A/CONF.231/3', status: 'Zero draft', date: '5 February 2018', title: 'Global Compact',
      sections: [
        { heading: 'Preamble', blocks: [{ kind: 'paragraph', text: 'Alpha one' }, { kind: 'paragraph', text: 'Bravo two', subparagraphs: ['bravo a', ''] }] },
        { heading: 'Commitments', blocks: [{ kind: 'objective', title: 'Safe migration', paragraphs: [{ kind: 'paragraph', text: 'Charlie three' }] }] },
      ],
    });
    expect(compilationText(plain, new Map())).toBe(negotiationPlainText(plain));
    expect(compilationText(plain, new Map(), { delegation: 'EU' })).toBe(negotiationPlainText(plain));
    // Mark the first words of every block: the labels stay those of the plain text.
    const transform = new Transform(plain);
    plain.descendants((node, pos) => {
      if ((node.type.name === 'paragraph' || node.type.name === 'subparagraph') && node.content.size > 0) {
        transform.addMark(pos + 1, pos + 1 + Math.min(3, node.content.size), del('x'));
      }
      return true;
    });
    const withMarks = transform.doc;
    const label = (text: string) => text.split(' ')[0];
    const compiledLines = compilationText(withMarks, new Map()).split('\n');
    const plainLines = negotiationPlainText(plain).split('\n');
    expect(compiledLines.length).toBe(plainLines.length);
    expect(compiledLines.map(label)).toEqual(plainLines.map(label));
    expect(compiledLines).toContain('1. ~~Alp~~ (x)ha one');
    expect(compiledLines).toContain('(a) ~~bra~~ (x)vo a');
  });

  it('with a delegation, shows only its proposals; others read as in the clean view', () => {
    const doc = docOf(
      para('p1', [t('States shall '), t('fully ', ins('eu1')), t('ensure '), t('all ', del('mex1')), t('migrants '), t('and their families ', ins('che1')), t('are '), t('safe', del('che2')), t('.')]),
      para('p2', [t('Mexican paragraph.')], 'mex2'),
      para('p3', [t('Group paragraph.')], 'g77'),
      para('p4', [t('Last.')]),
    );
    const proposals = records(
      proposal('eu1'),
      proposal('mex1', { kind: 'delete', proposers: ['MEX'], status: 'pending' }),
      proposal('che1', { proposers: ['CHE'], status: 'accepted' }),
      proposal('che2', { kind: 'delete', proposers: ['CHE'], status: 'accepted' }),
      proposal('mex2', { kind: 'new-paragraph', proposers: ['MEX'] }),
      proposal('g77', { kind: 'new-paragraph', proposers: ['EGY'], onBehalfOf: 'G77' }),
    );
    expect(compiled(doc, proposals, { delegation: 'EU' })).toEqual([
      '1. States shall **fully** (EU) ensure all migrants and their families are .',
      '4. Last.',
    ]);
    expect(compiled(doc, proposals, { delegation: 'mex' })).toEqual([
      '1. States shall ensure ~~all~~ (Mexico) migrants and their families are .',
      '2. **Mexican paragraph.** (Mexico)',
      '4. Last.',
    ]);
    expect(compiled(doc, proposals, { delegation: 'G77' })).toEqual([
      '1. States shall ensure all migrants and their families are .',
      '3. **Group paragraph.** (Egypt on behalf of G77 and China)',
      '4. Last.',
    ]);
    expect(compiled(doc, proposals, { delegation: 'EGY' })[1]).toBe('3. **Group paragraph.** (Egypt on behalf of G77 and China)');
    expect(compiled(doc, proposals)[0]).toBe(
      '1. States shall **fully** (EU) ensure ~~all~~ (Mexico) migrants **and their families** (Switzerland; accepted) are ~~safe~~ (Switzerland; accepted).',
    );
  });

  it('with a delegation, resolves another proposal\'s deletion over its insertion as in the clean view', () => {
    const doc = docOf(para('p1', [t('safe, '), t('orderly and ', del('mex')), t('regular ', del('mex'), ins('eu')), t('migration')]));
    const pending = records(proposal('eu'), proposal('mex', { kind: 'delete', proposers: ['MEX'] }));
    expect(compiled(doc, pending, { delegation: 'EU' })).toEqual(['1. safe, orderly and **regular** (EU) migration']);
    const accepted = records(proposal('eu'), proposal('mex', { kind: 'delete', proposers: ['MEX'], status: 'accepted' }));
    expect(compiled(doc, accepted, { delegation: 'EU' })).toEqual(['1. safe, migration']);
  });
});

// --- proposalTexts ---------------------------------------------------------------------------

describe('proposalTexts', () => {
  it('lists the words each proposal inserts and deletes and its paragraph', () => {
    const doc = docOf(
      para('p1', [t('States shall '), t('ensure', del('r')), t('strive to ensure', ins('r')), t(' safe '), t('and', del('eu'), del('mex')), t(' orderly '), t('regular', del('mex')), t(' migration')]),
      sub('p1a', [t('first item '), t('added', ins('a'))]),
      para('p2', [t('A new '), t('paragraph', ins('n'))], 'n'),
      sub('p2a', [t('its item')], 'n'),
      para('p3', [], 'e'),
    );
    const texts = proposalTexts(doc);
    expect(texts.get('r')).toEqual({ inserted: 'strive to ensure', deleted: 'ensure', paragraphId: 'p1' });
    expect(texts.get('eu')).toEqual({ inserted: '', deleted: 'and', paragraphId: 'p1' });
    expect(texts.get('mex')).toEqual({ inserted: '', deleted: 'and … regular', paragraphId: 'p1' });
    expect(texts.get('a')).toEqual({ inserted: 'added', deleted: '', paragraphId: 'p1' });
    expect(texts.get('n')).toEqual({ inserted: 'A new paragraph\nits item', deleted: '', paragraphId: 'p2' });
    expect(texts.get('e')).toEqual({ inserted: '', deleted: '', paragraphId: 'p3' });
    expect([...texts.keys()].sort()).toEqual(['a', 'e', 'eu', 'mex', 'n', 'r']);
  });

  it('gives null for a sub-paragraph that precedes every paragraph', () => {
    const doc = docOf(sub('s0', [t('orphan', ins('x'))]), para('p1', [t('text')]));
    expect(proposalTexts(doc).get('x')).toEqual({ inserted: 'orphan', deleted: '', paragraphId: null });
  });
});

describe('the proposal style sheet', () => {
  it('addresses proposals by a class made from their id (class rules are looked up by name), for any id', () => {
    expect(proposalClass('p3f-abc123')).toBe('zd-p-p3f-abc123');
    expect(proposalClass('p3f-abc123+')).toBe('zd-p-p3f-abc123_2b_');
    const proposal = {
      id: 'p3f-abc123+', kind: 'add', proposers: ['EU'], onBehalfOf: null, supporters: [], opponents: [], round: 1, createdAt: '', note: '',
      paragraphId: null, decisions: [], status: 'pending', mergedInto: null, moveTarget: null,
    } as const satisfies Proposal;
    const sheet = proposalStyleSheet([proposal], 'clean');
    expect(sheet).toContain('.zd-text ins.zd-p-p3f-abc123_2b_ { display: none; }'.replace(' { display', ', .zd-text p.zd-p-p3f-abc123_2b_ { display'));
    expect(sheet).not.toContain('[data-pid');
    const marked = schema.marks.insertion!.create({ pid: proposal.id });
    const rendered = schema.marks.insertion!.spec.toDOM!(marked, true) as [string, Record<string, string>];
    expect(rendered[1]!.class!.split(' ')).toContain(proposalClass(proposal.id));
  });
});
