/** How pages name codes: categories by their label, jurisdictions by their profile's name ('001' is worldwide); an unknown code by itself. */
export interface CodeNames {
  categories: readonly { id: string; label: string }[];
  categoryLabel(id: string): string;
  jurisdictionName(code: string): string;
}

export function codeNames(categories: readonly { id: string; label: string }[], jurisdictions: readonly { code: string; name: string }[]): CodeNames {
  const categoryLabels = new Map(categories.map((c) => [c.id, c.label]));
  const jurisdictionNames = new Map(jurisdictions.map((j) => [j.code, j.name]));
  return {
    categories,
    categoryLabel: (id) => categoryLabels.get(id) ?? id,
    jurisdictionName: (code) => (code === '001' ? 'worldwide' : (jurisdictionNames.get(code) ?? code)),
  };
}
