import { describe, expect, it } from 'vitest';
import { axisYears, buildTimeline, dayNumber, type DatedTie } from '../../src/timeline';

let n = 0;
const tie = (start: string | null, end: string | null, label = `t${++n}`): DatedTie => ({
  tie: label, schema: 'UnknownLink', label, grading: 'B2', marking: 'UNCLASSIFIED', start, end, fromCaption: 'A', toCaption: 'B',
});

describe('buildTimeline', () => {
  it('orders dated ties by start, then end, then label, and sets undated ties apart', () => {
    const t = buildTimeline([
      tie('2017-01', null, 'call'),
      tie(null, null, 'undated'),
      tie('2008', null, 'cable'),
      tie('2016-12-05', '2017-02-01', 'long'),
      tie('2016-12-05', '2016-12-06', 'short'),
      tie('2016-08', null, 'b-meeting'),
      tie('2016-08', null, 'a-meeting'),
    ]);
    expect(t.items.map((i) => i.tie.label)).toEqual(['cable', 'a-meeting', 'b-meeting', 'short', 'long', 'call']);
    expect(t.undated.map((u) => u.label)).toEqual(['undated']);
    expect(t.items[0].start).toBe('2008-01-01');
    expect(t.span).toEqual({ from: '2008-01-01', to: '2017-02-01' });
  });

  it('places a tie known only to have ended at its end', () => {
    const t = buildTimeline([tie('2010', null, 'x'), tie(null, '2005-06', 'ended')]);
    expect(t.items.map((i) => i.tie.label)).toEqual(['ended', 'x']);
    expect(t.items[0]).toMatchObject({ start: '2005-06-30', end: '2005-06-30', endOnly: true });
  });

  it('has no span without dated ties', () => {
    const t = buildTimeline([tie(null, null)]);
    expect(t.items).toEqual([]);
    expect(t.span).toBeNull();
  });
});

describe('axis', () => {
  it('counts days', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2016-03-01') - dayNumber('2016-02-28')).toBe(2);
  });

  it('labels at most the asked number of years, covering the span', () => {
    expect(axisYears({ from: '2008-01-01', to: '2017-02-01' })).toEqual(
      [2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018]);
    const wide = axisYears({ from: '1950-05-01', to: '2020-01-01' }, 10);
    expect(wide.length).toBeLessThanOrEqual(11);
    expect(wide[0]).toBe(1950);
    expect(wide[wide.length - 1]).toBeGreaterThanOrEqual(2020);
  });
});
