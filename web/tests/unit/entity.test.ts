import { describe, expect, it } from 'vitest';
import { pageMarking } from '../../src/pages/entity';
import { propertyOrder } from '../../src/properties';
import type { Entity, Tie } from '../../src/types';

const tie = (marking: string) => ({ marking }) as Tie;
const entity = (marking: string, ties: Tie[]) => ({ marking, ties }) as Entity;

describe('the entity page', () => {
  it('is marked with the highest of its statements and its ties', () => {
    expect(pageMarking(entity('UNCLASSIFIED', []))).toBe('UNCLASSIFIED');
    expect(pageMarking(entity('UNCLASSIFIED', [tie('UNCLASSIFIED'), tie('SECRET//REL TO DEU, GBR//ORCON//ORIG WESTINT')])))
      .toBe('SECRET//REL TO DEU, GBR//ORCON//ORIG WESTINT');
    expect(pageMarking(entity('CONFIDENTIAL//REL TO EST//ORIG BALTSEC', [tie('UNCLASSIFIED')])))
      .toBe('CONFIDENTIAL//REL TO EST//ORIG BALTSEC');
  });

  it('lists the name first, then the properties alphabetically', () => {
    expect(propertyOrder(['notes', 'birthDate', 'name', 'alias'])).toEqual(['name', 'alias', 'birthDate', 'notes']);
  });
});
