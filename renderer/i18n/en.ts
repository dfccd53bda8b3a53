/** English UI strings. Keys are grouped by the part of the window they belong to. */
export const en = {
  app: { name: 'Zero Draft', loading: 'Opening…', noWorkspace: 'No workspace is open.', hostLost: 'The connection to the Zero Draft host was lost. Restart it and reload this page; everything acknowledged as saved is on disk.' },
  menu: {
    workspace: 'Workspace', new: 'New workspace…', open: 'Open…', openSample: 'Open the sample negotiation', close: 'Close', recent: 'Recent',
    noRecent: 'No recent workspaces', missing: '(missing)',
  },
  dialog: {
    newTitle: 'New workspace', openTitle: 'Open a workspace', path: 'File path', pathHint: 'Full path of a .zdraft file on this computer',
    sample: 'Start from the sample negotiation (Global Compact)', create: 'Create', open: 'Open', cancel: 'Cancel', browse: 'Browse…',
  },
  mode: { drafting: 'Drafting', proposal: 'Proposal: {{delegation}}', pick: 'Propose as… ("eu", "g77")', round: 'Round', roundNumber: 'Round {{number}}' },
  outline: { title: 'Outline', paragraphs: '¶ {{from}}–{{to}}', paragraph: '¶ {{number}}', none: 'no paragraphs', adRef: '{{count}} ad ref', agreed: '{{count}} agreed', objective: 'Obj. {{number}}', show: 'Show outline', hide: 'Hide outline' },
  panel: {
    paragraph: 'Paragraph', proposals: 'Proposals', sources: 'Sources', process: 'Process', delegations: 'Delegations', keys: 'Keys', noParagraph: 'Put the cursor in a paragraph to see it here.',
    number: 'Paragraph {{number}}', subparagraphOf: 'Sub-paragraph {{label}} of paragraph {{number}}', status: 'Status', id: 'Stable id',
    processIntro: 'The negotiation calendar (from A/RES/71/280). Edit months and days; changes are saved and shared with the text.',
    event: 'Event', month: 'Month', days: 'Days', venue: 'Venue',
  },
  status: {
    open: 'Open', 'agreed-ad-ref': 'Agreed ad ref.', agreed: 'Agreed',
    saved: 'Saved', savedAt: 'Saved {{time}}', saving: 'Saving…', error: 'Not saved: {{message}}',
    counts: '{{paragraphs}} paragraphs · {{words}} words', position: '¶ {{number}} of {{total}}', alreadySaved: 'Everything is already saved: Zero Draft stores each change as you type.',
  },
  keys: {
    newBlock: 'New paragraph (in a sub-paragraph: new sub-paragraph)', newParagraph: 'New paragraph after this one and its sub-paragraphs',
    newSubparagraph: 'New sub-paragraph', indent: 'Make a sub-paragraph', outdent: 'Make a paragraph', moveUp: 'Move paragraph up', moveDown: 'Move paragraph down',
    bold: 'Bold', italic: 'Italic', undo: 'Undo', redo: 'Redo', statusOpen: 'Status: open', statusAdRef: 'Status: agreed ad ref.', statusAgreed: 'Status: agreed',
    acceptProposal: 'Accept the proposal at the cursor', rejectProposal: 'Reject the proposal at the cursor',
    start: 'Start of the text', end: 'End of the text',
  },
  language: { en: 'EN', zh: '中文', label: 'Interface language' },
  view: { label: 'View of the text', compilation: 'All proposals', clean: 'Clean text', asAccepted: 'As if all accepted', only: 'Only {{delegation}}' },
  proposal: {
    title: 'Paragraph {{number}}: {{count}} proposals', all: 'All proposals ({{count}})', whole: 'Whole text', none: 'No proposal here.',
    noParagraph: 'Put the cursor in a paragraph to see its proposals.',
    filterStatus: 'Status', anyStatus: 'Any status', filterDelegation: 'Delegation', acceptShown: 'Accept all shown', rejectShown: 'Reject all shown', undo: 'Undo decision', textGone: 'Its text is no longer in the draft.',
    merge: 'Merge', mergeInto: 'Merge into…', onBehalfOf: 'on behalf of', nobody: 'itself',
    accept: 'Accept', reject: 'Reject', withdraw: 'Withdraw', reopen: 'Reopen', support: 'Supports', oppose: 'Opposes',
    delegation: 'Delegation (e.g. "nor")', supported: 'supported by', opposed: 'opposed by',
    kind: { add: 'add', delete: 'delete', replace: 'replace', move: 'move', 'new-paragraph': 'new paragraph', retain: 'retain' },
    status: { pending: 'pending', accepted: 'accepted', rejected: 'rejected', withdrawn: 'withdrawn', merged: 'merged', conflict: 'conflicting decisions' },
    refused: 'Proposal mode records adding, deleting and replacing words and new paragraphs; switch to Drafting for other edits.',
  },
  sources: {
    title: 'Inputs of paragraph {{number}}', noParagraph: 'Put the cursor in a paragraph to see its inputs.', import: 'Import…',
    none: 'No input backs this paragraph yet.', suggested: 'Suggested passages', noSuggestion: 'No similar passage in the library.',
    link: 'Link', unlink: 'Unlink', note: 'Note', linkKind: 'How the paragraph relates', missingPassage: 'A passage no longer in the library',
    kind: { 'draws-on': 'draws on', 'responds-to': 'responds to', 'departs-from': 'departs from' },
    search: 'Search the library', searchHint: 'Words in any UN language; "quotes" for a phrase (Ctrl+Shift+F)',
    filterKind: 'Kind of input', filterLanguage: 'Language', allKinds: 'All kinds', allEvents: 'All events', allLanguages: 'All languages', noHit: 'No passage matches.',
  },
  sourceKind: {
    'thematic-session-summary': 'Thematic session summary', 'stocktaking-summary': "Stocktaking chair's summary",
    'regional-consultation': 'Regional consultation', 'hearing-summary': 'Hearing summary', 'secretary-general-report': "Secretary-General's report",
    'issue-brief': 'Issue brief', 'member-state-submission': 'Member State submission', 'stakeholder-submission': 'Stakeholder submission', other: 'Other',
  },
  import: {
    title: 'Import an input', path: 'File on this computer (.txt, .md, .html, .docx, .pdf)', pathHint: '/full/path/to/summary.docx',
    read: 'Read', stop: 'Stop', paste: 'Or paste the text', readText: 'Read the pasted text', reading: 'Reading',
    duplicate: 'This is already in the library as "{{title}}".', sourceTitle: 'Title', kind: 'Kind', event: 'Process event', noEvent: 'No event',
    save: 'Save {{count}} passages', saved: '"{{title}}" imported: {{count}} passages.',
  },
  coverage: {
    button: 'Coverage', title: 'Coverage of the inputs', byEvent: 'By process event', bySource: 'By source', withoutInputs: 'Paragraphs no input backs',
    summary: 'The draft reflects {{reflected}} of {{total}} passages; {{without}} of {{paragraphs}} paragraphs have no linked input.',
    unreflected: '{{count}} passages not yet reflected.',
  },
  delegations: {
    search: 'Find a delegation or group: "eu", "g77", "china"…', none: 'No delegation matches.', members: '{{count}} members',
    count: { 'member-state': '{{count}} Member States', 'observer-state': '{{count}} observer States', organization: '{{count}} organization', group: '{{count}} groups' },
  },
  error: { title: 'Something went wrong', dismiss: 'Dismiss' },
  about: 'Zero Draft {{version}} — the desk of the co-facilitators.',
};

/** The shape every language's strings must have. */
export type UiStrings = typeof en;
