import { describe, it, expect } from 'vitest';
import countries from 'i18n-iso-countries';
import {
  delegations,
  delegationLabel,
  findDelegation,
  searchDelegations,
  type Delegation,
} from '../../shared/domain/delegations';

const cjk = /[\u4e00-\u9fff]/;
const states = delegations.filter((delegation) => delegation.kind === 'member-state' || delegation.kind === 'observer-state');

function membersOf(code: string): readonly string[] {
  const members = findDelegation(code)?.members;
  if (!members) throw new Error(`${code} has no members`);
  return members;
}

function codes(results: readonly Delegation[]): string[] {
  return results.map((delegation) => delegation.code);
}

describe('delegation registry', () => {
  it('holds exactly 193 Member States and the 2 observer States', () => {
    expect(delegations.filter((delegation) => delegation.kind === 'member-state')).toHaveLength(193);
    const observers = delegations.filter((delegation) => delegation.kind === 'observer-state');
    expect(codes(observers).sort()).toEqual(['PSE', 'VAT']);
  });

  it('has unique codes, case-insensitively', () => {
    const upperCaseCodes = delegations.map((delegation) => delegation.code.toUpperCase());
    expect(new Set(upperCaseCodes).size).toBe(delegations.length);
    for (const delegation of delegations) expect(delegation.code).toBe(delegation.code.toUpperCase());
  });

  it('gives every State valid, matching ISO 3166-1 alpha-3 and alpha-2 codes', () => {
    for (const state of states) {
      expect(countries.isValid(state.code), state.code).toBe(true);
      expect(state.iso2, state.code).toBeDefined();
      expect(countries.isValid(state.iso2 ?? ''), state.code).toBe(true);
      expect(countries.alpha3ToAlpha2(state.code), state.code).toBe(state.iso2);
    }
    expect(new Set(states.map((state) => state.iso2)).size).toBe(states.length);
  });

  it('gives no ISO code to groups and organizations, and a short label to each of them', () => {
    for (const delegation of delegations.filter((entry) => entry.kind === 'group' || entry.kind === 'organization')) {
      expect(delegation.iso2, delegation.code).toBeUndefined();
      expect(delegation.short, delegation.code).toBeTruthy();
      expect(countries.isValid(delegation.code), delegation.code).toBe(false);
    }
  });

  it('names every entry in English and in Chinese', () => {
    for (const delegation of delegations) {
      expect(delegation.names.en.trim(), delegation.code).not.toBe('');
      expect(delegation.names.zh, delegation.code).toMatch(cjk);
      expect(delegation.names.en, delegation.code).not.toMatch(cjk);
    }
  });

  it('uses UN short names', () => {
    expect(findDelegation('BOL')?.names).toEqual({ en: 'Bolivia (Plurinational State of)', zh: '玻利维亚（多民族国）' });
    expect(findDelegation('GBR')?.names.en).toBe('United Kingdom of Great Britain and Northern Ireland');
    expect(findDelegation('CIV')?.names.en).toBe("Côte d'Ivoire");
    expect(findDelegation('CHN')?.names.zh).toBe('中国');
    expect(findDelegation('VAT')?.names).toEqual({ en: 'Holy See', zh: '教廷' });
    expect(findDelegation('PSE')?.names).toEqual({ en: 'State of Palestine', zh: '巴勒斯坦国' });
  });
});

describe('group membership', () => {
  const stateCodes = new Set(states.map((state) => state.code));
  const withMembers = delegations.filter((delegation) => delegation.members !== undefined);

  it('lists only existing States, each once', () => {
    for (const group of withMembers) {
      const members = group.members ?? [];
      expect(members.length, group.code).toBeGreaterThan(0);
      expect(new Set(members).size, group.code).toBe(members.length);
      for (const member of members) expect(stateCodes.has(member), `${group.code}: ${member}`).toBe(true);
    }
  });

  it('gives members to the groups whose membership is well known', () => {
    const expectedSizes: Record<string, number> = {
      EU: 27, 'AFRICAN-GROUP': 54, 'ARAB-GROUP': 22, CARICOM: 14, CELAC: 33, NORDIC: 5, CANZ: 3, G77: 134,
    };
    for (const [code, size] of Object.entries(expectedSizes)) expect(membersOf(code), code).toHaveLength(size);
  });

  it('puts the EU in kind organization and its members in the EU regional groups', () => {
    expect(findDelegation('EU')?.kind).toBe('organization');
    expect(membersOf('EU')).not.toContain('GBR');
    expect(membersOf('EU')).toEqual(expect.arrayContaining(['DEU', 'FRA', 'HRV', 'CYP']));
  });

  it('divides the 193 Member States among the five regional groups', () => {
    const regional = ['AFRICAN-GROUP', 'ASIA-PACIFIC-GROUP', 'EASTERN-EUROPEAN-GROUP', 'GRULAC', 'WEOG'].flatMap(membersOf);
    const memberStates = delegations.filter((delegation) => delegation.kind === 'member-state').map((delegation) => delegation.code);
    expect([...regional].sort()).toEqual([...memberStates].sort());
  });

  it('keeps CELAC and GRULAC on the same 33 States, CARICOM among them', () => {
    expect([...membersOf('CELAC')].sort()).toEqual([...membersOf('GRULAC')].sort());
    expect(membersOf('CELAC')).toEqual(expect.arrayContaining([...membersOf('CARICOM')]));
  });

  it('counts China and the State of Palestine in the G77 and China, but no EU member', () => {
    const groupOf77 = membersOf('G77');
    expect(groupOf77).toEqual(expect.arrayContaining(['CHN', 'PSE', 'MAR', 'BRA']));
    for (const member of membersOf('EU')) expect(groupOf77, member).not.toContain(member);
    expect(groupOf77).not.toContain('MEX');
  });

  it('places every Arab Group member in the Arab States of the OIC', () => {
    expect(membersOf('OIC')).toEqual(expect.arrayContaining([...membersOf('ARAB-GROUP')]));
  });
});

describe('findDelegation and delegationLabel', () => {
  it('finds codes case-insensitively', () => {
    expect(findDelegation('mex')?.names.en).toBe('Mexico');
    expect(findDelegation('eu')?.code).toBe('EU');
    expect(findDelegation('g77')?.code).toBe('G77');
    expect(findDelegation('Caricom')?.code).toBe('CARICOM');
    expect(findDelegation('XXX')).toBeUndefined();
  });

  it('labels groups by their short label and States by their name', () => {
    const eu = findDelegation('EU');
    const groupOf77 = findDelegation('G77');
    const switzerland = findDelegation('CHE');
    if (!eu || !groupOf77 || !switzerland) throw new Error('missing delegation');
    expect(delegationLabel(eu, 'en')).toBe('EU');
    expect(delegationLabel(groupOf77, 'zh')).toBe('G77 and China');
    expect(delegationLabel(switzerland, 'en')).toBe('Switzerland');
    expect(delegationLabel(switzerland, 'zh')).toBe('瑞士');
  });
});

describe('searchDelegations', () => {
  it('returns nothing for an empty query', () => {
    expect(searchDelegations('')).toEqual([]);
    expect(searchDelegations('   ')).toEqual([]);
  });

  it('finds the European Union for "eu"', () => {
    expect(searchDelegations('eu')[0]?.code).toBe('EU');
    expect(searchDelegations('EU')[0]?.code).toBe('EU');
  });

  it('finds the Group of 77 and China for "g77"', () => {
    expect(searchDelegations('g77')[0]?.code).toBe('G77');
    expect(searchDelegations('group of 77')[0]?.code).toBe('G77');
  });

  it('puts China before the G77 and China for "china", and finds both', () => {
    const results = codes(searchDelegations('china'));
    expect(results[0]).toBe('CHN');
    expect(results).toContain('G77');
  });

  it('finds China by its Chinese name', () => {
    const results = codes(searchDelegations('中国'));
    expect(results[0]).toBe('CHN');
    expect(results).toContain('G77');
  });

  it('ignores accents: "cote" finds Côte d\'Ivoire', () => {
    expect(searchDelegations('cote')[0]?.code).toBe('CIV');
    expect(searchDelegations('Côte d’Ivoire')[0]?.code).toBe('CIV');
  });

  it('finds States by alias and by alpha-2 code', () => {
    expect(searchDelegations('usa')[0]?.code).toBe('USA');
    expect(searchDelegations('uk')[0]?.code).toBe('GBR');
    expect(searchDelegations('vatican')[0]?.code).toBe('VAT');
    expect(searchDelegations('holy see')[0]?.code).toBe('VAT');
    expect(searchDelegations('palestine')[0]?.code).toBe('PSE');
    expect(searchDelegations('turkey')[0]?.code).toBe('TUR');
    expect(searchDelegations('mx')[0]?.code).toBe('MEX');
    expect(searchDelegations('英国')[0]?.code).toBe('GBR');
  });

  it('ranks prefix matches above matches inside a word', () => {
    const results = codes(searchDelegations('ger', 20));
    expect(results[0]).toBe('DEU');
    expect(results.indexOf('DEU')).toBeLessThan(results.indexOf('NGA'));
    expect(results).toContain('NER');
    const guinea = codes(searchDelegations('guinea', 20));
    expect(guinea[0]).toBe('GIN');
    expect(guinea.indexOf('GNB')).toBeLessThan(guinea.indexOf('GNQ'));
  });

  it('respects the limit', () => {
    expect(searchDelegations('a', 5)).toHaveLength(5);
    expect(searchDelegations('a').length).toBeLessThanOrEqual(10);
  });
});
