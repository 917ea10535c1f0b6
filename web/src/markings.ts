// Dissemination markings as the server prints them (docs/security.md):
//   LEVEL[//COMPARTMENTS][//REL TO A, B|//NOFORN][//ORCON][//SOURCE PROTECTED][//TLP:X][//ORIG A, B]
// or TLP's own form "TLP:AMBER[//SOURCE PROTECTED][//ORIG X]". This module reads them,
// combines several into the marking a product of all of them must carry (the higher
// level, the releasability all allow, every caveat), and picks the banner's colours.

export const LEVELS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'] as const;
export const TLP_COLOURS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;

export interface Marking {
  /** Index into LEVELS; -1 for a level this page does not know (it then ranks highest). */
  level: number;
  levelName: string;
  /** Index into TLP_COLOURS, -1 without a traffic light. */
  tlp: number;
  /** Whether the marking was written in TLP's own form (no classification). */
  tlpForm: boolean;
  compartments: string[];
  relTo: string[];
  noforn: boolean;
  orcon: boolean;
  sourceProtected: boolean;
  originators: string[];
}

const INITIALS: Record<string, number> = { U: 0, R: 1, C: 2, S: 3, TS: 4 };

function levelIndex(name: string): number {
  const upper = name.toUpperCase();
  const i = (LEVELS as readonly string[]).indexOf(upper);
  return i >= 0 ? i : (INITIALS[upper] ?? -1);
}

function codes(list: string): string[] {
  return [...new Set(list.split(',').map((c) => c.trim()).filter(Boolean))].sort();
}

/** Reads a banner. Unknown parts are ignored; an empty banner reads as UNCLASSIFIED. */
export function parseMarking(banner: string): Marking {
  const parts = (banner || 'UNCLASSIFIED').split('//').map((p) => p.trim());
  const first = parts[0].toUpperCase();
  const tlpForm = first.startsWith('TLP:');
  const m: Marking = {
    level: tlpForm ? 0 : levelIndex(first),
    levelName: tlpForm ? LEVELS[0] : first,
    tlp: tlpForm ? (TLP_COLOURS as readonly string[]).indexOf(first) : -1,
    tlpForm,
    compartments: [],
    relTo: [],
    noforn: false,
    orcon: false,
    sourceProtected: false,
    originators: [],
  };
  for (const raw of parts.slice(1)) {
    const p = raw.toUpperCase();
    if (p.startsWith('REL TO ')) m.relTo = codes(p.slice(7));
    else if (p === 'NOFORN') m.noforn = true;
    else if (p === 'ORCON') m.orcon = true;
    else if (p === 'SOURCE PROTECTED' || p === 'SRCPROT') m.sourceProtected = true;
    else if (p.startsWith('TLP:')) m.tlp = (TLP_COLOURS as readonly string[]).indexOf(p);
    else if (p.startsWith('ORIG ')) m.originators = codes(p.slice(5));
    else if (/^[A-Z0-9-]+(\/[A-Z0-9-]+)*$/.test(p)) m.compartments = [...new Set(p.split('/'))].sort();
  }
  return m;
}

/** Prints a marking in the server's canonical order. */
export function printMarking(m: Marking): string {
  const plainTlp = m.tlp >= 0 && m.level === 0 && !m.relTo.length && !m.noforn && !m.orcon && !m.compartments.length;
  let out = plainTlp ? TLP_COLOURS[m.tlp] : m.levelName;
  if (m.compartments.length) out += '//' + m.compartments.join('/');
  if (m.noforn) out += '//NOFORN';
  if (m.relTo.length) out += '//REL TO ' + m.relTo.join(', ');
  if (m.orcon) out += '//ORCON';
  if (m.sourceProtected) out += '//SOURCE PROTECTED';
  if (m.tlp >= 0 && !plainTlp) out += '//' + TLP_COLOURS[m.tlp];
  if (m.originators.length) out += '//ORIG ' + m.originators.join(', ');
  return out;
}

/** The rank used to compare levels: an unknown level is treated as the highest. */
function rank(m: Marking): number {
  return m.level < 0 ? LEVELS.length : m.level;
}

/** The marking a product of both must carry. */
export function combine(a: Marking, b: Marking): Marking {
  const higher = rank(a) >= rank(b) ? a : b;
  let noforn = a.noforn || b.noforn;
  let relTo: string[] = [];
  if (!noforn) {
    if (!a.relTo.length) relTo = b.relTo;
    else if (!b.relTo.length) relTo = a.relTo;
    else {
      relTo = a.relTo.filter((c) => b.relTo.includes(c));
      if (!relTo.length) noforn = true; // nobody both allow
    }
  }
  const union = (x: string[], y: string[]) => [...new Set([...x, ...y])].sort();
  return {
    level: higher.level,
    levelName: higher.levelName,
    tlp: Math.max(a.tlp, b.tlp),
    tlpForm: false,
    compartments: union(a.compartments, b.compartments),
    relTo,
    noforn,
    orcon: a.orcon || b.orcon,
    sourceProtected: a.sourceProtected || b.sourceProtected,
    originators: union(a.originators, b.originators),
  };
}

/** The highest marking of a set of banners; UNCLASSIFIED for none. */
export function highestMarking(banners: Iterable<string>): string {
  let acc: Marking | null = null;
  for (const b of banners) {
    if (!b) continue;
    const m = parseMarking(b);
    acc = acc ? combine(acc, m) : m;
  }
  return acc ? printMarking(acc) : LEVELS[0];
}

export interface BannerStyle {
  /** A short class name for CSS: unclassified, restricted, ..., tlp-amber, unknown. */
  kind: string;
  background: string;
  color: string;
}

// [background, text] of each level, and of each traffic light (TLP 2.0: coloured text on black).
const COLOURS: Record<string, [string, string]> = {
  'UNCLASSIFIED': ['#007a33', '#ffffff'],
  'RESTRICTED': ['#0033a0', '#ffffff'],
  'CONFIDENTIAL': ['#0033a0', '#ffffff'],
  'SECRET': ['#c8102e', '#ffffff'],
  'TOP SECRET': ['#ff8c00', '#000000'],
  'TLP:CLEAR': ['#000000', '#ffffff'],
  'TLP:GREEN': ['#000000', '#33ff00'],
  'TLP:AMBER': ['#000000', '#ffc000'],
  'TLP:AMBER+STRICT': ['#000000', '#ffc000'],
  'TLP:RED': ['#000000', '#ff2b2b'],
};

function styleOf(name: string | undefined): BannerStyle {
  const colours = name ? COLOURS[name] : undefined;
  if (!colours || !name) return { kind: 'unknown', background: '#555555', color: '#ffffff' };
  return { kind: name.toLowerCase().replace(/[^a-z]+/g, '-'), background: colours[0], color: colours[1] };
}

/** The colours of a banner: by level, or by traffic light when the banner starts with TLP:. */
export function bannerStyle(banner: string): BannerStyle {
  const m = parseMarking(banner);
  return styleOf(m.tlpForm ? TLP_COLOURS[m.tlp] : LEVELS[m.level]);
}
