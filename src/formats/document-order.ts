/**
 * Document order of JSON Pointers: segment by segment, a parent before what is inside it,
 * array indices (and integer-like keys) by number and before other keys, other keys by code
 * unit. `/governmentRequests/9` comes before `/governmentRequests/10`, unlike in plain string
 * order. When a document has more problems than an answer lists, the listed ones are the
 * first in this order: what a person fixing the document from the top meets first.
 */
function isIndex(s: string): boolean {
  const first = s.charCodeAt(0);
  if (first === 48 /* 0 */) return s.length === 1;
  if (!(first > 48 && first <= 57)) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Order of two (escaped) reference tokens under one parent. */
export function compareSegments(a: string, b: string): number {
  if (a === b) return 0;
  const [ai, bi] = [isIndex(a), isIndex(b)];
  if (ai && bi) return a.length - b.length || (a < b ? -1 : 1);
  if (ai !== bi) return ai ? -1 : 1;
  return a < b ? -1 : 1;
}

export function compareDocumentOrder(a: string, b: string): number {
  if (a === b) return 0;
  let i = 1;
  let j = 1;
  for (;;) {
    // Both pointers are '' or start with '/'; a pointer that ends first is the ancestor.
    if (i > a.length) return j > b.length ? 0 : -1;
    if (j > b.length) return 1;
    let ea = a.indexOf('/', i);
    let eb = b.indexOf('/', j);
    if (ea < 0) ea = a.length;
    if (eb < 0) eb = b.length;
    const order = compareSegments(a.slice(i, ea), b.slice(j, eb));
    if (order !== 0) return order;
    i = ea + 1;
    j = eb + 1;
  }
}

/** Issues in document order, then by keyword and message: a total order, so a cut list is the same whichever way it was found. */
export function compareIssues(a: { pointer: string; keyword: string; message: string }, b: { pointer: string; keyword: string; message: string }): number {
  return compareDocumentOrder(a.pointer, b.pointer) || (a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
