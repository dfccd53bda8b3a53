/**
 * The built-in process calendar of the model case: the Global Compact for Safe, Orderly and
 * Regular Migration, under the modalities resolution A/RES/71/280 (6 April 2017).
 *
 * Only facts from the resolution and the public record of the negotiations are stored; where the
 * record gives no date or length, the field is left out. Two entries span a period rather than a
 * day: the regional consultations (during Phase 1) and the multi-stakeholder hearings (four days
 * in all between April 2017 and June 2018); their month is the first month of that period.
 */

/** What happens at a point of the process. */
export type ProcessEventKind =
  | 'thematic-session'
  | 'regional-consultation'
  | 'stocktaking'
  | 'report'
  | 'hearing'
  | 'zero-draft'
  | 'negotiation-round'
  | 'revision'
  | 'conference';

/** A text in English and Chinese. */
interface BilingualText { en: string; zh: string }

/** One meeting, report or draft of the process calendar. */
export interface ProcessEvent {
  /** Stable id, e.g. 'thematic-1', 'stocktaking', 'round-3', 'hearings'. */
  id: string;
  kind: ProcessEventKind;
  /** Sequence number within its kind (thematic sessions, rounds, numbered revisions). */
  number?: number;
  title: BilingualText;
  /** Thematic sessions: the short theme. */
  theme?: BilingualText;
  venue?: BilingualText;
  /** 'YYYY-MM' */
  month: string;
  /** 'YYYY-MM-DD' when known (e.g. stocktaking 2017-12-04, zero draft 2018-02-05). */
  startDate?: string;
  /** Length in working days, when known (rounds: 3, 4, 4, 5, 5, 5; stocktaking 3). */
  days?: number;
}

const geneva: BilingualText = { en: 'United Nations Office at Geneva', zh: '联合国日内瓦办事处' };
const newYork: BilingualText = { en: 'United Nations Headquarters, New York', zh: '纽约联合国总部' };
const vienna: BilingualText = { en: 'United Nations Office at Vienna', zh: '联合国维也纳办事处' };

const chineseOrdinals = ['一', '二', '三', '四', '五', '六'] as const;

function chineseOrdinal(number: number): string {
  return chineseOrdinals[number - 1] ?? String(number);
}

function thematicSession(number: number, month: string, venue: BilingualText, theme: BilingualText): ProcessEvent {
  return {
    id: `thematic-${number}`,
    kind: 'thematic-session',
    number,
    title: { en: `Informal thematic session ${number}`, zh: `第${chineseOrdinal(number)}次非正式专题会议` },
    theme,
    venue,
    month,
  };
}

function negotiationRound(number: number, month: string, days: number): ProcessEvent {
  return {
    id: `round-${number}`,
    kind: 'negotiation-round',
    number,
    title: { en: `Intergovernmental negotiations, round ${number}`, zh: `第${chineseOrdinal(number)}轮政府间谈判` },
    venue: newYork,
    month,
    days,
  };
}

/** Phase 1 (April to November 2017): six informal thematic sessions (A/RES/71/280, paras 15-21). */
const thematicSessions: readonly ProcessEvent[] = [
  thematicSession(1, '2017-05', geneva, {
    en: 'Human rights of all migrants, social inclusion, cohesion, and all forms of discrimination, including racism, xenophobia and intolerance',
    zh: '所有移民的人权、社会包容、凝聚力以及一切形式的歧视，包括种族主义、仇外心理和不容忍',
  }),
  thematicSession(2, '2017-05', newYork, {
    en: 'Addressing drivers of migration, including adverse effects of climate change, natural disasters and human-made crises, through protection and assistance, sustainable development, poverty eradication, conflict prevention and resolution',
    zh: '通过保护和援助、可持续发展、消除贫困以及预防和解决冲突，应对移民的驱动因素，包括气候变化的不利影响、自然灾害和人为危机',
  }),
  thematicSession(3, '2017-06', geneva, {
    en: 'International cooperation and governance of migration in all its dimensions, including at borders, on transit, entry, return, readmission, integration and reintegration',
    zh: '国际合作与移民问题各个方面的治理，包括边境、过境、入境、返回、重新接纳、融入和重返社会',
  }),
  thematicSession(4, '2017-07', newYork, {
    en: 'Contributions of migrants and diasporas to all dimensions of sustainable development, including remittances and portability of earned benefits',
    zh: '移民和侨民对可持续发展各个方面的贡献，包括汇款和既得福利的可携带性',
  }),
  thematicSession(5, '2017-09', vienna, {
    en: 'Smuggling of migrants, trafficking in persons and contemporary forms of slavery, including identification, protection and assistance to migrants and trafficking victims',
    zh: '偷运移民、贩运人口和当代形式的奴役，包括对移民和贩运活动受害者的识别、保护和援助',
  }),
  thematicSession(6, '2017-10', geneva, {
    en: 'Irregular migration and regular pathways, including decent work, labour mobility, recognition of skills and qualifications',
    zh: '非正常移民与正常途径，包括体面工作、劳动力流动以及技能和资格的承认',
  }),
];

/** Phase 1 inputs from the regional economic commissions (para 22); the month is the start of Phase 1. */
const regionalConsultations: ProcessEvent = {
  id: 'regional-consultations',
  kind: 'regional-consultation',
  title: {
    en: 'Regional and sub-regional consultations of the regional economic commissions',
    zh: '各区域经济委员会的区域和次区域协商',
  },
  month: '2017-04',
};

/** Multi-stakeholder informal interactive hearings (para 30): four days in all, April 2017 to June 2018. */
const hearings: ProcessEvent = {
  id: 'hearings',
  kind: 'hearing',
  title: {
    en: 'Multi-stakeholder informal interactive hearings (April 2017 to June 2018)',
    zh: '多利益攸关方非正式互动听证会（2017年4月至2018年6月）',
  },
  month: '2017-04',
  days: 4,
};

/** Phase 2 (November 2017 to January 2018): the stocktaking meeting and the Secretary-General's report. */
const stocktakingEvents: readonly ProcessEvent[] = [
  {
    id: 'stocktaking',
    kind: 'stocktaking',
    title: { en: 'Preparatory (stocktaking) meeting', zh: '筹备（盘点）会议' },
    venue: { en: 'Puerto Vallarta, Mexico', zh: '墨西哥巴亚尔塔港' },
    month: '2017-12',
    startDate: '2017-12-04',
    days: 3,
  },
  {
    id: 'secretary-general-report',
    kind: 'report',
    title: {
      en: 'Report of the Secretary-General: "Making migration work for all"',
      zh: '秘书长报告：《让移民惠及所有人》',
    },
    month: '2017-12',
  },
];

function zeroDraftEvent(): ProcessEvent {
  return { id: 'zero-draft', kind: 'zero-draft', title: { en: 'Zero draft', zh: '零草案' }, month: '2018-02', startDate: '2018-02-05' };
}

function revision(id: string, title: BilingualText, month: string, details: { number?: number; startDate?: string } = {}): ProcessEvent {
  return { id, kind: 'revision', title, month, ...details };
}

/** Phase 3 (February to July 2018): the zero draft, six rounds and the revised drafts between them, in order. */
const negotiationEvents: readonly ProcessEvent[] = [
  zeroDraftEvent(),
  negotiationRound(1, '2018-02', 3),
  revision('zero-draft-plus', { en: 'Zero draft plus', zh: '零草案增订版' }, '2018-03', { startDate: '2018-03-05' }),
  negotiationRound(2, '2018-03', 4),
  revision('draft-rev-1', { en: 'Draft Rev 1', zh: '订正草案1' }, '2018-03', { number: 1, startDate: '2018-03-26' }),
  negotiationRound(3, '2018-04', 4),
  negotiationRound(4, '2018-05', 5),
  revision('draft-rev-2', { en: 'Draft Rev 2', zh: '订正草案2' }, '2018-05', { number: 2 }),
  negotiationRound(5, '2018-06', 5),
  revision('draft-rev-3', { en: 'Draft Rev 3', zh: '订正草案3' }, '2018-06', { number: 3 }),
  negotiationRound(6, '2018-07', 5),
  revision('final-text', { en: 'Final text agreed', zh: '最后案文商定' }, '2018-07', { startDate: '2018-07-13' }),
];

/** The intergovernmental conference that adopted the compact (paras 1-2). */
const conference: ProcessEvent = {
  id: 'conference',
  kind: 'conference',
  title: {
    en: 'Intergovernmental Conference to Adopt the Global Compact for Safe, Orderly and Regular Migration',
    zh: '通过《安全、有序和正常移民全球契约》政府间会议',
  },
  venue: { en: 'Marrakech, Morocco', zh: '摩洛哥马拉喀什' },
  month: '2018-12',
  startDate: '2018-12-10',
  days: 2,
};

/** The whole calendar of the Global Compact for Migration, 2017-2018, in chronological order. */
export const globalCompactProcess: readonly ProcessEvent[] = [
  regionalConsultations,
  hearings,
  ...thematicSessions,
  ...stocktakingEvents,
  ...negotiationEvents,
  conference,
];

/** The three phases of A/RES/71/280 (para 14), with their first and last months ('YYYY-MM'). */
export const processPhases: readonly { id: 'consultations' | 'stocktaking' | 'negotiations'; title: BilingualText; from: string; to: string }[] = [
  { id: 'consultations', title: { en: 'Consultations', zh: '协商' }, from: '2017-04', to: '2017-11' },
  { id: 'stocktaking', title: { en: 'Stocktaking', zh: '盘点' }, from: '2017-11', to: '2018-01' },
  { id: 'negotiations', title: { en: 'Intergovernmental negotiations', zh: '政府间谈判' }, from: '2018-02', to: '2018-07' },
];

/** The negotiation rounds among the events, sorted by number. */
export function negotiationRounds(events: readonly ProcessEvent[]): ProcessEvent[] {
  return events
    .filter((event) => event.kind === 'negotiation-round')
    .sort((first, second) => (first.number ?? 0) - (second.number ?? 0));
}
