import { describe, it, expect } from 'vitest';
import {
  globalCompactProcess,
  negotiationRounds,
  processPhases,
  type ProcessEvent,
  type ProcessEventKind,
} from '../../shared/domain/processTemplate';

const cjk = /[\u4e00-\u9fff]/;

function eventsOfKind(kind: ProcessEventKind): ProcessEvent[] {
  return globalCompactProcess.filter((event) => event.kind === kind);
}

function eventById(id: string): ProcessEvent {
  const event = globalCompactProcess.find((candidate) => candidate.id === id);
  if (!event) throw new Error(`no event ${id}`);
  return event;
}

function phase(id: 'consultations' | 'stocktaking' | 'negotiations'): { from: string; to: string } {
  const found = processPhases.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no phase ${id}`);
  return found;
}

function isWithin(month: string, period: { from: string; to: string }): boolean {
  return month >= period.from && month <= period.to;
}

describe('the Global Compact process calendar', () => {
  it('has unique ids and well-formed months and dates', () => {
    expect(new Set(globalCompactProcess.map((event) => event.id)).size).toBe(globalCompactProcess.length);
    for (const event of globalCompactProcess) {
      expect(event.month, event.id).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/);
      if (event.startDate !== undefined) {
        expect(event.startDate, event.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(event.startDate.slice(0, 7), event.id).toBe(event.month);
        expect(Number.isNaN(Date.parse(event.startDate)), event.id).toBe(false);
      }
    }
  });

  it('lists events in chronological order', () => {
    const months = globalCompactProcess.map((event) => event.month);
    expect(months).toEqual([...months].sort());
    const dates = globalCompactProcess.flatMap((event) => (event.startDate ? [event.startDate] : []));
    expect(dates).toEqual([...dates].sort());
  });

  it('titles every event in English and Chinese', () => {
    for (const event of globalCompactProcess) {
      expect(event.title.en.trim(), event.id).not.toBe('');
      expect(event.title.zh, event.id).toMatch(cjk);
      for (const text of [event.theme, event.venue]) if (text) expect(text.zh, event.id).toMatch(cjk);
    }
  });

  it('has six thematic sessions, numbered 1-6, with theme, venue and month, within Phase 1', () => {
    const sessions = eventsOfKind('thematic-session');
    expect(sessions.map((session) => session.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sessions.map((session) => session.id)).toEqual(['thematic-1', 'thematic-2', 'thematic-3', 'thematic-4', 'thematic-5', 'thematic-6']);
    for (const session of sessions) {
      expect(session.theme?.en, session.id).toBeTruthy();
      expect(session.venue, session.id).toBeDefined();
      expect(isWithin(session.month, phase('consultations')), session.id).toBe(true);
    }
    expect(sessions.map((session) => session.venue?.en)).toEqual([
      'United Nations Office at Geneva', 'United Nations Headquarters, New York', 'United Nations Office at Geneva',
      'United Nations Headquarters, New York', 'United Nations Office at Vienna', 'United Nations Office at Geneva',
    ]);
    expect(sessions.map((session) => session.month)).toEqual(['2017-05', '2017-05', '2017-06', '2017-07', '2017-09', '2017-10']);
    expect(sessions[4]?.theme?.en).toMatch(/^Smuggling of migrants/);
  });

  it('has six negotiation rounds of 3, 4, 4, 5, 5 and 5 days, February to July 2018', () => {
    const rounds = negotiationRounds(globalCompactProcess);
    expect(rounds.map((round) => round.id)).toEqual(['round-1', 'round-2', 'round-3', 'round-4', 'round-5', 'round-6']);
    expect(rounds.map((round) => round.days)).toEqual([3, 4, 4, 5, 5, 5]);
    expect(rounds.map((round) => round.month)).toEqual(['2018-02', '2018-03', '2018-04', '2018-05', '2018-06', '2018-07']);
    for (const round of rounds) expect(isWithin(round.month, phase('negotiations')), round.id).toBe(true);
  });

  it('sorts rounds by number whatever the input order', () => {
    const shuffled = [...globalCompactProcess].reverse();
    expect(negotiationRounds(shuffled).map((round) => round.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(negotiationRounds([])).toEqual([]);
  });

  it('holds the stocktaking meeting in Puerto Vallarta, 4-6 December 2017, within Phase 2', () => {
    const stocktaking = eventById('stocktaking');
    expect(stocktaking.kind).toBe('stocktaking');
    expect(stocktaking.startDate).toBe('2017-12-04');
    expect(stocktaking.days).toBe(3);
    expect(stocktaking.venue?.en).toMatch(/Puerto Vallarta/);
    expect(isWithin(stocktaking.month, phase('stocktaking'))).toBe(true);
  });

  it("has the Secretary-General's report in December 2017, the regional consultations and the hearings", () => {
    expect(eventsOfKind('report').map((event) => event.month)).toEqual(['2017-12']);
    expect(eventsOfKind('regional-consultation')).toHaveLength(1);
    const hearingDays = eventsOfKind('hearing').reduce((total, event) => total + (event.days ?? 0), 0);
    expect(hearingDays).toBe(4);
  });

  it('releases the zero draft on 5 February 2018, before the first round', () => {
    const zeroDraft = eventById('zero-draft');
    expect(zeroDraft.startDate).toBe('2018-02-05');
    expect(globalCompactProcess.indexOf(zeroDraft)).toBeLessThan(globalCompactProcess.indexOf(eventById('round-1')));
  });

  it('issues each revised draft between two rounds', () => {
    expect(eventById('zero-draft-plus').startDate).toBe('2018-03-05');
    expect(eventById('draft-rev-1').startDate).toBe('2018-03-26');
    expect(eventById('draft-rev-2').month).toBe('2018-05');
    expect(eventById('draft-rev-3').month).toBe('2018-06');
    const order = globalCompactProcess.map((event) => event.id);
    const between: [string, string, string][] = [
      ['round-1', 'zero-draft-plus', 'round-2'],
      ['round-2', 'draft-rev-1', 'round-3'],
      ['round-4', 'draft-rev-2', 'round-5'],
      ['round-5', 'draft-rev-3', 'round-6'],
    ];
    for (const [before, revision, after] of between) {
      expect(order.indexOf(before), revision).toBeLessThan(order.indexOf(revision));
      expect(order.indexOf(revision), revision).toBeLessThan(order.indexOf(after));
    }
  });

  it('ends with the conference in Marrakech, 10-11 December 2018', () => {
    const conference = globalCompactProcess.at(-1);
    expect(conference?.kind).toBe('conference');
    expect(conference?.startDate).toBe('2018-12-10');
    expect(conference?.days).toBe(2);
    expect(conference?.venue?.en).toMatch(/Marrakech/);
  });
});

describe('process phases', () => {
  it('has the three phases of A/RES/71/280 in order, without gaps', () => {
    expect(processPhases.map((entry) => entry.id)).toEqual(['consultations', 'stocktaking', 'negotiations']);
    expect(processPhases.map((entry) => [entry.from, entry.to])).toEqual([
      ['2017-04', '2017-11'], ['2017-11', '2018-01'], ['2018-02', '2018-07'],
    ]);
    for (const entry of processPhases) {
      expect(entry.from <= entry.to).toBe(true);
      expect(entry.title.zh).toMatch(cjk);
    }
  });
});
