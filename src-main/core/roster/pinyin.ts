import { pinyin } from 'pinyin-pro'

export interface NamePinyin {
  /** Full pinyin without tones or spaces: majianguo. Used for sorting. */
  full: string
  /** First letters: mjg. */
  initials: string
}

/** Surname mode reads polyphonic surnames as names (曾 zeng, 单 shan), as a clerk would type them. */
export function namePinyin(name: string): NamePinyin {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' })
    .map((syllable) => syllable.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((syllable) => syllable.length > 0)
  return {
    full: syllables.join(''),
    initials: syllables.map((syllable) => syllable[0]).join(''),
  }
}
