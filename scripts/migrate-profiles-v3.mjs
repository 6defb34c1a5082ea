// One-off: converts schema-2 profiles to profile schema 3 where the meaning is unchanged. Kept for the record.
// The only change of shape: an instrument's `judicialReview` becomes the list of routes `authorisation`
// (true → ["court-before"], false → ["not-court"], "unknown" → ["unknown"]), in the same place.
// Partial knowledge (atLeast, noLaterThan, noEarlierThan, routes read from the texts, documented
// practice, per-category retention periods) is a legal correction, not a migration: left to review.
import fs from 'node:fs';
const dir = 'policies/jurisdictions';
// Notes that name the old field say the same of the new one.
const NOTE_WORDS = [
  [/judicialReview is 'unknown'/g, 'authorisation is ["unknown"]'],
  [/judicialReview 'unknown'/g, 'authorisation ["unknown"]'],
  [/judicialReview recorded true/g, 'authorisation recorded as ["court-before"]'],
  [/judicialReview false/g, 'authorisation ["not-court"]'],
];
const renote = (note) => NOTE_WORDS.reduce((text, [from, to]) => text.replace(from, to), note);
const routes = (jr) => (jr === true ? ['court-before'] : jr === false ? ['not-court'] : ['unknown']);
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const file = `${dir}/${name}`;
  const p = JSON.parse(fs.readFileSync(file, 'utf8'));
  p.instruments = p.instruments.map((inst) => {
    if (!('judicialReview' in inst)) return inst;
    const out = {};
    for (const [k, v] of Object.entries(inst)) {
      if (k === 'judicialReview') out.authorisation = routes(v);
      else if (k === 'note') out.note = renote(v);
      else out[k] = v;
    }
    return out;
  });
  fs.writeFileSync(file, JSON.stringify(p, null, 2) + '\n');
}
