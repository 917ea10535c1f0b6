// The order in which an entity's properties are read: the name first, then the
// rest alphabetically. Shared by the entity page and the review queue.

export function propertyOrder(names: string[]): string[] {
  return [...names].sort((a, b) => Number(b === 'name') - Number(a === 'name') || a.localeCompare(b));
}
