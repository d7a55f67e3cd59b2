// Actor conflicts: the claim names a person as the holder of a role that one person holds
// (`Tom Brown, Anthropic's public policy chief`) while a passage gives that role to someone else
// (`Sarah Heck, the company's public policy chief`). Roles are read where writers put them:
// an appositive after the name, a title before it, or parentheses after it.
import type { EntityCatalog, Mention } from '../entities';
import { indexTokens } from '../tokenize';
import type { Passage } from '../types';

export interface Attribution {
  /** Entity id of the person, or the folded name when the catalog does not know them. */
  person: string;
  name: string;
  /** The role as written (`Anthropic's public policy chief`) and its words. */
  role: string;
  words: RoleWords;
  start: number;
  end: number;
}

export interface ActorConflict {
  claim: Attribution;
  source: Attribution;
  passage: number;
}

// Roles that one person holds at a time; `researcher` or `cofounder` can be many people.
const SINGLE_HOLDER_EN = /\b(?:chief|head|ceo|cto|cfo|coo|president|chair(?:man|woman|person)?|secretary|minister|director|lead|commissioner|governor|spokes(?:person|man|woman))\b/i;
const SINGLE_HOLDER_JA = /(?:責任者|長官|大臣|社長|会長|代表|局長|所長|議長|委員長|CEO|CTO|チーフ|トップ)/;
const PAREN_AFTER = /^\s*[((]([^()()\n]{2,80})[))]/;
const APPOSITIVE_AFTER = /^\s*,\s*([^,;:()()、。!?\n]{2,80}?)\s*(?=[,;:.!?\n]|$)/;
const ROLE_BEFORE_EN = /((?:[A-Za-z][\w’'.-]*\s+){1,5})$/;
const ROLE_BEFORE_JA = /([^\s、。,,「」()()]{2,24})$/;
const NOT_IN_TITLE = /^(?:[a-z]+ed|has|have|had|is|was|were|be|by|with|and|or|said|says|told|met|to|for|as|than|that|which|who|when|while)$/;
const CAPITALISED_NAME = /\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}\b/g;
const NOT_A_NAME = /\b(?:The|This|That|In|On|At|After|Before|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|White|House|Department|Office|Institute|Security|Commerce|Trump|Administration)\b/;
// Words that name the organisation rather than the role (`the company's`, `同社の`).
const ORG_WORDS = /\b(?:the|a|an|its|their|company|company’s|company's|firm|firm’s|firm's|of|at)\b|同社の?|当社の?/gi;

/**
 * People the text names, each with the single-holder role the text gives them. A role that names
 * no organisation (`the company's`) belongs to the ones the sentence names.
 */
export function attributions(text: string, entities: EntityCatalog): Attribution[] {
  const mentions = entities.findMentions(text);
  const sentenceOrgs = new Set(mentions.filter(isOrg).map((m) => m.entity.id));
  const out: Attribution[] = [];
  for (const person of people(text, mentions)) {
    const role = roleAround(text, person.start, person.end);
    if (!role) continue;
    const words = roleWords(role, entities);
    out.push({ ...person, role, words: words.orgs.size ? words : { ...words, orgs: sentenceOrgs } });
  }
  return out;
}

function isOrg(m: Mention): boolean {
  return m.entity.kind === 'company' || m.entity.kind === 'agency';
}

export function people(text: string, mentions: Mention[]): Array<Omit<Attribution, 'role' | 'words'>> {
  const found = mentions.filter((m) => m.entity.kind === 'person').map((m) => ({ person: m.entity.id, name: m.text, start: m.start, end: m.end }));
  for (const m of text.matchAll(CAPITALISED_NAME)) {
    const start = m.index;
    const end = start + m[0].length;
    if (NOT_A_NAME.test(m[0]) || mentions.some((k) => k.start < end && start < k.end)) continue;
    found.push({ person: m[0].toLowerCase(), name: m[0], start, end });
  }
  return found;
}

/** The role written next to a name: in parentheses or an appositive after it, or a title before it. */
function roleAround(text: string, start: number, end: number): string | undefined {
  const rest = text.slice(end, end + 100);
  const after = PAREN_AFTER.exec(rest) ?? APPOSITIVE_AFTER.exec(rest);
  if (after && isRole(after[1])) return after[1];
  const before = text.slice(Math.max(0, start - 60), start);
  const en = titleBefore(before);
  if (en && isRole(en)) return en;
  const ja = ROLE_BEFORE_JA.exec(before);
  const role = ja?.[1].split('の').pop();
  return role && isRole(role) ? role : undefined;
}

/**
 * An English title right before a name (`public policy chief Sarah Heck`, `CEO Dario Amodei`):
 * the words back to the first verb-like or function word (`has replaced CEO` → `CEO`).
 */
function titleBefore(before: string): string | undefined {
  const words = ROLE_BEFORE_EN.exec(before)?.[1].trim().split(/\s+/) ?? [];
  let first = words.length;
  while (first > 0 && !NOT_IN_TITLE.test(words[first - 1])) first--;
  return first < words.length ? words.slice(first).join(' ') : undefined;
}

function isRole(phrase: string): boolean {
  return SINGLE_HOLDER_EN.test(phrase) || SINGLE_HOLDER_JA.test(phrase);
}

export interface RoleWords {
  /** The role's own words: `Anthropic's public policy chief` → public, policy, chief. */
  words: Set<string>;
  /** Catalog ids of the organisations the role names (`Anthropic`, `Google`), if any. */
  orgs: Set<string>;
}

export function roleWords(role: string, entities: EntityCatalog): RoleWords {
  let bare = role.replace(ORG_WORDS, ' ');
  const orgs = new Set<string>();
  for (const m of entities.findMentions(bare).reverse()) {
    if (isOrg(m)) orgs.add(m.entity.id);
    bare = bare.slice(0, m.start) + ' ' + bare.slice(m.end);
  }
  bare = bare.replace(/\bhead\b/gi, 'chief').replace(/[’']s\b/g, '');
  return { words: new Set(indexTokens(bare)), orgs };
}

/**
 * Two roles are the same when the claim's role words are (nearly) all in the other's and they
 * do not name different organisations (`Google's CEO` is not `Anthropic CEO`; `the company's`
 * names none, so it matches either).
 */
export function sameRole(claimRole: RoleWords, other: RoleWords): boolean {
  if (!claimRole.words.size) return false;
  if (claimRole.orgs.size && other.orgs.size && ![...claimRole.orgs].some((o) => other.orgs.has(o))) return false;
  let shared = 0;
  for (const t of claimRole.words) if (other.words.has(t)) shared++;
  return shared / claimRole.words.size >= 0.66;
}

/**
 * Conflicts between the claim's attributions and the passages': a passage that gives the claim's
 * role to another person, when no passage gives it to the claim's person.
 */
export function actorConflicts(claim: string, passages: Passage[], entities: EntityCatalog): ActorConflict[] {
  const conflicts: ActorConflict[] = [];
  const sourceAttributions = passages.map((p) => ({ passage: p, list: attributions(p.text, entities) }));
  for (const a of attributions(claim, entities)) {
    let agreed = false;
    let rival: ActorConflict | undefined;
    for (const { passage, list } of sourceAttributions) {
      for (const s of list) {
        if (!sameRole(a.words, s.words)) continue;
        if (s.person === a.person) agreed = true;
        else rival ??= { claim: a, source: s, passage: passage.id };
      }
    }
    if (!agreed && rival) conflicts.push(rival);
  }
  return conflicts;
}
