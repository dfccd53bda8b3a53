import type { UiStrings } from './en';

/** Chinese UI strings (simplified). */
export const zh: UiStrings = {
  app: { name: '零稿', loading: '正在打开…', noWorkspace: '没有打开的工作区。', hostLost: '与零稿主程序的连接已断开。请重新启动并刷新本页；凡已确认保存的内容都已写入磁盘。' },
  menu: {
    workspace: '工作区', new: '新建工作区…', open: '打开…', openSample: '打开示例谈判', close: '关闭', recent: '最近使用',
    noRecent: '没有最近使用的工作区', missing: '（文件不存在）',
  },
  dialog: {
    newTitle: '新建工作区', openTitle: '打开工作区', path: '文件路径', pathHint: '本机上 .zdraft 文件的完整路径',
    sample: '以示例谈判（全球契约）为起点', create: '创建', open: '打开', cancel: '取消', browse: '浏览…',
  },
  mode: { drafting: '起草', proposal: '提案：{{delegation}}', pick: '以…名义提案（"eu"、"g77"）', round: '轮次', roundNumber: '第 {{number}} 轮' },
  outline: { title: '大纲', paragraphs: '第 {{from}}–{{to}} 段', paragraph: '第 {{number}} 段', none: '无段落', adRef: '{{count}} 段待核准', agreed: '{{count}} 段已商定', objective: '目标 {{number}}', show: '显示大纲', hide: '隐藏大纲' },
  panel: {
    paragraph: '段落', proposals: '提案', sources: '来源', process: '进程', delegations: '代表团', keys: '快捷键', noParagraph: '将光标置于某一段落即可在此查看。',
    number: '第 {{number}} 段', subparagraphOf: '第 {{number}} 段的分段 {{label}}', status: '状态', id: '固定标识',
    processIntro: '谈判日程（依据第 71/280 号决议）。可修改月份和天数；修改会随文本一起保存和共享。',
    event: '活动', month: '月份', days: '天数', venue: '地点',
  },
  status: {
    open: '未决', 'agreed-ad-ref': '待核准商定', agreed: '已商定',
    saved: '已保存', savedAt: '已于 {{time}} 保存', saving: '正在保存…', error: '未保存：{{message}}',
    counts: '{{paragraphs}} 段 · {{words}} 词', position: '第 {{number}} 段，共 {{total}} 段', alreadySaved: '所有内容均已保存：零稿在您输入时即保存每一处修改。',
  },
  keys: {
    newBlock: '新段落（在分段中则为新分段）', newParagraph: '在本段及其分段之后插入新段落',
    newSubparagraph: '新分段', indent: '改为分段', outdent: '改为段落', moveUp: '段落上移', moveDown: '段落下移',
    bold: '粗体', italic: '斜体', undo: '撤销', redo: '重做', statusOpen: '状态：未决', statusAdRef: '状态：待核准商定', statusAgreed: '状态：已商定',
    acceptProposal: '接受光标处的提案', rejectProposal: '拒绝光标处的提案',
    start: '文本开头', end: '文本结尾',
  },
  language: { en: 'EN', zh: '中文', label: '界面语言' },
  view: { label: '文本视图', compilation: '全部提案', clean: '清洁文本', asAccepted: '假设全部接受', only: '仅 {{delegation}}' },
  proposal: {
    title: '第 {{number}} 段：{{count}} 项提案', all: '全部提案（{{count}}）', whole: '全文', none: '此处没有提案。',
    noParagraph: '将光标置于某一段落即可查看其提案。',
    filterStatus: '状态', anyStatus: '任何状态', filterDelegation: '代表团', acceptShown: '接受所列全部', rejectShown: '拒绝所列全部', undo: '撤销决定', textGone: '其文本已不在草案中。',
    merge: '合并', mergeInto: '合并到…', onBehalfOf: '代表', nobody: '本身',
    accept: '接受', reject: '拒绝', withdraw: '撤回', reopen: '重新开放', support: '支持', oppose: '反对',
    delegation: '代表团（如 "nor"）', supported: '支持方', opposed: '反对方',
    kind: { add: '增加', delete: '删除', replace: '替换', move: '移动', 'new-paragraph': '新段落', retain: '保留' },
    status: { pending: '待决', accepted: '已接受', rejected: '已拒绝', withdrawn: '已撤回', merged: '已合并', conflict: '决定相互冲突' },
    refused: '提案模式记录增加、删除、替换词语和新段落；其他修改请切换到起草模式。',
  },
  sources: {
    title: '第 {{number}} 段的来源', noParagraph: '将光标置于某一段落即可查看其来源。', import: '导入…',
    none: '此段尚无来源支持。', suggested: '建议的段落', noSuggestion: '资料库中没有相似段落。',
    link: '链接', unlink: '取消链接', note: '备注', linkKind: '段落与来源的关系', missingPassage: '资料库中已不存在的段落',
    kind: { 'draws-on': '依据', 'responds-to': '回应', 'departs-from': '偏离' },
    search: '检索资料库', searchHint: '任一联合国语文的词语；用“引号”检索短语（Ctrl+Shift+F）',
    filterKind: '材料类型', filterLanguage: '语文', allKinds: '所有类型', allEvents: '所有活动', allLanguages: '所有语文', noHit: '没有匹配的段落。',
  },
  sourceKind: {
    'thematic-session-summary': '专题会议摘要', 'stocktaking-summary': '盘点会议主席摘要',
    'regional-consultation': '区域磋商', 'hearing-summary': '听证会摘要', 'secretary-general-report': '秘书长报告',
    'issue-brief': '问题简报', 'member-state-submission': '会员国提交材料', 'stakeholder-submission': '利益攸关方提交材料', other: '其他',
  },
  import: {
    title: '导入材料', path: '本机文件（.txt、.md、.html、.docx、.pdf）', pathHint: '/完整/路径/摘要.docx',
    read: '读取', stop: '停止', paste: '或粘贴文本', readText: '读取粘贴的文本', reading: '正在读取',
    duplicate: '资料库中已有此材料：“{{title}}”。', sourceTitle: '标题', kind: '类型', event: '进程活动', noEvent: '无活动',
    save: '保存 {{count}} 个段落', saved: '已导入“{{title}}”：{{count}} 个段落。',
  },
  coverage: {
    button: '覆盖情况', title: '材料覆盖情况', byEvent: '按进程活动', bySource: '按来源', withoutInputs: '无来源支持的段落',
    summary: '草案反映了 {{total}} 个段落中的 {{reflected}} 个；{{paragraphs}} 段中有 {{without}} 段没有链接的来源。',
    unreflected: '尚有 {{count}} 个段落未反映。',
  },
  delegations: {
    search: '查找代表团或集团：“eu”“g77”“中国”…', none: '没有匹配的代表团。', members: '{{count}} 个成员',
    count: { 'member-state': '{{count}} 个会员国', 'observer-state': '{{count}} 个观察员国', organization: '{{count}} 个组织', group: '{{count}} 个集团' },
  },
  error: { title: '出现问题', dismiss: '关闭' },
  about: '零稿 {{version}} —— 共同协调人的工作台。',
};
