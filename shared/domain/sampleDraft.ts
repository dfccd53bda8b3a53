/**
 * Built-in sample negotiation: a zero draft shaped like the Global Compact for
 * Safe, Orderly and Regular Migration (released as a zero draft on 5 February 2018).
 *
 * The wording below is original sample text written for this app in UN negotiating
 * style; it is not the text of any UN document. Paragraph numbers and sub-paragraph
 * letters are computed by the app, so no text here carries a number or letter prefix.
 */

/** Paragraph status in the negotiation. */
export type SampleParagraphStatus = 'open' | 'agreed-ad-ref' | 'agreed';

/**
 * A numbered paragraph with optional lettered sub-paragraphs.
 * `status` defaults to `'open'` when omitted. Sub-paragraph text carries no "(a)" prefix.
 */
export interface SampleParagraph {
  kind: 'paragraph';
  text: string;
  status?: SampleParagraphStatus;
  subparagraphs?: readonly string[];
}

/** An objective: number is computed by the app, so only the title and its paragraphs. */
export interface SampleObjective {
  kind: 'objective';
  title: string;
  paragraphs: readonly SampleParagraph[];
}

/** A headed section of the draft: numbered paragraphs and objectives, in document order. */
export interface SampleSection {
  heading: string;
  blocks: readonly (SampleParagraph | SampleObjective)[];
}

/** A whole sample draft: document header fields and its sections in order. */
export interface SampleDraft {
  /** UN document symbol; empty for a zero draft, which has none yet. */
  symbol: string;
  /** Draft status line, e.g. 'Zero draft'. */
  status: string;
  /** Date of the draft as printed on the document. */
  date: string;
  title: string;
  sections: readonly SampleSection[];
}

/**
 * The built-in sample zero draft (31 numbered paragraphs, 8 objectives).
 * One paragraph is marked agreed and three agreed ad referendum; all others are open.
 */
export const sampleDraft: SampleDraft = {
  symbol: '',
  status: 'Zero draft',
  date: '5 February 2018',
  title: 'Global Compact for Safe, Orderly and Regular Migration',
  sections: [
    {
      heading: 'Preamble',
      blocks: [
        {
          kind: 'paragraph',
          text:
            'We, the Heads of State and Government and High Representatives, assembled at the intergovernmental conference convened pursuant to General Assembly resolution 71/280, and mindful that human mobility has shaped our societies throughout history, have resolved to set out common ground, joint commitments and practical means of cooperation on international migration.',
        },
        {
          kind: 'paragraph',
          status: 'agreed',
          text:
            'This Global Compact draws on the New York Declaration for Refugees and Migrants, adopted by the General Assembly on 19 September 2016, in which we undertook to develop a comprehensive framework for international cooperation on migrants and human mobility.',
        },
        {
          kind: 'paragraph',
          status: 'agreed-ad-ref',
          text:
            'We recall the Charter of the United Nations, the Universal Declaration of Human Rights and the core international human rights treaties, and we take note of other relevant instruments, including the conventions of the International Labour Organization and the protocols on the smuggling of migrants and on trafficking in persons supplementing the United Nations Convention against Transnational Organized Crime.',
        },
        {
          kind: 'paragraph',
          text:
            'We acknowledge that the universal human rights and fundamental freedoms of every person apply equally to refugees and to migrants. Refugees and migrants nonetheless remain distinct groups, each addressed by its own legal framework. This Global Compact concerns migrants, and nothing in it affects the particular protection owed to refugees under international refugee law.',
        },
        {
          kind: 'paragraph',
          text:
            'This Global Compact is the product of an open, transparent and inclusive process. It builds on the informal thematic sessions held during 2017, on regional and subregional consultations, on the stocktaking meeting held in Puerto Vallarta, Mexico, in December 2017, on the report of the Secretary-General entitled "Making migration work for all", and on contributions from Member States, the United Nations system and a wide range of stakeholders.',
        },
        {
          kind: 'paragraph',
          text:
            'Migration by its nature crosses borders, and its opportunities and challenges therefore call for cooperation among countries of origin, transit and destination. We affirm that this Global Compact does not create legal obligations; it sets out a cooperative framework that respects the sovereignty of States and their existing obligations under international law.',
        },
      ],
    },
    {
      heading: 'Our vision and guiding principles',
      blocks: [
        {
          kind: 'paragraph',
          text:
            'Our shared vision is a world in which people move by choice rather than out of necessity, through safe and regular channels, and in which migration contributes to the well-being of migrants, their families and the communities they leave, cross and join.',
        },
        {
          kind: 'paragraph',
          text:
            'Human mobility has accompanied the development of every society. We acknowledge the part migrants play in economic growth, in cultural exchange and in the resilience of their communities, and we recognize that these contributions depend to a great extent on how well migration is governed. We are equally aware that journeys made outside regular channels expose many migrants to abuse, injury and death.',
        },
        {
          kind: 'paragraph',
          text:
            'We will act on the basis of responsibility shared among States and in partnership with all relevant actors, with due regard to differences in national circumstances, capacities and priorities, and with the conviction that well-governed migration serves the interests of all countries.',
        },
        {
          kind: 'paragraph',
          text:
            'Our commitments are to be read and implemented in the light of the following principles, which reinforce one another:',
          subparagraphs: [
            'Focus on people: the rights, safety and dignity of migrants and of members of their families are at the centre of all action taken under this Global Compact;',
            'Cooperation among States: because migration links countries of origin, transit and destination, its governance depends on dialogue, partnership and mutual trust at the bilateral, regional and global levels;',
            'Respect for sovereignty: each State decides its own migration policy and regulates entry to and stay on its territory, acting in accordance with its obligations under international law;',
            'Rule of law and due process: all measures are taken in accordance with the law, and every migrant has access to fair procedures and to effective remedies;',
            'Human rights, gender and the child: implementation respects, protects and fulfils human rights without discrimination, takes account of the different experiences of women, men, girls and boys, and is guided by the best interests of the child; and',
            'Coherence and participation: action is pursued across all parts of government and with the participation of migrants, diasporas, local authorities, civil society, the private sector, trade unions, academia and national human rights institutions.',
          ],
        },
        {
          kind: 'paragraph',
          text:
            'We recognize that sound migration policy requires reliable evidence, and that public debate on migration should rest on facts rather than on misperceptions. We will therefore promote open, balanced and evidence-based public discourse on the realities of migration.',
        },
        {
          kind: 'paragraph',
          status: 'agreed-ad-ref',
          text:
            'We reaffirm our determination to eliminate all forms of discrimination against migrants, including racism, xenophobia and related intolerance, and to foster societies in which migrants and host communities live together in mutual respect.',
        },
      ],
    },
    {
      heading: 'Our cooperative framework',
      blocks: [
        {
          kind: 'paragraph',
          text:
            'This Global Compact sets out objectives, each accompanied by a commitment and by a range of actions that States may draw upon to fulfil it. The actions reflect policies and practices that have proved useful in different regions, and each State may select and adapt those best suited to its circumstances.',
        },
        {
          kind: 'paragraph',
          text:
            'We will implement this Global Compact in a manner consistent with the 2030 Agenda for Sustainable Development and the Addis Ababa Action Agenda, and we recognize that the achievement of its objectives depends on the sustained cooperation of all States and relevant actors.',
        },
      ],
    },
    {
      heading: 'Objectives for safe, orderly and regular migration',
      blocks: [
        {
          kind: 'paragraph',
          text:
            'The objectives that follow are interrelated and of equal importance. Each begins with a commitment and continues with actions from which States may draw, in accordance with national priorities and circumstances.',
        },
        {
          kind: 'objective',
          title: 'Strengthen migration data and evidence as a foundation for policy',
          paragraphs: [
            {
              kind: 'paragraph',
              text:
                'We commit to improving the availability, quality and comparability of data on international migration, disaggregated by sex, age, migration status and other relevant characteristics, while protecting the right to privacy and personal data. To that end, we will consider the following actions:',
              subparagraphs: [
                'Develop, in cooperation with the Statistical Commission and relevant United Nations entities, common methods for measuring migratory movements and the characteristics of migrants.',
                'Include questions on country of birth, citizenship and year of arrival in national censuses and household surveys.',
                'Strengthen the capacity of national statistical offices in developing countries to collect, analyse and publish migration data.',
                'Establish secure arrangements for the exchange of anonymized data among States, consistent with the protection of personal data.',
              ],
            },
          ],
        },
        {
          kind: 'objective',
          title: 'Create conditions that allow people to build their future in their own countries',
          paragraphs: [
            {
              kind: 'paragraph',
              text:
                'We commit to working together to address poverty, the lack of decent work, conflict, environmental degradation and disasters, including the adverse effects of climate change, so that no one is forced to leave home for want of alternatives, while respecting the right of every person to leave any country. To that end, we will consider the following actions:',
              subparagraphs: [
                'Integrate the situation of people at risk of displacement into national development, disaster risk reduction and climate adaptation plans.',
                'Invest in education, vocational training and job creation in areas with high rates of outward migration, with particular attention to young people and women.',
                'Strengthen early warning, preparedness and humanitarian response in regions exposed to sudden-onset and slow-onset disasters.',
                'Support efforts to prevent conflict and to build lasting peace in countries affected by instability and violence.',
              ],
            },
          ],
        },
        {
          kind: 'objective',
          title: 'Widen regular pathways and secure decent work for migrant workers',
          paragraphs: [
            {
              kind: 'paragraph',
              text:
                'We commit to making regular migration channels more accessible, predictable and responsive to labour market needs and to family ties, and to ensuring that migrant workers benefit from fair recruitment and decent conditions of work. To that end, we will consider the following actions:',
              subparagraphs: [
                'Conclude bilateral and regional labour mobility agreements that set clear standards on wages, working conditions and social protection.',
                'Prohibit the charging of recruitment fees to migrant workers and regulate recruitment agencies effectively.',
                'Establish mechanisms for the mutual recognition of skills, qualifications and competences acquired abroad.',
                'Facilitate family reunification in accordance with national law.',
                'Ensure that labour inspection and complaint mechanisms are accessible to all migrant workers, irrespective of their status.',
              ],
            },
          ],
        },
        {
          kind: 'objective',
          title: 'Prevent and combat the smuggling of migrants and trafficking in persons',
          paragraphs: [
            {
              kind: 'paragraph',
              text:
                'We commit to dismantling the criminal networks that smuggle migrants and traffic persons, while ensuring that migrants are not prosecuted merely because they have been smuggled and that victims of trafficking receive protection and assistance. To that end, we will consider the following actions:',
              subparagraphs: [
                'Promote the ratification and full implementation of the Protocol against the Smuggling of Migrants by Land, Sea and Air and of the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children.',
                'Strengthen cross-border cooperation among law enforcement and judicial authorities, including through joint investigations and the tracing of illicit financial flows.',
                'Train border, police and labour officials to identify victims of trafficking and to refer them to appropriate services.',
                'Provide victims of trafficking with access to shelter, medical and psychological care, legal assistance and, where appropriate, residence permits.',
              ],
            },
          ],
        },
        {
          kind: 'objective',
          title: 'Strengthen cooperation in border management with full respect for human rights',
          paragraphs: [
            {
              kind: 'paragraph',
              text:
                'We commit to cooperating on the management of our national borders in a way that upholds security and the rule of law, facilitates legitimate movement and respects the human rights of all migrants, including at points of entry and during screening. To that end, we will consider the following actions:',
              subparagraphs: [
                'Improve the exchange of information and the interoperability of systems among the border authorities of neighbouring States, consistent with data protection standards.',
                'Establish procedures at borders to identify and refer migrants in situations of vulnerability, including unaccompanied and separated children.',
                'Review border policies and practices to ensure that they comply with international human rights law and the principle of non-refoulement.',
                'Provide training on human rights and gender for border officials.',
              ],
            },
          ],
        },
        {
          kind: 'objective',
          title: 'Work together on return, readmission and lasting reintegration',
          paragraphs: [
            {
              kind: 'paragraph',
              text:
                'We commit to cooperating so that the return of migrants who have no right to remain is carried out safely, with dignity and in accordance with international law, to honouring the duty of States to readmit their own nationals, and to supporting reintegration that is sustainable for returnees and their communities. To that end, we will consider the following actions:',
              subparagraphs: [
                'Give priority to voluntary return and provide returnees with information and counselling before departure.',
                'Conclude or improve bilateral readmission arrangements, including on the timely issuance of travel documents.',
                'Assess each case individually before return, with due regard to the best interests of the child and to family unity.',
                'Support reintegration programmes that offer returnees access to employment, training, housing and psychosocial care.',
              ],
            },
          ],
        },
        {
          kind: 'objective',
          title: 'Lower the cost of remittances and harness the contributions of diasporas',
          paragraphs: [
            {
              kind: 'paragraph',
              text:
                'We commit to making the transfer of remittances cheaper, faster and safer, to widening the access of migrants to financial services, and to enabling migrants and diasporas to contribute their skills, investment and networks to development in their countries of origin and of residence. To that end, we will consider the following actions:',
              subparagraphs: [
                'Work towards reducing the transaction costs of migrant remittances to less than 3 per cent, in line with target 10.c of the Sustainable Development Goals.',
                'Foster competition and innovation in the remittance market, including through mobile and digital payment services.',
                'Offer financial literacy programmes to migrants and their families.',
                'Establish programmes that facilitate the investment of diaspora savings and support diaspora entrepreneurs.',
                'Facilitate the portability of social security entitlements and other earned benefits through bilateral or multilateral agreements.',
              ],
            },
          ],
        },
        {
          kind: 'objective',
          title: 'Foster the inclusion of migrants and cohesion within communities',
          paragraphs: [
            {
              kind: 'paragraph',
              text:
                'We commit to building inclusive societies by enabling migrants to take part in economic, social and cultural life, by ensuring their access to basic services, and by combating discrimination, hate speech and xenophobia. To that end, we will consider the following actions:',
              subparagraphs: [
                'Offer language courses, civic orientation and information on rights and obligations to newly arrived migrants.',
                'Ensure that migrants, regardless of their status, can access basic services such as emergency health care and primary education without fear of being reported to immigration authorities.',
                'Support local authorities in designing integration measures together with migrant and host communities.',
                'Promote independent and responsible media reporting on migration, with full respect for freedom of expression.',
              ],
            },
          ],
        },
      ],
    },
    {
      heading: 'Implementation',
      blocks: [
        {
          kind: 'paragraph',
          text:
            'We will implement this Global Compact at the national, regional and global levels, in accordance with national law and policy and with our obligations under international law.',
        },
        {
          kind: 'paragraph',
          text:
            'We request the Secretary-General to draw on the expertise of the entire United Nations system, with the International Organization for Migration playing a central coordinating role, in order to provide coherent and effective support to States in implementing this Global Compact.',
        },
        {
          kind: 'paragraph',
          text:
            'We will support States that request assistance in implementing this Global Compact through a capacity-building arrangement within the United Nations system, which will:',
          subparagraphs: [
            'Respond to requests from States for technical advice and training;',
            'Broker partnerships among States, United Nations entities and stakeholders for jointly designed projects;',
            'Mobilize voluntary financial contributions to help launch such projects; and',
            'Make relevant data, research and practices available through an accessible online platform.',
          ],
        },
        {
          kind: 'paragraph',
          text:
            'We encourage each State to develop, on a voluntary basis, a national plan for implementing this Global Compact, prepared and carried out with the participation of migrants, diasporas, civil society, the private sector, trade unions, parliamentarians, local authorities and academia.',
        },
      ],
    },
    {
      heading: 'Follow-up and review',
      blocks: [
        {
          kind: 'paragraph',
          status: 'agreed-ad-ref',
          text:
            'We will review progress in implementing this Global Compact within the framework of the United Nations, through a State-led approach and with the participation of all relevant stakeholders.',
        },
        {
          kind: 'paragraph',
          text:
            'We decide that a global review forum on international migration will meet every four years under the auspices of the General Assembly, beginning in 2022, to assess progress, exchange experiences and adopt an intergovernmental declaration on the state of implementation.',
        },
        {
          kind: 'paragraph',
          text:
            'We invite the regional economic commissions and regional consultative processes on migration to review implementation within their regions in the years between sessions of the global review forum, and to contribute their findings to its work.',
        },
        {
          kind: 'paragraph',
          text:
            'We request the Secretary-General to report to the General Assembly every two years on the implementation of this Global Compact and on the activities of the United Nations system in its support.',
        },
      ],
    },
  ],
};
