// Who said it: the claim credits a statement to one person (`Susie Wiles stated that…`,
// `…と言明したのはヘグセス長官だった`, `according to Emil Michael`), and the passage that says it
// quotes another (`Howard Lutnick (Secretary of Commerce): Over the past two weeks…`). The
// statement is right and the speaker wrong: a conflict the verdict can show with both names.
import type { EntityCatalog, Mention } from '../entities';
import type { NameClash } from './clash';
import type { EvidenceUnit } from './evidence';


// A statement verb after the speaker (`X said`, `X, the chief of staff, stated`) or `according to` before.
const SAYS_AFTER = /^(?:[^.;:]{0,60}?,\s*)?\s*(?:has\s+|had\s+)?(?:said|says|stated|states|told|tells|wrote|writes|argued|argues|warned|warns|noted|notes|added|claimed|claims|announced|announces|insisted|declared|declares|contended|contends|testified|posted|tweeted)\b/i;
const SAYS_BEFORE = /according to\s*(?:the\s+)?$/i;
// In Japanese, the speaker as topic or subject of a statement verb (`ヘグセス長官は…と述べた`), the
// focus of a cleft (`…と言明したのは、ヘグセス長官であった`), or the source (`…によると`).
const SPEECH_JA = /と(?:述べ|語|発言|主張|指摘|言明|明言|説明|強調|警告|書い|記し|投稿|表明|断言)|(?:発言|声明|投稿|証言)/;
const SUBJECT_JA = /^[^、。]{0,12}?(?:は|が|によると|によれば|の(?:発言|説明|主張|声明))/;
const CLEFT_JA = /のは[、,]?\s*$/;

/** The people the claim credits with a statement. */
function claimSpeakers(claim: string, mentions: Mention[]): Mention[] {
  return mentions.filter((m) => {
    if (m.entity.kind !== 'person') return false;
    const after = claim.slice(m.end, m.end + 80);
    const before = claim.slice(Math.max(0, m.start - 20), m.start);
    if (SAYS_AFTER.test(after) || SAYS_BEFORE.test(before)) return true;
    return SPEECH_JA.test(claim) && (SUBJECT_JA.test(after) || CLEFT_JA.test(before));
  });
}

/**
 * For each claim speaker, the first unit about the same statement (in `units` order) that quotes
 * a different person and never names the claim's speaker.
 */
export function speakerSwaps(claim: string, mentions: Mention[], units: EvidenceUnit[], entities: EntityCatalog): NameClash[] {
  const out: NameClash[] = [];
  for (const said of claimSpeakers(claim, mentions)) {
    for (const unit of units) {
      const quoted = unit.members.find((m) => m.speaker);
      if (!quoted) continue;
      const named = unit.members.some((m) => entities.findMentions(m.text).some((x) => x.entity.id === said.entity.id));
      if (named) break;
      const speaker = entities.findMentions(quoted.speaker!).find((x) => x.entity.kind === 'person');
      if (!speaker || speaker.entity.id === said.entity.id) break;
      const at = quoted.text.indexOf(quoted.speaker!);
      out.push({
        claim: { name: said.text, start: said.start, end: said.end },
        source: { name: quoted.speaker!, start: Math.max(0, at), end: Math.max(0, at) + quoted.speaker!.length },
        passage: quoted.id,
      });
      break;
    }
  }
  return out;
}
