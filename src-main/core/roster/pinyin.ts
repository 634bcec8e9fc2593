import { pinyin } from 'pinyin-pro'

export interface NamePinyin {
  /** Full pinyin without tones or spaces: majianguo. Used for sorting. */
  full: string
  /** First letters: mjg. */
  initials: string
}

// Names repeat (马建国 is in many schools): an import of 100,000 rows spelled each one anew, a
// third of a second of pinyin-pro. Results are frozen, as they are shared.
const spelled = new Map<string, NamePinyin>()
const SPELLINGS_KEPT = 20_000

/** Surname mode reads polyphonic surnames as names (曾 zeng, 单 shan), as a clerk would type them. */
export function namePinyin(name: string): NamePinyin {
  let found = spelled.get(name)
  if (found === undefined) {
    if (spelled.size >= SPELLINGS_KEPT) spelled.clear()
    found = Object.freeze(spellName(name))
    spelled.set(name, found)
  }
  return found
}

function spellName(name: string): NamePinyin {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
    .map((syllable) => syllable.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((syllable) => syllable.length > 0)
  return {
    full: syllables.join(''),
    initials: syllables.map((syllable) => syllable[0]).join(''),
  }
}
