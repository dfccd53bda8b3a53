/**
 * Built-in sample inputs library: the co-facilitators' summaries of the six informal thematic
 * sessions of 2017 and the chair's summary of the stocktaking meeting in Puerto Vallarta, with the
 * links from the sample zero draft (see sampleDraft.ts) to their passages that the sample starts with.
 *
 * The wording below is original sample text written for this app in the style of a UN meeting
 * summary; it is not the text of any UN document. Some passages echo particular paragraphs of the
 * sample draft; others are deliberately not reflected in it, so that coverage shows gaps.
 */

import type { PassageDraft, SourceKind, LinkKind } from './inputs';

/** A source of the sample library with its passages, in source order. */
export interface SampleSource {
  kind: SourceKind;
  title: string;
  /** An event id of the process calendar (processTemplate.ts). */
  eventId: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** ISO 639-1 code. */
  language: string;
  author: string;
  passages: readonly PassageDraft[];
}

/** Numbers the passages '1', '2', ... in order. */
function numbered(texts: readonly string[]): PassageDraft[] {
  return texts.map((text, index) => ({ number: String(index + 1), text }));
}

/** The sample sources: thematic sessions 1 to 6, then the stocktaking meeting. */
export const sampleSources: readonly SampleSource[] = [
  // 0
  {
    kind: 'thematic-session-summary',
    title:
      "Co-facilitators' summary of the first informal thematic session: human rights of all migrants, social inclusion, cohesion and all forms of discrimination, including racism, xenophobia and intolerance",
    eventId: 'thematic-1',
    date: '2017-05-09',
    language: 'en',
    author: 'Co-facilitators',
    passages: numbered([
      'The first informal thematic session took place at the United Nations Office at Geneva in May 2017. It was organized in two expert panels followed by interactive exchanges, and was attended by Member States, observers, United Nations entities and a range of stakeholders. The present summary is offered by the co-facilitators as an input to the global compact.',
      'Delegations broadly agreed that the human rights of every migrant must be respected, protected and fulfilled regardless of migration status. At the same time, several delegations cautioned that the distinct legal regimes for refugees and for migrants should be kept separate, and that the compact should not dilute the protection owed to refugees.',
      'Many participants expressed deep concern at rising racism, xenophobia and intolerance against migrants in many regions. They called for a firm and collective commitment to eliminate discrimination and to foster mutual respect between migrants and host communities.',
      'Speakers from local authorities and civil society stressed that migrants, irrespective of their status, should be able to obtain emergency health care and send their children to school without fear that service providers will share their information with immigration enforcement. Clear separation between public services and enforcement was described as a practical safeguard.',
      'Several delegations underlined that public perceptions of migration are too often shaped by myths. They urged that policy and public debate be grounded in facts and evidence, and encouraged responsible reporting by the media.',
      'Participants highlighted the particular situation of migrant women and girls and of children on the move, and asked that gender-responsive and child-sensitive approaches, guided by the best interests of the child, run through the entire compact.',
      'A number of delegations and stakeholders called for an end to the immigration detention of children and for wider use of non-custodial alternatives to detention for all migrants, noting that detention should be a measure of last resort, for the shortest possible time.',
    ]),
  },
  // 1
  {
    kind: 'thematic-session-summary',
    title:
      "Co-facilitators' summary of the second informal thematic session: addressing drivers of migration, including adverse effects of climate change, natural disasters and human-made crises",
    eventId: 'thematic-2',
    date: '2017-05-23',
    language: 'en',
    author: 'Co-facilitators',
    passages: numbered([
      'The second informal thematic session was held at United Nations Headquarters in New York in May 2017. Three panels examined the structural factors that lead people to move, from poverty and the lack of decent work to conflict, disasters and environmental change.',
      'There was a strong convergence of views that migration should be a matter of choice rather than necessity. Delegations stressed that people should be able to build a future in their own countries, while recalling the right of everyone to leave any country.',
      'Participants noted that sudden-onset disasters and slow-onset processes such as desertification and sea-level rise are increasingly among the drivers of movement. They encouraged the integration of human mobility into disaster risk reduction and climate adaptation planning, and the strengthening of early warning and preparedness.',
      'Some delegations and experts proposed that States consider humanitarian visas, temporary protection or other admission arrangements for persons who are compelled to leave their countries because of disasters and who do not qualify as refugees, drawing on existing regional practice.',
      'Many speakers emphasized that the compact should be firmly anchored in the 2030 Agenda for Sustainable Development, and that investment in education, vocational training and job creation, particularly for youth and women, is central to addressing drivers.',
      'One delegation, speaking in Chinese, stated that "发展是解决移民问题的根本途径" ("development is the fundamental way to address migration issues"), and called for greater support to developing countries of origin through development cooperation, trade and investment.',
      'Delegations also underlined that preventing conflict and sustaining peace are indispensable to reducing forced movement, and that humanitarian and development action should be better joined up in fragile settings.',
    ]),
  },
  // 2
  {
    kind: 'thematic-session-summary',
    title:
      "Co-facilitators' summary of the third informal thematic session: international cooperation and governance of migration in all its dimensions, including at borders, on transit, entry, return, readmission, integration and reintegration",
    eventId: 'thematic-3',
    date: '2017-06-20',
    language: 'en',
    author: 'Co-facilitators',
    passages: numbered([
      'The third informal thematic session took place at the United Nations Office at Geneva in June 2017. Its panels addressed governance and cooperation along the entire migration cycle, from departure and transit to entry, stay, return and reintegration.',
      'Delegations agreed that no State can govern migration alone. Countries of origin, transit and destination share responsibility for its governance, and cooperation should take account of differing national capacities and circumstances.',
      'Many delegations reaffirmed the sovereign right of States to determine their own migration policies and to regulate the entry and stay of non-nationals, in conformity with international law. Some expressed concern that the compact should not be read as limiting that prerogative.',
      'On borders, participants called for closer cooperation and information exchange among the authorities of neighbouring States, for screening procedures able to identify migrants in vulnerable situations, including unaccompanied children, and for full respect of the principle of non-refoulement.',
      'On return and readmission, delegations recalled the obligation of States to readmit their own nationals and the importance of timely travel documents. Several stressed that returns must be safe and dignified, with priority to voluntary return, and that reintegration support must be sustainable for returnees and their communities.',
      'Some delegations highlighted the value of consular protection and assistance for their nationals abroad, and proposed that States cooperate to strengthen consular networks, including in situations of crisis in countries of destination.',
      'Speaking in Arabic, one delegation observed that "الهجرة الآمنة تبدأ بالتعاون بين الدول المتجاورة" ("safe migration begins with cooperation among neighbouring States"), and pointed to the role of regional consultative processes in building trust.',
      'Participants saw a clear role for regional consultative processes and the regional economic commissions in sharing practice among States and in following up on the compact within their regions.',
    ]),
  },
  // 3
  {
    kind: 'thematic-session-summary',
    title:
      "Co-facilitators' summary of the fourth informal thematic session: contributions of migrants and diasporas to all dimensions of sustainable development, including remittances and portability of earned benefits",
    eventId: 'thematic-4',
    date: '2017-07-25',
    language: 'en',
    author: 'Co-facilitators',
    passages: numbered([
      'The fourth informal thematic session was held at United Nations Headquarters in New York in July 2017. The panels considered the economic, social and cultural contributions of migrants and diasporas in countries of origin and of destination.',
      'Speakers illustrated the many ways in which migrants contribute to growth, to innovation, to cultural exchange and to the resilience of communities, and noted that these benefits are greatest where migration is well governed.',
      'Delegations recalled that remittances are private funds. They welcomed target 10.c of the Sustainable Development Goals and called for concerted action to reduce the cost of remittance transfers below 3 per cent, including by increasing competition and transparency in the market.',
      'Participants pointed to the potential of mobile and digital payment services to widen financial inclusion, and to financial literacy programmes for migrants and their families.',
      'Many delegations described programmes to engage diasporas as investors, entrepreneurs and transmitters of skills, and encouraged States to facilitate diaspora investment and knowledge transfer.',
      'Participants stressed that migrant workers should not lose the social security entitlements they have earned when they move, and encouraged bilateral and multilateral agreements on the portability of pensions and other earned benefits.',
      'Several countries of origin raised concern at the loss of skilled workers in sectors such as health and education, and proposed skills partnerships between countries of origin and destination under which training is jointly financed and benefits both sides.',
      'Some participants noted that banks in several countries have closed the accounts of money transfer operators in response to regulatory risk, driving remittances into informal channels, and called for a dialogue between regulators and the industry on this practice.',
    ]),
  },
  // 4
  {
    kind: 'thematic-session-summary',
    title:
      "Co-facilitators' summary of the fifth informal thematic session: smuggling of migrants, trafficking in persons and contemporary forms of slavery",
    eventId: 'thematic-5',
    date: '2017-09-05',
    language: 'en',
    author: 'Co-facilitators',
    passages: numbered([
      'The fifth informal thematic session took place at the United Nations Office at Vienna in September 2017. The panels addressed the smuggling of migrants, trafficking in persons and contemporary forms of slavery, including the identification, protection and assistance of victims.',
      'Delegations emphasized that smuggling and trafficking are distinct crimes, and urged the universal ratification and full implementation of the protocols on the smuggling of migrants and on trafficking in persons supplementing the United Nations Convention against Transnational Organized Crime.',
      'Many participants stressed that migrants should not become liable to criminal prosecution for the fact of having been smuggled, and that efforts should focus on dismantling the criminal networks that profit from smuggling and trafficking.',
      'Participants called for stronger cross-border cooperation among police, prosecutors and financial intelligence units, including joint investigation teams and action to follow and confiscate the proceeds of these crimes.',
      'Speakers highlighted the need to train front-line officials, including border guards, police and labour inspectors, to identify victims of trafficking early and to refer them to appropriate services.',
      'Several delegations and stakeholders urged that assistance to victims of trafficking, including shelter, health care and legal aid, should not be made conditional on their cooperation with criminal proceedings.',
      'Participants drew attention to the large number of migrants who die or go missing on dangerous routes, and called for coordinated search and rescue, the identification of the dead and support to families searching for missing relatives.',
      'A number of speakers addressed forced labour and other contemporary forms of slavery in global supply chains, and encouraged due diligence by businesses and public procurement policies that exclude goods produced with forced labour.',
    ]),
  },
  // 5
  {
    kind: 'thematic-session-summary',
    title:
      "Co-facilitators' summary of the sixth informal thematic session: irregular migration and regular pathways, including decent work, labour mobility, recognition of skills and qualifications",
    eventId: 'thematic-6',
    date: '2017-10-13',
    language: 'en',
    author: 'Co-facilitators',
    passages: numbered([
      'The sixth and last informal thematic session was held at the United Nations Office at Geneva in October 2017. The panels discussed irregular migration, regular pathways, labour mobility and decent work.',
      'There was wide agreement that expanding and diversifying regular pathways, responsive to labour market needs and demographic realities, is among the most effective ways to reduce irregular migration. Bilateral and regional labour mobility agreements were cited as good practice.',
      'Participants underlined that fair and ethical recruitment is essential. Many called for migrant workers never to be charged recruitment fees, and for effective regulation and monitoring of recruitment agencies.',
      'Delegations stressed the importance of recognizing the skills, qualifications and competences that migrants acquire abroad, so that migrants can work at the level of their training, and encouraged mutual recognition arrangements.',
      'Trade unions and several delegations insisted that all migrant workers, regardless of status, should have access to labour inspection and to complaint mechanisms, and be protected from exploitation and abuse at work.',
      'Several participants emphasized family reunification as a regular pathway that supports the well-being and integration of migrants.',
      'Some delegations and stakeholders encouraged States to consider case-by-case or broader regularization of migrants in an irregular situation who are established in the country, noting experiences in a number of regions, while other delegations stated that such measures remain a national prerogative.',
    ]),
  },
  // 6
  {
    kind: 'stocktaking-summary',
    title: "Chair's summary of the preparatory (stocktaking) meeting, Puerto Vallarta, Mexico, 4-6 December 2017",
    eventId: 'stocktaking',
    date: '2017-12-06',
    language: 'en',
    author: 'Co-facilitators',
    passages: numbered([
      'The preparatory meeting for the global compact was held in Puerto Vallarta, Mexico, from 4 to 6 December 2017, co-chaired by the co-facilitators. Participants reviewed the outcomes of the six informal thematic sessions, the regional consultations and the contributions of stakeholders, as the basis for the zero draft.',
      'There was broad agreement that the compact should be a non-legally binding cooperative framework, grounded in international law and respectful of State sovereignty, with commitments that are nonetheless concrete and actionable.',
      'Participants repeatedly underlined that better and comparable data, disaggregated by sex, age and migration status, is a precondition for sound policy and for measuring progress, and that many States need support to collect it.',
      'On means of implementation, many delegations favoured a capacity-building mechanism within the United Nations system that would respond to the requests of States, connect them with partners and expertise and help launch projects, with a central coordinating role for the International Organization for Migration.',
      'Delegations encouraged whole-of-government and whole-of-society approaches to implementation, including national implementation plans developed with local authorities, civil society, the private sector, trade unions and migrants themselves.',
      'On follow-up and review, there was wide support for a State-led process under the auspices of the General Assembly, with the participation of stakeholders. Several delegations proposed that a review forum meet every two years, aligned with the cycle of the high-level political forum on sustainable development.',
      'Participants saw value in regional reviews drawing on the regional economic commissions and regional consultative processes, feeding into the global review.',
      'A number of delegations suggested that a limited set of indicators be developed to track implementation, building on the indicators of the Sustainable Development Goals related to migration.',
    ]),
  },
];

/** Links the sample starts with: paragraph by its number in the sample draft (1-based, as `zerodraft text` prints), passage by source index and passage index (0-based). */
export interface SampleLink {
  paragraphNumber: number;
  sourceIndex: number;
  passageIndex: number;
  kind: LinkKind;
  note: string;
}

/** The sample links, in paragraph order. */
export const sampleLinks: readonly SampleLink[] = [
  { paragraphNumber: 4, sourceIndex: 0, passageIndex: 1, kind: 'draws-on', note: 'Human rights of all migrants; refugees and migrants kept distinct.' },
  { paragraphNumber: 5, sourceIndex: 6, passageIndex: 0, kind: 'draws-on', note: '' },
  { paragraphNumber: 6, sourceIndex: 6, passageIndex: 1, kind: 'draws-on', note: 'Non-binding, grounded in international law.' },
  { paragraphNumber: 7, sourceIndex: 1, passageIndex: 1, kind: 'draws-on', note: 'Migration as a choice, not a necessity.' },
  { paragraphNumber: 8, sourceIndex: 3, passageIndex: 1, kind: 'draws-on', note: '' },
  { paragraphNumber: 9, sourceIndex: 2, passageIndex: 1, kind: 'draws-on', note: 'Shared responsibility; national circumstances.' },
  { paragraphNumber: 10, sourceIndex: 2, passageIndex: 2, kind: 'responds-to', note: 'Sovereignty concerns met by guiding principle (c).' },
  { paragraphNumber: 11, sourceIndex: 0, passageIndex: 4, kind: 'draws-on', note: '' },
  { paragraphNumber: 12, sourceIndex: 0, passageIndex: 2, kind: 'draws-on', note: '' },
  { paragraphNumber: 17, sourceIndex: 1, passageIndex: 1, kind: 'draws-on', note: '' },
  { paragraphNumber: 17, sourceIndex: 1, passageIndex: 5, kind: 'draws-on', note: 'Development as the answer to drivers.' },
  { paragraphNumber: 18, sourceIndex: 5, passageIndex: 1, kind: 'draws-on', note: '' },
  { paragraphNumber: 18, sourceIndex: 5, passageIndex: 2, kind: 'draws-on', note: 'Action (b): no recruitment fees.' },
  { paragraphNumber: 19, sourceIndex: 4, passageIndex: 2, kind: 'draws-on', note: 'Non-criminalization of smuggled migrants.' },
  { paragraphNumber: 20, sourceIndex: 2, passageIndex: 3, kind: 'draws-on', note: '' },
  { paragraphNumber: 21, sourceIndex: 2, passageIndex: 4, kind: 'draws-on', note: '' },
  { paragraphNumber: 22, sourceIndex: 3, passageIndex: 2, kind: 'draws-on', note: 'SDG target 10.c, below 3 per cent.' },
  { paragraphNumber: 23, sourceIndex: 0, passageIndex: 3, kind: 'draws-on', note: 'Action (b): services without fear of reporting.' },
  { paragraphNumber: 26, sourceIndex: 6, passageIndex: 3, kind: 'draws-on', note: 'Capacity-building mechanism.' },
  { paragraphNumber: 29, sourceIndex: 6, passageIndex: 5, kind: 'departs-from', note: 'Four-year cycle instead of the biennial forum several delegations proposed.' },
];
