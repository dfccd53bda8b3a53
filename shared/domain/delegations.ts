/**
 * The registry of delegations that speak in a negotiation: the 193 Member States of the United
 * Nations, the two observer States, the European Union and the usual negotiating groups.
 *
 * Names follow the UN's short names (UNTERM) in English and Chinese. Where a short name changed
 * after the 2017-2018 model case (Türkiye, North Macedonia, Eswatini, Netherlands (Kingdom of the)),
 * the current name is stored and the former one is kept as a search alias.
 */

/** What a delegation is: a State, an organization such as the EU, or a negotiating group. */
export type DelegationKind = 'member-state' | 'observer-state' | 'organization' | 'group';

/** A name in the UN official languages; English and Chinese are always present. */
export interface LocalizedName { en: string; zh: string; fr?: string; es?: string; ru?: string; ar?: string }

/** One delegation (a State, the EU or a group) that can make, support or oppose a proposal. */
export interface Delegation {
  /** Stable code: ISO 3166-1 alpha-3 for States ('MEX'), 'EU' for the European Union, upper-case codes for groups ('G77', 'AFRICAN-GROUP', 'CARICOM', ...). */
  code: string;
  kind: DelegationKind;
  /** ISO 3166-1 alpha-2 for States. */
  iso2?: string;
  /** UN-style short names (e.g. 'Bolivia (Plurinational State of)', '玻利维亚（多民族国）'), at least English and Chinese. */
  names: LocalizedName;
  /** Short label used in attributions, e.g. 'EU', 'G77 and China', 'CARICOM'; omitted for States. */
  short?: string;
  /** Other search words: e.g. 'g77', 'usa', 'uk', 'holy see', 'vatican', 'palestine'. */
  aliases?: readonly string[];
  /** For groups and the EU: codes of member delegations, where the membership is well known. */
  members?: readonly string[];
}

function memberState(code: string, iso2: string, en: string, zh: string, aliases?: readonly string[]): Delegation {
  return aliases ? { code, kind: 'member-state', iso2, names: { en, zh }, aliases } : { code, kind: 'member-state', iso2, names: { en, zh } };
}

function observerState(code: string, iso2: string, en: string, zh: string, aliases: readonly string[]): Delegation {
  return { code, kind: 'observer-state', iso2, names: { en, zh }, aliases };
}

interface GroupDescription {
  short: string;
  en: string;
  zh: string;
  aliases?: readonly string[];
  members?: readonly string[];
}

function negotiatingGroup(code: string, description: GroupDescription): Delegation {
  const { short, en, zh, aliases, members } = description;
  return {
    code,
    kind: 'group',
    names: { en, zh },
    short,
    ...(aliases ? { aliases } : {}),
    ...(members ? { members } : {}),
  };
}

/** The 193 Member States of the United Nations, in English alphabetical order. */
const memberStates: readonly Delegation[] = [
  memberState('AFG', 'AF', 'Afghanistan', '阿富汗'),
  memberState('ALB', 'AL', 'Albania', '阿尔巴尼亚'),
  memberState('DZA', 'DZ', 'Algeria', '阿尔及利亚'),
  memberState('AND', 'AD', 'Andorra', '安道尔'),
  memberState('AGO', 'AO', 'Angola', '安哥拉'),
  memberState('ATG', 'AG', 'Antigua and Barbuda', '安提瓜和巴布达'),
  memberState('ARG', 'AR', 'Argentina', '阿根廷'),
  memberState('ARM', 'AM', 'Armenia', '亚美尼亚'),
  memberState('AUS', 'AU', 'Australia', '澳大利亚'),
  memberState('AUT', 'AT', 'Austria', '奥地利'),
  memberState('AZE', 'AZ', 'Azerbaijan', '阿塞拜疆'),
  memberState('BHS', 'BS', 'Bahamas', '巴哈马'),
  memberState('BHR', 'BH', 'Bahrain', '巴林'),
  memberState('BGD', 'BD', 'Bangladesh', '孟加拉国'),
  memberState('BRB', 'BB', 'Barbados', '巴巴多斯'),
  memberState('BLR', 'BY', 'Belarus', '白俄罗斯'),
  memberState('BEL', 'BE', 'Belgium', '比利时'),
  memberState('BLZ', 'BZ', 'Belize', '伯利兹'),
  memberState('BEN', 'BJ', 'Benin', '贝宁'),
  memberState('BTN', 'BT', 'Bhutan', '不丹'),
  memberState('BOL', 'BO', 'Bolivia (Plurinational State of)', '玻利维亚（多民族国）', ['bolivia', '玻利维亚']),
  memberState('BIH', 'BA', 'Bosnia and Herzegovina', '波斯尼亚和黑塞哥维那', ['bosnia', '波黑']),
  memberState('BWA', 'BW', 'Botswana', '博茨瓦纳'),
  memberState('BRA', 'BR', 'Brazil', '巴西'),
  memberState('BRN', 'BN', 'Brunei Darussalam', '文莱达鲁萨兰国', ['brunei', '文莱']),
  memberState('BGR', 'BG', 'Bulgaria', '保加利亚'),
  memberState('BFA', 'BF', 'Burkina Faso', '布基纳法索'),
  memberState('BDI', 'BI', 'Burundi', '布隆迪'),
  memberState('CPV', 'CV', 'Cabo Verde', '佛得角', ['cape verde']),
  memberState('KHM', 'KH', 'Cambodia', '柬埔寨'),
  memberState('CMR', 'CM', 'Cameroon', '喀麦隆'),
  memberState('CAN', 'CA', 'Canada', '加拿大'),
  memberState('CAF', 'CF', 'Central African Republic', '中非共和国', ['car', '中非']),
  memberState('TCD', 'TD', 'Chad', '乍得'),
  memberState('CHL', 'CL', 'Chile', '智利'),
  memberState('CHN', 'CN', 'China', '中国', ['prc', "people's republic of china", '中华人民共和国']),
  memberState('COL', 'CO', 'Colombia', '哥伦比亚'),
  memberState('COM', 'KM', 'Comoros', '科摩罗'),
  memberState('COG', 'CG', 'Congo', '刚果', ['republic of the congo', 'congo-brazzaville', '刚果（布）']),
  memberState('CRI', 'CR', 'Costa Rica', '哥斯达黎加'),
  memberState('CIV', 'CI', "Côte d'Ivoire", '科特迪瓦', ['ivory coast']),
  memberState('HRV', 'HR', 'Croatia', '克罗地亚'),
  memberState('CUB', 'CU', 'Cuba', '古巴'),
  memberState('CYP', 'CY', 'Cyprus', '塞浦路斯'),
  memberState('CZE', 'CZ', 'Czechia', '捷克', ['czech republic', '捷克共和国']),
  memberState('PRK', 'KP', "Democratic People's Republic of Korea", '朝鲜民主主义人民共和国', ['dprk', 'north korea', '朝鲜']),
  memberState('COD', 'CD', 'Democratic Republic of the Congo', '刚果民主共和国', ['drc', 'congo-kinshasa', '刚果（金）', '刚果金']),
  memberState('DNK', 'DK', 'Denmark', '丹麦'),
  memberState('DJI', 'DJ', 'Djibouti', '吉布提'),
  memberState('DMA', 'DM', 'Dominica', '多米尼克'),
  memberState('DOM', 'DO', 'Dominican Republic', '多米尼加共和国', ['多米尼加']),
  memberState('ECU', 'EC', 'Ecuador', '厄瓜多尔'),
  memberState('EGY', 'EG', 'Egypt', '埃及'),
  memberState('SLV', 'SV', 'El Salvador', '萨尔瓦多', ['salvador']),
  memberState('GNQ', 'GQ', 'Equatorial Guinea', '赤道几内亚'),
  memberState('ERI', 'ER', 'Eritrea', '厄立特里亚'),
  memberState('EST', 'EE', 'Estonia', '爱沙尼亚'),
  memberState('SWZ', 'SZ', 'Eswatini', '斯威士兰', ['swaziland']),
  memberState('ETH', 'ET', 'Ethiopia', '埃塞俄比亚'),
  memberState('FJI', 'FJ', 'Fiji', '斐济'),
  memberState('FIN', 'FI', 'Finland', '芬兰'),
  memberState('FRA', 'FR', 'France', '法国'),
  memberState('GAB', 'GA', 'Gabon', '加蓬'),
  memberState('GMB', 'GM', 'Gambia', '冈比亚', ['the gambia']),
  memberState('GEO', 'GE', 'Georgia', '格鲁吉亚'),
  memberState('DEU', 'DE', 'Germany', '德国'),
  memberState('GHA', 'GH', 'Ghana', '加纳'),
  memberState('GRC', 'GR', 'Greece', '希腊'),
  memberState('GRD', 'GD', 'Grenada', '格林纳达'),
  memberState('GTM', 'GT', 'Guatemala', '危地马拉'),
  memberState('GIN', 'GN', 'Guinea', '几内亚'),
  memberState('GNB', 'GW', 'Guinea-Bissau', '几内亚比绍'),
  memberState('GUY', 'GY', 'Guyana', '圭亚那'),
  memberState('HTI', 'HT', 'Haiti', '海地'),
  memberState('HND', 'HN', 'Honduras', '洪都拉斯'),
  memberState('HUN', 'HU', 'Hungary', '匈牙利'),
  memberState('ISL', 'IS', 'Iceland', '冰岛'),
  memberState('IND', 'IN', 'India', '印度'),
  memberState('IDN', 'ID', 'Indonesia', '印度尼西亚', ['印尼']),
  memberState('IRN', 'IR', 'Iran (Islamic Republic of)', '伊朗伊斯兰共和国', ['iran', '伊朗']),
  memberState('IRQ', 'IQ', 'Iraq', '伊拉克'),
  memberState('IRL', 'IE', 'Ireland', '爱尔兰'),
  memberState('ISR', 'IL', 'Israel', '以色列'),
  memberState('ITA', 'IT', 'Italy', '意大利'),
  memberState('JAM', 'JM', 'Jamaica', '牙买加'),
  memberState('JPN', 'JP', 'Japan', '日本'),
  memberState('JOR', 'JO', 'Jordan', '约旦'),
  memberState('KAZ', 'KZ', 'Kazakhstan', '哈萨克斯坦'),
  memberState('KEN', 'KE', 'Kenya', '肯尼亚'),
  memberState('KIR', 'KI', 'Kiribati', '基里巴斯'),
  memberState('KWT', 'KW', 'Kuwait', '科威特'),
  memberState('KGZ', 'KG', 'Kyrgyzstan', '吉尔吉斯斯坦', ['kyrgyz republic']),
  memberState('LAO', 'LA', "Lao People's Democratic Republic", '老挝人民民主共和国', ['laos', 'lao pdr', '老挝']),
  memberState('LVA', 'LV', 'Latvia', '拉脱维亚'),
  memberState('LBN', 'LB', 'Lebanon', '黎巴嫩'),
  memberState('LSO', 'LS', 'Lesotho', '莱索托'),
  memberState('LBR', 'LR', 'Liberia', '利比里亚'),
  memberState('LBY', 'LY', 'Libya', '利比亚'),
  memberState('LIE', 'LI', 'Liechtenstein', '列支敦士登'),
  memberState('LTU', 'LT', 'Lithuania', '立陶宛'),
  memberState('LUX', 'LU', 'Luxembourg', '卢森堡'),
  memberState('MDG', 'MG', 'Madagascar', '马达加斯加'),
  memberState('MWI', 'MW', 'Malawi', '马拉维'),
  memberState('MYS', 'MY', 'Malaysia', '马来西亚'),
  memberState('MDV', 'MV', 'Maldives', '马尔代夫'),
  memberState('MLI', 'ML', 'Mali', '马里'),
  memberState('MLT', 'MT', 'Malta', '马耳他'),
  memberState('MHL', 'MH', 'Marshall Islands', '马绍尔群岛'),
  memberState('MRT', 'MR', 'Mauritania', '毛里塔尼亚'),
  memberState('MUS', 'MU', 'Mauritius', '毛里求斯'),
  memberState('MEX', 'MX', 'Mexico', '墨西哥'),
  memberState('FSM', 'FM', 'Micronesia (Federated States of)', '密克罗尼西亚联邦', ['micronesia', '密克罗尼西亚']),
  memberState('MCO', 'MC', 'Monaco', '摩纳哥'),
  memberState('MNG', 'MN', 'Mongolia', '蒙古'),
  memberState('MNE', 'ME', 'Montenegro', '黑山'),
  memberState('MAR', 'MA', 'Morocco', '摩洛哥'),
  memberState('MOZ', 'MZ', 'Mozambique', '莫桑比克'),
  memberState('MMR', 'MM', 'Myanmar', '缅甸', ['burma']),
  memberState('NAM', 'NA', 'Namibia', '纳米比亚'),
  memberState('NRU', 'NR', 'Nauru', '瑙鲁'),
  memberState('NPL', 'NP', 'Nepal', '尼泊尔'),
  memberState('NLD', 'NL', 'Netherlands (Kingdom of the)', '荷兰王国', ['netherlands', 'holland', '荷兰']),
  memberState('NZL', 'NZ', 'New Zealand', '新西兰'),
  memberState('NIC', 'NI', 'Nicaragua', '尼加拉瓜'),
  memberState('NER', 'NE', 'Niger', '尼日尔'),
  memberState('NGA', 'NG', 'Nigeria', '尼日利亚'),
  memberState('MKD', 'MK', 'North Macedonia', '北马其顿', ['macedonia', 'the former yugoslav republic of macedonia', '马其顿']),
  memberState('NOR', 'NO', 'Norway', '挪威'),
  memberState('OMN', 'OM', 'Oman', '阿曼'),
  memberState('PAK', 'PK', 'Pakistan', '巴基斯坦'),
  memberState('PLW', 'PW', 'Palau', '帕劳'),
  memberState('PAN', 'PA', 'Panama', '巴拿马'),
  memberState('PNG', 'PG', 'Papua New Guinea', '巴布亚新几内亚'),
  memberState('PRY', 'PY', 'Paraguay', '巴拉圭'),
  memberState('PER', 'PE', 'Peru', '秘鲁'),
  memberState('PHL', 'PH', 'Philippines', '菲律宾'),
  memberState('POL', 'PL', 'Poland', '波兰'),
  memberState('PRT', 'PT', 'Portugal', '葡萄牙'),
  memberState('QAT', 'QA', 'Qatar', '卡塔尔'),
  memberState('KOR', 'KR', 'Republic of Korea', '大韩民国', ['south korea', 'korea', '韩国']),
  memberState('MDA', 'MD', 'Republic of Moldova', '摩尔多瓦共和国', ['moldova', '摩尔多瓦']),
  memberState('ROU', 'RO', 'Romania', '罗马尼亚'),
  memberState('RUS', 'RU', 'Russian Federation', '俄罗斯联邦', ['russia', '俄罗斯']),
  memberState('RWA', 'RW', 'Rwanda', '卢旺达'),
  memberState('KNA', 'KN', 'Saint Kitts and Nevis', '圣基茨和尼维斯', ['st kitts and nevis']),
  memberState('LCA', 'LC', 'Saint Lucia', '圣卢西亚', ['st lucia']),
  memberState('VCT', 'VC', 'Saint Vincent and the Grenadines', '圣文森特和格林纳丁斯', ['st vincent and the grenadines']),
  memberState('WSM', 'WS', 'Samoa', '萨摩亚'),
  memberState('SMR', 'SM', 'San Marino', '圣马力诺'),
  memberState('STP', 'ST', 'Sao Tome and Principe', '圣多美和普林西比'),
  memberState('SAU', 'SA', 'Saudi Arabia', '沙特阿拉伯', ['ksa', '沙特']),
  memberState('SEN', 'SN', 'Senegal', '塞内加尔'),
  memberState('SRB', 'RS', 'Serbia', '塞尔维亚'),
  memberState('SYC', 'SC', 'Seychelles', '塞舌尔'),
  memberState('SLE', 'SL', 'Sierra Leone', '塞拉利昂'),
  memberState('SGP', 'SG', 'Singapore', '新加坡'),
  memberState('SVK', 'SK', 'Slovakia', '斯洛伐克'),
  memberState('SVN', 'SI', 'Slovenia', '斯洛文尼亚'),
  memberState('SLB', 'SB', 'Solomon Islands', '所罗门群岛'),
  memberState('SOM', 'SO', 'Somalia', '索马里'),
  memberState('ZAF', 'ZA', 'South Africa', '南非'),
  memberState('SSD', 'SS', 'South Sudan', '南苏丹'),
  memberState('ESP', 'ES', 'Spain', '西班牙'),
  memberState('LKA', 'LK', 'Sri Lanka', '斯里兰卡'),
  memberState('SDN', 'SD', 'Sudan', '苏丹'),
  memberState('SUR', 'SR', 'Suriname', '苏里南'),
  memberState('SWE', 'SE', 'Sweden', '瑞典'),
  memberState('CHE', 'CH', 'Switzerland', '瑞士'),
  memberState('SYR', 'SY', 'Syrian Arab Republic', '阿拉伯叙利亚共和国', ['syria', '叙利亚']),
  memberState('TJK', 'TJ', 'Tajikistan', '塔吉克斯坦'),
  memberState('THA', 'TH', 'Thailand', '泰国'),
  memberState('TLS', 'TL', 'Timor-Leste', '东帝汶', ['east timor']),
  memberState('TGO', 'TG', 'Togo', '多哥'),
  memberState('TON', 'TO', 'Tonga', '汤加'),
  memberState('TTO', 'TT', 'Trinidad and Tobago', '特立尼达和多巴哥'),
  memberState('TUN', 'TN', 'Tunisia', '突尼斯'),
  memberState('TUR', 'TR', 'Türkiye', '土耳其', ['turkey']),
  memberState('TKM', 'TM', 'Turkmenistan', '土库曼斯坦'),
  memberState('TUV', 'TV', 'Tuvalu', '图瓦卢'),
  memberState('UGA', 'UG', 'Uganda', '乌干达'),
  memberState('UKR', 'UA', 'Ukraine', '乌克兰'),
  memberState('ARE', 'AE', 'United Arab Emirates', '阿拉伯联合酋长国', ['uae', '阿联酋']),
  memberState('GBR', 'GB', 'United Kingdom of Great Britain and Northern Ireland', '大不列颠及北爱尔兰联合王国', ['uk', 'united kingdom', 'great britain', 'britain', '英国']),
  memberState('TZA', 'TZ', 'United Republic of Tanzania', '坦桑尼亚联合共和国', ['tanzania', '坦桑尼亚']),
  memberState('USA', 'US', 'United States of America', '美利坚合众国', ['usa', 'us', 'united states', 'america', '美国']),
  memberState('URY', 'UY', 'Uruguay', '乌拉圭'),
  memberState('UZB', 'UZ', 'Uzbekistan', '乌兹别克斯坦'),
  memberState('VUT', 'VU', 'Vanuatu', '瓦努阿图'),
  memberState('VEN', 'VE', 'Venezuela (Bolivarian Republic of)', '委内瑞拉玻利瓦尔共和国', ['venezuela', '委内瑞拉']),
  memberState('VNM', 'VN', 'Viet Nam', '越南', ['vietnam']),
  memberState('YEM', 'YE', 'Yemen', '也门'),
  memberState('ZMB', 'ZM', 'Zambia', '赞比亚'),
  memberState('ZWE', 'ZW', 'Zimbabwe', '津巴布韦'),
];

/** The two non-member observer States of the General Assembly. */
const observerStates: readonly Delegation[] = [
  observerState('VAT', 'VA', 'Holy See', '教廷', ['holy see', 'vatican', 'vatican city', '梵蒂冈']),
  observerState('PSE', 'PS', 'State of Palestine', '巴勒斯坦国', ['palestine', '巴勒斯坦']),
];

/** The 27 member States of the European Union (since 1 February 2020). */
const europeanUnionMembers: readonly string[] = [
  'AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL',
  'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE',
];

/** The European Union, which speaks for its member States and holds enhanced observer status (A/RES/65/276). */
const europeanUnion: Delegation = {
  code: 'EU',
  kind: 'organization',
  names: { en: 'European Union', zh: '欧洲联盟' },
  short: 'EU',
  aliases: ['eu', 'european union', '欧盟'],
  members: europeanUnionMembers,
};

/** The African Group: the 54 African Member States. */
const africanGroupMembers: readonly string[] = [
  'DZA', 'AGO', 'BEN', 'BWA', 'BFA', 'BDI', 'CPV', 'CMR', 'CAF', 'TCD', 'COM', 'COG', 'CIV', 'COD',
  'DJI', 'EGY', 'GNQ', 'ERI', 'SWZ', 'ETH', 'GAB', 'GMB', 'GHA', 'GIN', 'GNB', 'KEN', 'LSO', 'LBR',
  'LBY', 'MDG', 'MWI', 'MLI', 'MRT', 'MUS', 'MAR', 'MOZ', 'NAM', 'NER', 'NGA', 'RWA', 'STP', 'SEN',
  'SYC', 'SLE', 'SOM', 'ZAF', 'SSD', 'SDN', 'TGO', 'TUN', 'UGA', 'TZA', 'ZMB', 'ZWE',
];

/** The Asia-Pacific Group (including Kiribati since 2010; Türkiye is counted in WEOG for elections). */
const asiaPacificGroupMembers: readonly string[] = [
  'AFG', 'BHR', 'BGD', 'BTN', 'BRN', 'KHM', 'CHN', 'CYP', 'PRK', 'FJI', 'IND', 'IDN', 'IRN', 'IRQ',
  'JPN', 'JOR', 'KAZ', 'KIR', 'KWT', 'KGZ', 'LAO', 'LBN', 'MYS', 'MDV', 'MHL', 'FSM', 'MNG', 'MMR',
  'NRU', 'NPL', 'OMN', 'PAK', 'PLW', 'PNG', 'PHL', 'QAT', 'KOR', 'WSM', 'SAU', 'SGP', 'SLB', 'LKA',
  'SYR', 'TJK', 'THA', 'TLS', 'TON', 'TKM', 'TUV', 'ARE', 'UZB', 'VUT', 'VNM', 'YEM',
];

/** The Eastern European Group. */
const easternEuropeanGroupMembers: readonly string[] = [
  'ALB', 'ARM', 'AZE', 'BLR', 'BIH', 'BGR', 'HRV', 'CZE', 'EST', 'GEO', 'HUN', 'LVA', 'LTU', 'MNE',
  'MKD', 'POL', 'MDA', 'ROU', 'RUS', 'SRB', 'SVK', 'SVN', 'UKR',
];

/** The 33 States of Latin America and the Caribbean: GRULAC and CELAC have the same membership. */
const latinAmericanAndCaribbeanStates: readonly string[] = [
  'ATG', 'ARG', 'BHS', 'BRB', 'BLZ', 'BOL', 'BRA', 'CHL', 'COL', 'CRI', 'CUB', 'DMA', 'DOM', 'ECU',
  'SLV', 'GRD', 'GTM', 'GUY', 'HTI', 'HND', 'JAM', 'MEX', 'NIC', 'PAN', 'PRY', 'PER', 'KNA', 'LCA',
  'VCT', 'SUR', 'TTO', 'URY', 'VEN',
];

/** The Western European and Others Group; the United States attends as an observer and counts as a member for elections. */
const westernEuropeanAndOthersGroupMembers: readonly string[] = [
  'AND', 'AUS', 'AUT', 'BEL', 'CAN', 'DNK', 'FIN', 'FRA', 'DEU', 'GRC', 'ISL', 'IRL', 'ISR', 'ITA',
  'LIE', 'LUX', 'MLT', 'MCO', 'NLD', 'NZL', 'NOR', 'PRT', 'SMR', 'ESP', 'SWE', 'CHE', 'TUR', 'GBR',
  'USA',
];

/** The Group of 77 and China: 134 members, including China and the State of Palestine. */
const groupOf77AndChinaMembers: readonly string[] = [
  'AFG', 'DZA', 'AGO', 'ATG', 'ARG', 'BHS', 'BHR', 'BGD', 'BRB', 'BLZ', 'BEN', 'BTN', 'BOL', 'BIH',
  'BWA', 'BRA', 'BRN', 'BFA', 'BDI', 'CPV', 'KHM', 'CMR', 'CAF', 'TCD', 'CHL', 'CHN', 'COL', 'COM',
  'COG', 'CRI', 'CIV', 'CUB', 'PRK', 'COD', 'DJI', 'DMA', 'DOM', 'ECU', 'EGY', 'SLV', 'GNQ', 'ERI',
  'SWZ', 'ETH', 'FJI', 'GAB', 'GMB', 'GHA', 'GRD', 'GTM', 'GIN', 'GNB', 'GUY', 'HTI', 'HND', 'IND',
  'IDN', 'IRN', 'IRQ', 'JAM', 'JOR', 'KEN', 'KIR', 'KWT', 'LAO', 'LBN', 'LSO', 'LBR', 'LBY', 'MDG',
  'MWI', 'MYS', 'MDV', 'MLI', 'MHL', 'MRT', 'MUS', 'FSM', 'MNG', 'MAR', 'MOZ', 'MMR', 'NAM', 'NRU',
  'NPL', 'NIC', 'NER', 'NGA', 'OMN', 'PAK', 'PSE', 'PAN', 'PNG', 'PRY', 'PER', 'PHL', 'QAT', 'RWA',
  'KNA', 'LCA', 'VCT', 'WSM', 'STP', 'SAU', 'SEN', 'SYC', 'SLE', 'SGP', 'SLB', 'SOM', 'ZAF', 'SSD',
  'LKA', 'SDN', 'SUR', 'SYR', 'TJK', 'THA', 'TLS', 'TGO', 'TON', 'TTO', 'TUN', 'TKM', 'UGA', 'ARE',
  'TZA', 'URY', 'VUT', 'VEN', 'VNM', 'YEM', 'ZMB', 'ZWE',
];

/** The 14 Member States of the Caribbean Community (its other member, Montserrat, is not a UN Member State). */
const caribbeanCommunityMembers: readonly string[] = [
  'ATG', 'BHS', 'BRB', 'BLZ', 'DMA', 'GRD', 'GUY', 'HTI', 'JAM', 'KNA', 'LCA', 'VCT', 'SUR', 'TTO',
];

/** The Arab Group: the 22 members of the League of Arab States. */
const arabGroupMembers: readonly string[] = [
  'DZA', 'BHR', 'COM', 'DJI', 'EGY', 'IRQ', 'JOR', 'KWT', 'LBN', 'LBY', 'MRT', 'MAR', 'OMN', 'PSE',
  'QAT', 'SAU', 'SOM', 'SDN', 'SYR', 'TUN', 'ARE', 'YEM',
];

/** The 44 least developed countries (after the graduations of Vanuatu 2020, Bhutan 2023, Sao Tome and Principe 2024). */
const leastDevelopedCountries: readonly string[] = [
  'AFG', 'AGO', 'BGD', 'BEN', 'BFA', 'BDI', 'KHM', 'CAF', 'TCD', 'COM', 'COD', 'DJI', 'ERI', 'ETH',
  'GMB', 'GIN', 'GNB', 'HTI', 'KIR', 'LAO', 'LSO', 'LBR', 'MDG', 'MWI', 'MLI', 'MRT', 'MOZ', 'MMR',
  'NPL', 'NER', 'RWA', 'SEN', 'SLE', 'SLB', 'SOM', 'SSD', 'SDN', 'TLS', 'TGO', 'TUV', 'UGA', 'TZA',
  'YEM', 'ZMB',
];

/** The 32 landlocked developing countries. */
const landlockedDevelopingCountries: readonly string[] = [
  'AFG', 'ARM', 'AZE', 'BTN', 'BOL', 'BWA', 'BFA', 'BDI', 'CAF', 'TCD', 'SWZ', 'ETH', 'KAZ', 'KGZ',
  'LAO', 'LSO', 'MWI', 'MLI', 'MNG', 'NPL', 'NER', 'MKD', 'PRY', 'MDA', 'RWA', 'SSD', 'TJK', 'TKM',
  'UGA', 'UZB', 'ZMB', 'ZWE',
];

/** The 38 small island developing States that are UN Member States (the UN-OHRLLS list; associate members omitted). */
const smallIslandDevelopingStates: readonly string[] = [
  'ATG', 'BHS', 'BHR', 'BRB', 'BLZ', 'CPV', 'COM', 'CUB', 'DMA', 'DOM', 'FJI', 'GRD', 'GNB', 'GUY',
  'HTI', 'JAM', 'KIR', 'MDV', 'MHL', 'MUS', 'FSM', 'NRU', 'PLW', 'PNG', 'WSM', 'STP', 'SGP', 'KNA',
  'LCA', 'VCT', 'SYC', 'SLB', 'SUR', 'TLS', 'TON', 'TTO', 'TUV', 'VUT',
];

/** The 57 members of the Organisation of Islamic Cooperation, including the State of Palestine. */
const islamicCooperationMembers: readonly string[] = [
  'AFG', 'ALB', 'DZA', 'AZE', 'BHR', 'BGD', 'BEN', 'BRN', 'BFA', 'CMR', 'TCD', 'COM', 'CIV', 'DJI',
  'EGY', 'GAB', 'GMB', 'GIN', 'GNB', 'GUY', 'IDN', 'IRN', 'IRQ', 'JOR', 'KAZ', 'KWT', 'KGZ', 'LBN',
  'LBY', 'MYS', 'MDV', 'MLI', 'MRT', 'MAR', 'MOZ', 'NER', 'NGA', 'OMN', 'PAK', 'PSE', 'QAT', 'SAU',
  'SEN', 'SLE', 'SOM', 'SDN', 'SUR', 'SYR', 'TJK', 'TGO', 'TUN', 'TUR', 'TKM', 'UGA', 'ARE', 'UZB',
  'YEM',
];

/**
 * The usual negotiating groups. Members are given where the membership is well known; the
 * Non-Aligned Movement, the Alliance of Small Island States and the Like-minded group are left
 * without members (large, or varying with the forum).
 */
const groups: readonly Delegation[] = [
  negotiatingGroup('AFRICAN-GROUP', { short: 'African Group', en: 'African Group', zh: '非洲国家集团', aliases: ['africa', 'agn', '非洲集团'], members: africanGroupMembers }),
  negotiatingGroup('ASIA-PACIFIC-GROUP', { short: 'Asia-Pacific Group', en: 'Asia-Pacific Group', zh: '亚洲及太平洋国家集团', aliases: ['apg', 'asia-pacific', 'asia', '亚太集团'], members: asiaPacificGroupMembers }),
  negotiatingGroup('EASTERN-EUROPEAN-GROUP', { short: 'Eastern European Group', en: 'Eastern European Group', zh: '东欧国家集团', aliases: ['eeg', '东欧集团'], members: easternEuropeanGroupMembers }),
  negotiatingGroup('GRULAC', { short: 'GRULAC', en: 'Latin American and Caribbean Group', zh: '拉丁美洲和加勒比国家集团', aliases: ['grulac', 'latin america', '拉美集团'], members: latinAmericanAndCaribbeanStates }),
  negotiatingGroup('WEOG', { short: 'WEOG', en: 'Western European and Others Group', zh: '西欧和其他国家集团', aliases: ['weog', '西欧集团'], members: westernEuropeanAndOthersGroupMembers }),
  negotiatingGroup('G77', { short: 'G77 and China', en: 'Group of 77 and China', zh: '77国集团和中国', aliases: ['g77', 'g-77', 'g77 and china', 'group of 77', '77国集团'], members: groupOf77AndChinaMembers }),
  negotiatingGroup('CARICOM', { short: 'CARICOM', en: 'Caribbean Community', zh: '加勒比共同体', aliases: ['caricom', '加共体'], members: caribbeanCommunityMembers }),
  negotiatingGroup('CELAC', { short: 'CELAC', en: 'Community of Latin American and Caribbean States', zh: '拉丁美洲和加勒比国家共同体', aliases: ['celac', '拉共体'], members: latinAmericanAndCaribbeanStates }),
  negotiatingGroup('ARAB-GROUP', { short: 'Arab Group', en: 'Arab Group', zh: '阿拉伯国家集团', aliases: ['arab states', 'league of arab states', '阿拉伯集团'], members: arabGroupMembers }),
  negotiatingGroup('LDC', { short: 'LDCs', en: 'Least Developed Countries', zh: '最不发达国家', aliases: ['ldc', 'ldcs'], members: leastDevelopedCountries }),
  negotiatingGroup('LLDC', { short: 'LLDCs', en: 'Landlocked Developing Countries', zh: '内陆发展中国家', aliases: ['lldc', 'lldcs'], members: landlockedDevelopingCountries }),
  negotiatingGroup('AOSIS', { short: 'AOSIS', en: 'Alliance of Small Island States', zh: '小岛屿国家联盟', aliases: ['aosis', '小岛屿联盟'] }),
  negotiatingGroup('SIDS', { short: 'SIDS', en: 'Small Island Developing States', zh: '小岛屿发展中国家', aliases: ['sids'], members: smallIslandDevelopingStates }),
  negotiatingGroup('CANZ', { short: 'CANZ', en: 'Canada, Australia and New Zealand', zh: '加拿大、澳大利亚和新西兰', aliases: ['canz'], members: ['CAN', 'AUS', 'NZL'] }),
  negotiatingGroup('NON-ALIGNED-MOVEMENT', { short: 'NAM', en: 'Non-Aligned Movement', zh: '不结盟运动', aliases: ['nam', 'non-aligned'] }),
  negotiatingGroup('OIC', { short: 'OIC', en: 'Organisation of Islamic Cooperation group', zh: '伊斯兰合作组织集团', aliases: ['oic', 'organization of islamic cooperation', '伊斯兰合作组织'], members: islamicCooperationMembers }),
  negotiatingGroup('NORDIC', { short: 'Nordic countries', en: 'Nordic countries', zh: '北欧国家', aliases: ['nordics', 'nordic group'], members: ['DNK', 'FIN', 'ISL', 'NOR', 'SWE'] }),
  negotiatingGroup('LIKE-MINDED', { short: 'Like-minded group', en: 'Like-minded group', zh: '立场相近国家集团', aliases: ['lmg', 'like-minded', 'like-minded countries', '立场相近国家'] }),
];

/** Every known delegation: Member States, observer States, the European Union, then the negotiating groups. */
export const delegations: readonly Delegation[] = [...memberStates, ...observerStates, europeanUnion, ...groups];

const delegationsByCode: ReadonlyMap<string, Delegation> = new Map(
  delegations.map((delegation) => [delegation.code.toUpperCase(), delegation]),
);

/** The delegation with this code ('mex', 'EU', 'g77'), ignoring case; undefined when unknown. */
export function findDelegation(code: string): Delegation | undefined {
  return delegationsByCode.get(code.trim().toUpperCase());
}

/** The label used in attributions: the short label of the EU and groups, otherwise the State's name in the language. */
export function delegationLabel(delegation: Delegation, language: 'en' | 'zh'): string {
  return delegation.short ?? delegation.names[language];
}

/** Lower-cases, strips accents, unifies apostrophes and full-width forms, and collapses spaces. */
function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every word a user may type to find the delegation, normalized. */
function searchTerms(delegation: Delegation): string[] {
  const names = Object.values(delegation.names).filter((name): name is string => typeof name === 'string');
  const terms = [delegation.code, delegation.iso2, delegation.short, ...(delegation.aliases ?? []), ...names];
  return terms.filter((term): term is string => Boolean(term)).map(normalizeForSearch);
}

let searchIndex: ReadonlyArray<{ delegation: Delegation; terms: string[] }> | undefined;

function getSearchIndex(): ReadonlyArray<{ delegation: Delegation; terms: string[] }> {
  searchIndex ??= delegations.map((delegation) => ({ delegation, terms: searchTerms(delegation) }));
  return searchIndex;
}

const wordStart = /[\s\-(),'/]/;

/** How well a term matches the query: 0 exact, 1 prefix, 2 start of a later word, 3 elsewhere, undefined for no match. */
function termRank(term: string, query: string): number | undefined {
  const position = term.indexOf(query);
  if (position < 0) return undefined;
  if (position === 0) return term.length === query.length ? 0 : 1;
  return wordStart.test(term.charAt(position - 1)) ? 2 : 3;
}

function bestRank(terms: readonly string[], query: string): number | undefined {
  let best: number | undefined;
  for (const term of terms) {
    const rank = termRank(term, query);
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  return best;
}

/**
 * Delegations matching a picker query, best first. Matches the code, ISO alpha-2 code, short
 * label, aliases and the names in every stored language, ignoring case and accents; exact matches
 * rank above prefix matches, which rank above matches inside a word. An empty query returns [].
 */
export function searchDelegations(query: string, limit = 10): Delegation[] {
  const normalizedQuery = normalizeForSearch(query);
  if (normalizedQuery === '' || limit <= 0) return [];
  const matches: { delegation: Delegation; rank: number }[] = [];
  for (const { delegation, terms } of getSearchIndex()) {
    const rank = bestRank(terms, normalizedQuery);
    if (rank !== undefined) matches.push({ delegation, rank });
  }
  matches.sort((first, second) => first.rank - second.rank || first.delegation.names.en.localeCompare(second.delegation.names.en, 'en'));
  return matches.slice(0, limit).map((match) => match.delegation);
}
