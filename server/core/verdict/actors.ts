// Actor conflicts: the claim names a person as the holder of a role that one person holds
// (`Tom Brown, Anthropic's public policy chief`) while a passage gives that role to someone else
// (`Sarah Heck, the company's public policy chief`). Roles are read where writers put them:
// an appositive after the name, a title before it, or parentheses after it.
import type { EntityCatalog } from '../entities';
import { indexTokens } from '../tokenize';
import type { Passage } from '../types';

export interface Attribution {
  /** Entity id of the person, or the folded name when the catalog does not know them. */
  person: string;
  name: string;
  role: string;
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
const CAPITALISED_NAME = /\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}\b/g;
const NOT_A_NAME = /\b(?:The|This|That|In|On|At|After|Before|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|White|House|Department|Office|Institute|Security|Commerce|Trump|Administration)\b/;
// Words that name the organisation rather than the role (`the company's`, `同社の`).
const ORG_WORDS = /\b(?:the|a|an|its|their|company|company’s|company's|firm|firm’s|firm's|of|at)\b|同社の?|当社の?/gi;

/** People the text names, each with the single-holder role the text gives them. */
export function attributions(text: string, entities: EntityCatalog): Attribution[] {
  const out: Attribution[] = [];
  for (const person of people(text, entities)) {
    const role = roleAround(text, person.start, person.end);
    if (role) out.push({ ...person, role });
  }
  return out;
}

function people(text: string, entities: EntityCatalog): Array<Omit<Attribution, 'role'>> {
  const mentions = entities.findMentions(text);
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
  const en = ROLE_BEFORE_EN.exec(before);
  if (en && isRole(en[1])) return en[1].trim();
  const ja = ROLE_BEFORE_JA.exec(before);
  const role = ja?.[1].split('の').pop();
  return role && isRole(role) ? role : undefined;
}

function isRole(phrase: string): boolean {
  return SINGLE_HOLDER_EN.test(phrase) || SINGLE_HOLDER_JA.test(phrase);
}

/** Role words without the organisation and names: `Anthropic's public policy chief` → public policy chief. */
export function roleTokens(role: string, entities: EntityCatalog): Set<string> {
  let bare = role.replace(ORG_WORDS, ' ');
  for (const m of entities.findMentions(bare).reverse()) bare = bare.slice(0, m.start) + ' ' + bare.slice(m.end);
  bare = bare.replace(/\bhead\b/gi, 'chief').replace(/[’']s\b/g, '');
  return new Set(indexTokens(bare));
}

/** Two roles are the same when the claim's role words are (nearly) all in the other's. */
export function sameRole(claimRole: Set<string>, other: Set<string>): boolean {
  if (!claimRole.size) return false;
  let shared = 0;
  for (const t of claimRole) if (other.has(t)) shared++;
  return shared / claimRole.size >= 0.66;
}

/**
 * Conflicts between the claim's attributions and the passages': a passage that gives the claim's
 * role to another person, when no passage gives it to the claim's person.
 */
export function actorConflicts(claim: string, passages: Passage[], entities: EntityCatalog): ActorConflict[] {
  const conflicts: ActorConflict[] = [];
  const sourceAttributions = passages.map((p) => ({ passage: p, list: attributions(p.text, entities) }));
  for (const a of attributions(claim, entities)) {
    const wanted = roleTokens(a.role, entities);
    let agreed = false;
    let rival: ActorConflict | undefined;
    for (const { passage, list } of sourceAttributions) {
      for (const s of list) {
        if (!sameRole(wanted, roleTokens(s.role, entities))) continue;
        if (s.person === a.person) agreed = true;
        else rival ??= { claim: a, source: s, passage: passage.id };
      }
    }
    if (!agreed && rival) conflicts.push(rival);
  }
  return conflicts;
}
