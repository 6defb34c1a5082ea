// One-off: converts round-1 profiles (year + status) to the dated v2 shape. Kept for the record.
import fs from 'node:fs';
const dir = 'policies/jurisdictions';
const official = ['legislation.gov.uk','curia.europa.eu','gesetze-im-internet.de','legifrance.gouv.fr','eur-lex.europa.eu','planalto.gov.br','fedlex.admin.ch','wetten.overheid.nl','irishstatutebook.ie','laws-lois.justice.gc.ca','elaw.klri.re.kr','riksdagen.se','mevzuat.gov.tr','conseil-etat.fr','european-union.europa.eu','uscode.house.gov','ecfr.gov','govinfo.gov','congress.gov','legislation.gov.au','npc.gov.cn','flk.npc.gov.cn','cac.gov.cn','indiacode.nic.in','egazette.gov.in','cert-in.org.in','meity.gov.in','pravo.gov.ru','publication.pravo.gov.ru','legilux.public.lu','elaws.e-gov.go.jp','japaneselawtranslation.go.jp','law.go.kr','bverwg.de','bundesverfassungsgericht.de','uaelegislation.gov.ae','tdra.gov.ae','fcc.gov','justice.gov','supremecourt.gov','rechtspraak.nl','scc-csc.ca'];
const accession = { BE:'1958-01-01',DE:'1958-01-01',FR:'1958-01-01',IT:'1958-01-01',LU:'1958-01-01',NL:'1958-01-01',DK:'1973-01-01',IE:'1973-01-01',GR:'1981-01-01',ES:'1986-01-01',PT:'1986-01-01',AT:'1995-01-01',FI:'1995-01-01',SE:'1995-01-01',CY:'2004-05-01',CZ:'2004-05-01',EE:'2004-05-01',HU:'2004-05-01',LT:'2004-05-01',LV:'2004-05-01',MT:'2004-05-01',PL:'2004-05-01',SI:'2004-05-01',SK:'2004-05-01',BG:'2007-01-01',RO:'2007-01-01',HR:'2013-07-01' };
const source = (s) => {
  const host = new URL(s.url).hostname.replace(/^www\./, '');
  return { url: s.url, title: s.title, kind: official.some((h) => host === h || host.endsWith('.' + h)) ? 'official' : 'secondary', verified: false };
};
const inForce = (f) => {
  const out = { from: f.year ?? 'unknown' };
  if (f.status === 'struck-down' || f.status === 'repealed' || f.status === 'suspended') { out.until = 'unknown'; out.ended = f.status; }
  if (f.status === 'unknown') { out.until = 'unknown'; out.ended = 'unknown'; }
  if (f.status === 'not-yet-applicable') out.from = 'unknown';
  return out;
};
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const file = `${dir}/${name}`;
  const p = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const list of ['instruments', 'retentionMandates', 'localisation', 'interceptionMandates']) {
    p[list] = p[list].map((f) => {
      const { year, status, note, sources, ...rest } = f;
      const out = { ...rest, inForce: inForce(f) };
      if (list === 'instruments' && (f.kind === 'key-disclosure' || f.kind === 'technical-assistance')) out.weakensEncryption = 'unknown';
      if (note !== undefined) out.note = note;
      out.sources = sources.map(source);
      return out;
    });
  }
  if (p.memberStates) {
    p.memberStates = { members: p.memberStates.codes.map((code) => ({ code, from: accession[code] ?? 'unknown' })).concat([{ code: 'GB', from: '1973-01-01', until: '2020-02-01', note: 'Left the EU at the end of 31 January 2020 (withdrawal agreement); EU law continued to apply in the UK during the transition period until 31 December 2020.' }]).sort((a, b) => (a.code < b.code ? -1 : 1)), sources: p.memberStates.sources.map(source) };
  }
  p.coverage ??= { gaps: [], note: 'Converted from the round-1 profile; not yet re-reviewed against the official texts.' };
  fs.writeFileSync(file, JSON.stringify(p, null, 2) + '\n');
}
