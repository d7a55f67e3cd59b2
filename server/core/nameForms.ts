// Names of people the catalog lists only in full but writers shorten: a first or family name
// alone (`Jessica`, `ジェシカ`, `Heck`). Such a name is recognised where its context makes it
// unambiguous, and never where it could be an ordinary word:
// - the sources use it: it stands alone in documents that name the person in full, in no document
//   that does not, no other catalog person has it, and (Latin) the corpus never writes it in
//   lower case (`brown`, `gold`, `field` are words);
// - the memo names the person in full elsewhere, and no other person the memo names has it.
// These forms only find the entity under the cursor when the catalog finds nothing there; they
// do not change the catalog, so retrieval and verdicts see the same entities as before.
import type { Corpus } from './corpus';
import { EntityCatalog, type Entity, type EntityEntry } from './entities';
import { fold } from './text';
import { indexTokens } from './tokenize';
import type { Position } from './types';

const LATIN_PART = /^[A-Z][a-z]{2,}$/;
/** Passages read between two yields of `learnNames`. */
const PASSAGES_PER_STEP = 4096;
const KATAKANA_PART = /^[\p{Script=Katakana}ー]{3,}$/u;

/** First and family names of a person, from the full names among its name and aliases. */
export function nameParts(entity: Entity): string[] {
  if (entity.kind !== 'person') return [];
  const out = new Set<string>();
  for (const name of [entity.name, ...entity.aliases]) {
    const parts = name.includes('・') ? name.split('・') : /^[A-Z]\S* (?:\S+ )*[A-Z]\S*$/.test(name) ? name.split(' ') : [];
    if (parts.length < 2) continue;
    for (const part of [parts[0], parts[parts.length - 1]]) {
      if (LATIN_PART.test(part) || KATAKANA_PART.test(part)) out.add(part);
    }
  }
  return [...out];
}

/** Parts that belong to exactly one of `people` and are no name of any catalog entity already. */
function unambiguousParts(catalog: EntityCatalog, people: readonly Entity[]): Map<string, Entity> {
  const owners = new Map<string, Set<Entity>>();
  for (const e of people) {
    for (const part of nameParts(e)) owners.set(part, (owners.get(part) ?? new Set()).add(e));
  }
  const out = new Map<string, Entity>();
  for (const [part, who] of owners) {
    if (who.size === 1 && !catalog.byName(part)) out.set(part, [...who][0]);
  }
  return out;
}

/** Where `part` stands alone in `text` as a name: not inside a longer word or katakana run. */
function standaloneAt(text: string, part: string, latin = LATIN_PART.test(part)): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
    const before = text.charAt(i - 1);
    const after = text.charAt(i + part.length);
    const joins = latin ? /[\p{L}\p{N}_]/u : /[\p{Script=Katakana}ー・]/u;
    if (!joins.test(before) && !joins.test(after)) out.push(i);
  }
  return out;
}

/** A compiled set of name forms, each leading back to its catalog entity. */
export class NameForms {
  private readonly forms: EntityCatalog;

  constructor(
    private readonly catalog: EntityCatalog,
    byPart: Map<string, Entity>,
  ) {
    const entries: EntityEntry[] = [...byPart].map(([part, e]) => ({
      id: e.id,
      name: e.name,
      kind: e.kind,
      aliases: [part],
      ...(LATIN_PART.test(part) ? { caseSensitive: [part] } : {}),
    }));
    this.forms = EntityCatalog.fromEntries(entries);
  }

  get size(): number {
    return this.forms.all().length;
  }

  /** The catalog entity whose name form covers `offset` in `line` (exactly a form, nothing near it). */
  at(line: string, offset: number): { entity: Entity; start: number; end: number; text: string } | undefined {
    const m = this.forms.mentionAt(line, offset);
    if (!m || m.entity.detected) return undefined;
    const entity = this.catalog.get(m.entity.id);
    if (!entity || !m.entity.aliases.some((a) => fold(a) === fold(m.text))) return undefined;
    return { entity, start: m.start, end: m.end, text: m.text };
  }
}

/** The name forms the sources use alone for catalog people (see the file comment). */
export function namesTheSourcesUse(corpus: Corpus, catalog: EntityCatalog): NameForms {
  const steps = learnNames(corpus, catalog);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same, one name at a time: it reads every passage that holds the name's token, which adds
 * up at 10,000 documents, so a background warm-up runs it in steps between other work.
 */
export function* learnNames(corpus: Corpus, catalog: EntityCatalog): Generator<void, NameForms> {
  const people = catalog.all().filter((e) => e.kind === 'person');
  const accepted = new Map<string, Entity>();
  for (const [part, person] of unambiguousParts(catalog, people)) {
    const personDocs = new Set(Array.from(corpus.index.postings('@' + person.id), (id) => corpus.passages[id].doc));
    if (!personDocs.size) continue;
    // Candidate passages from the index: the word's token, or the name's first bigram.
    const token = indexTokens(part)[0];
    if (!token) continue;
    const full = [person.name, ...person.aliases].flatMap((a) => [a, a.replace(/・/g, '')]).filter((a) => a !== part && a.includes(part));
    let alone = 0;
    let elsewhere = false;
    const ids = corpus.index.postings(token);
    for (let i = 0; i < ids.length; i++) {
      // A common first bigram (`ジェ`) has tens of thousands of passages: read in slices.
      if (i % PASSAGES_PER_STEP === PASSAGES_PER_STEP - 1) yield;
      const p = corpus.passages[ids[i]];
      if (LATIN_PART.test(part) && standaloneAt(p.text, part.toLowerCase(), true).length) {
        elsewhere = true;
        break;
      }
      const found = standaloneAt(p.text, part);
      if (!found.length) continue;
      // Inside a full name (`Jessica Tillipman`, `ジェシカ・ティリプマン`) it is not the name alone.
      const free = found.filter((i) => !full.some((name) => p.text.startsWith(name, i - name.indexOf(part))));
      if (!free.length) continue;
      if (!personDocs.has(p.doc)) {
        elsewhere = true;
        break;
      }
      alone += free.length;
    }
    if (alone > 0 && !elsewhere) accepted.set(part, person);
    yield;
  }
  return new NameForms(catalog, accepted);
}

/** The name forms a memo makes unambiguous: parts of the people it names in full. */
export function namesInMemo(catalog: EntityCatalog, memoText: string): NameForms {
  const named = new Map<string, Entity>();
  for (const m of catalog.findMentions(memoText)) if (m.entity.kind === 'person') named.set(m.entity.id, m.entity);
  return new NameForms(catalog, unambiguousParts(catalog, [...named.values()]));
}

/** The range of a name form at a memo position, as `entityAt` gives it. */
export function nameFormAt(forms: Array<NameForms | undefined>, line: string, at: Position) {
  for (const f of forms) {
    const m = f?.at(line, at.character);
    if (m) return { entity: m.entity, text: m.text, range: { start: { line: at.line, character: m.start }, end: { line: at.line, character: m.end } } };
  }
  return undefined;
}
