import { describe, expect, it } from 'vitest';
import { chartToSvg, escapeXml, type SvgChart } from '../../src/svgexport';

const chart: SvgChart = {
  marking: 'SECRET//REL TO DEU, EST//ORIG BALTSEC',
  nodes: [
    { id: 'a', label: 'Rex Tillerson', x: 0, y: 0, fill: '#4a78c2' },
    { id: 'b', label: 'Igor <Sechin> & "Co"', x: 300, y: 100, fill: 'rgb(214,39,40)', stroke: '#e8590c' },
    { id: 'c', label: 'Rosneft', x: 150, y: 400, fill: '#2a9d8f' },
  ],
  edges: [
    { source: 'a', target: 'b', label: 'Associate', color: '#e8590c', directed: false },
    { source: 'b', target: 'c', label: 'Directorship', color: '#9aa5b1', directed: true },
    { source: 'a', target: 'gone', label: 'Ownership', color: '#9aa5b1', directed: true },
  ],
};

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('chartToSvg', () => {
  const svg = chartToSvg(chart);

  it('is one svg document with a circle and a label per node', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(count(svg, /<circle /g)).toBe(3);
    expect(svg).toContain('>Rex Tillerson</text>');
    expect(svg).toContain('>Igor &lt;Sechin&gt; &amp; &quot;Co&quot;</text>');
    expect(svg).not.toContain('<Sechin>');
  });

  it('draws an edge only between nodes it has, with an arrowhead only when directed', () => {
    expect(count(svg, /<line /g)).toBe(2);
    expect(count(svg, /marker-end="url\(#arrow\)"/g)).toBe(1);
    expect(svg).toContain('>Directorship</text>');
    expect(svg).not.toContain('>Ownership</text>');
  });

  it('carries the marking in a banner at the top and the bottom, in its level colour', () => {
    expect(count(svg, />SECRET\/\/REL TO DEU, EST\/\/ORIG BALTSEC<\/text>/g)).toBe(2);
    expect(count(svg, /fill="#c8102e"/g)).toBe(2);
    const banners = [...svg.matchAll(/<rect x="0" y="([\d.]+)" width="[\d.]+" height="24" fill="#c8102e"\/>/g)].map((m) => Number(m[1]));
    const height = Number(/height="([\d.]+)" viewBox/.exec(svg)?.[1]);
    expect(banners).toEqual([0, height - 24]);
  });

  it('shifts the graph so every node lies between the banners', () => {
    const ys = [...svg.matchAll(/<circle cx="[-\d.]+" cy="([-\d.]+)"/g)].map((m) => Number(m[1]));
    const xs = [...svg.matchAll(/<circle cx="([-\d.]+)"/g)].map((m) => Number(m[1]));
    const width = Number(/width="([\d.]+)"/.exec(svg)?.[1]);
    const height = Number(/height="([\d.]+)" viewBox/.exec(svg)?.[1]);
    expect(Math.min(...ys)).toBeGreaterThan(24);
    expect(Math.max(...ys)).toBeLessThan(height - 24);
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(width);
  });

  it('outlines the nodes of a path', () => {
    expect(svg).toMatch(/<circle [^>]*stroke="#e8590c" stroke-width="3"\/>/);
    expect(count(svg, /stroke-width="1"\/>/g)).toBe(2);
  });

  it('writes an empty chart with its banners', () => {
    const empty = chartToSvg({ nodes: [], edges: [], marking: 'UNCLASSIFIED' });
    expect(count(empty, /<circle /g)).toBe(0);
    expect(count(empty, />UNCLASSIFIED<\/text>/g)).toBe(2);
  });
});
