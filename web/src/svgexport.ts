// Writes a link chart as a standalone SVG document from node positions, labels and
// edges: lines (with an arrowhead for directed ties), circles, labels, and the
// chart's marking as a classification banner at the top and the bottom, so the
// file carries its marking wherever it goes.

import { bannerStyle } from './markings';

export interface SvgNode {
  id: string;
  label: string;
  x: number;
  y: number;
  fill: string;
  /** Outline colour, e.g. for a highlighted path. */
  stroke?: string;
}

export interface SvgEdge {
  source: string;
  target: string;
  label: string;
  color: string;
  directed: boolean;
}

export interface SvgChart {
  nodes: SvgNode[];
  edges: SvgEdge[];
  marking: string;
}

const RADIUS = 14;
const PAD = 60;
const BANNER = 24;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const num = (n: number) => String(Math.round(n * 10) / 10);

export function chartToSvg(chart: SvgChart): string {
  const xs = chart.nodes.map((n) => n.x);
  const ys = chart.nodes.map((n) => n.y);
  const minX = xs.length ? Math.min(...xs) - PAD : 0;
  const minY = ys.length ? Math.min(...ys) - PAD : 0;
  const width = Math.max(400, (xs.length ? Math.max(...xs) + PAD : 0) - minX);
  const graphHeight = Math.max(200, (ys.length ? Math.max(...ys) + PAD : 0) - minY);
  const height = graphHeight + 2 * BANNER;
  // Graph coordinates shifted so the graph sits between the two banners.
  const gx = (x: number) => num(x - minX);
  const gy = (y: number) => num(y - minY + BANNER);
  const at = new Map(chart.nodes.map((n) => [n.id, n]));
  const style = bannerStyle(chart.marking);
  const marking = escapeXml(chart.marking);
  const banner = (y: number) =>
    `<rect x="0" y="${num(y)}" width="${num(width)}" height="${BANNER}" fill="${style.background}"/>` +
    `<text x="${num(width / 2)}" y="${num(y + 16)}" text-anchor="middle" fill="${style.color}" font-weight="bold" font-size="13">${marking}</text>`;

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="sans-serif">`,
    `<title>${marking}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">' +
      '<path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>',
    `<rect x="0" y="0" width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
    banner(0),
  ];
  for (const e of chart.edges) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (!s || !t) continue;
    // Stop the line at the target's rim so the arrowhead shows.
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const len = Math.hypot(dx, dy) || 1;
    const tx = t.x - (dx / len) * RADIUS;
    const ty = t.y - (dy / len) * RADIUS;
    out.push(
      `<line x1="${gx(s.x)}" y1="${gy(s.y)}" x2="${gx(tx)}" y2="${gy(ty)}" stroke="${escapeXml(e.color)}" stroke-width="1.5"` +
        `${e.directed ? ' marker-end="url(#arrow)"' : ''}/>`,
    );
    if (e.label) {
      out.push(
        `<text x="${gx((s.x + t.x) / 2)}" y="${gy((s.y + t.y) / 2)}" font-size="9" fill="#444" text-anchor="middle">${escapeXml(e.label)}</text>`,
      );
    }
  }
  for (const n of chart.nodes) {
    out.push(
      `<circle cx="${gx(n.x)}" cy="${gy(n.y)}" r="${RADIUS}" fill="${escapeXml(n.fill)}" stroke="${escapeXml(n.stroke ?? '#333')}" stroke-width="${n.stroke ? 3 : 1}"/>`,
      `<text x="${gx(n.x)}" y="${gy(n.y + RADIUS + 12)}" font-size="11" text-anchor="middle" fill="#111">${escapeXml(n.label)}</text>`,
    );
  }
  out.push(banner(graphHeight + BANNER), '</svg>');
  return out.join('\n');
}
