import { describe, expect, it } from 'vitest';
import { bannerStyle, highestMarking, parseMarking, printMarking } from '../../src/markings';

describe('bannerStyle', () => {
  // [banner, kind, background, text colour]
  const cases: Array<[string, string, string, string]> = [
    ['UNCLASSIFIED', 'unclassified', '#007a33', '#ffffff'],
    ['RESTRICTED', 'restricted', '#0033a0', '#ffffff'],
    ['CONFIDENTIAL//REL TO DEU, EST, GBR//SOURCE PROTECTED//ORIG WESTINT', 'confidential', '#0033a0', '#ffffff'],
    ['SECRET//REL TO DEU, EST//SOURCE PROTECTED//ORIG BALTSEC', 'secret', '#c8102e', '#ffffff'],
    ['TOP SECRET//ZEUS//NOFORN', 'top-secret', '#ff8c00', '#000000'],
    // Initials, as the server reads them.
    ['TS//NOFORN', 'top-secret', '#ff8c00', '#000000'],
    ['S', 'secret', '#c8102e', '#ffffff'],
    // Traffic-light colours only when the banner starts with TLP:.
    ['TLP:RED', 'tlp-red', '#000000', '#ff2b2b'],
    ['TLP:AMBER+STRICT//ORIG GBR', 'tlp-amber-strict', '#000000', '#ffc000'],
    ['TLP:CLEAR', 'tlp-clear', '#000000', '#ffffff'],
    ['TLP:GREEN', 'tlp-green', '#000000', '#33ff00'],
    ['CONFIDENTIAL//REL TO EST//TLP:AMBER', 'confidential', '#0033a0', '#ffffff'],
    // What it cannot read is unknown, not a guessed level.
    ['COSMIC PURPLE', 'unknown', '#555555', '#ffffff'],
    ['TLP:PINK', 'unknown', '#555555', '#ffffff'],
  ];
  it.each(cases)('colours %s', (banner, kind, background, color) => {
    expect(bannerStyle(banner)).toEqual({ kind, background, color });
  });
});

describe('highestMarking', () => {
  it('is UNCLASSIFIED for no markings', () => {
    expect(highestMarking([])).toBe('UNCLASSIFIED');
    expect(highestMarking(['', ''])).toBe('UNCLASSIFIED');
  });

  it('keeps the higher level and every caveat and originator', () => {
    expect(highestMarking([
      'UNCLASSIFIED',
      'SECRET//REL TO DEU, EST//SOURCE PROTECTED//ORIG BALTSEC',
      'CONFIDENTIAL//REL TO DEU, EST, GBR//ORCON//ORIG WESTINT',
    ])).toBe('SECRET//REL TO DEU, EST//ORCON//SOURCE PROTECTED//ORIG BALTSEC, WESTINT');
  });

  it('releases only to whom all allow, and to nobody abroad when none is common', () => {
    expect(highestMarking(['SECRET//REL TO DEU, GBR', 'SECRET//REL TO EST, GBR'])).toBe('SECRET//REL TO GBR');
    expect(highestMarking(['SECRET//REL TO DEU', 'SECRET//REL TO EST'])).toBe('SECRET//NOFORN');
    expect(highestMarking(['SECRET//NOFORN', 'CONFIDENTIAL//REL TO EST'])).toBe('SECRET//NOFORN');
  });

  it('keeps the strictest traffic light, in TLP form while nothing else restricts', () => {
    expect(highestMarking(['TLP:GREEN', 'TLP:AMBER//ORIG GBR', 'UNCLASSIFIED'])).toBe('TLP:AMBER//ORIG GBR');
    expect(highestMarking(['TLP:RED', 'CONFIDENTIAL//REL TO EST'])).toBe('CONFIDENTIAL//REL TO EST//TLP:RED');
  });

  it('ranks a level it does not know above the known ones', () => {
    expect(highestMarking(['TOP SECRET', 'COSMIC'])).toBe('COSMIC');
  });
});

describe('parseMarking and printMarking', () => {
  it('print the server canonical banners unchanged', () => {
    for (const banner of [
      'UNCLASSIFIED',
      'SECRET//REL TO DEU, GBR//ORCON//SOURCE PROTECTED//ORIG WESTINT',
      'TOP SECRET//ATHENA/ZEUS//NOFORN//ORIG WESTINT',
      'TLP:AMBER//ORIG GBR',
      'CONFIDENTIAL//REL TO EST//TLP:AMBER',
    ]) expect(printMarking(parseMarking(banner))).toBe(banner);
  });

  it('reads compartments, releasability and originators as sets', () => {
    const m = parseMarking('TOP SECRET//ZEUS/ATHENA//REL TO GBR, DEU//ORIG WESTINT, BALTSEC');
    expect(m.level).toBe(4);
    expect(m.compartments).toEqual(['ATHENA', 'ZEUS']);
    expect(m.relTo).toEqual(['DEU', 'GBR']);
    expect(m.originators).toEqual(['BALTSEC', 'WESTINT']);
  });
});
