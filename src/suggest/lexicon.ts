import { PhraseTable } from './phrase-table.ts';
import { phraseKeys } from './tokenize.ts';

/**
 * Quire's own graded word lists (English). Each entry is a word or phrase; `word+` stands for
 * its regular inflections (kiss, kisses, kissed, kissing). Grades: 1 mild, 2 moderate, 3 strong.
 * The rating and warning rules that use them are in rating.ts and deaths.ts; the romantic and
 * friendly words feed relationships.ts.
 */
export type Category = 'sexual' | 'violence' | 'crude' | 'romance' | 'platonic' | 'death';
export type Grade = 1 | 2 | 3;

/** Where the named character must stand for a death phrase to be about them. */
export type DeathLink = 'subject' | 'object' | 'possessive';

export interface LexEntry {
  category: Category;
  grade: Grade;
  link?: DeathLink;
}

type Lists = Partial<Record<Grade, string>>;

const SEXUAL: Lists = {
  3: `vibrator vibrators dildo dildos "sex toy" "sex toys" cock cocks penis penises erection clit clitoris vagina vulva labia pussy orgasm+ orgasms climaxed cum cumming
      semen ejaculate+ ejaculation blowjob blowjobs handjob fellatio cunnilingus anal masturbate+ masturbation
      "blow job" "hand job" "fucked her" "fucked him" "fucked them" "fucked me" "fucking her" "fucking him"
      "thrust into" "thrusting into" "thrust inside" "erect penis" "her nipples" "his nipples"
      "spread her legs" "spread his legs" "went down on" "sucked him off" "sucked his" "came inside" "came hard"`,
  2: `sex sexual sexually naked nude aroused arousal moan+ nipple nipples breasts undress+ lust lustful erotic sensual
      condom condoms lube lingerie foreplay climax "made love" "make love" "making love" "makes love" "had sex"
      "have sex" "having sex" "slept with" "sleep with" "sleeping with" "took off her bra"
      "hips rocked" "grinding against" "in bed together" "unbuttoned her" "unbuttoned his" "rode him"`,
  1: `sexy seduce+ seductive "made out" "make out" "making out" "slept together" "sleep together" hickey horny
      innuendo shirtless underwear bra cleavage "one-night stand" "turned on" flirt+ "bedded" "spent the night" "onto the bed" "into bed" "under her shirt" "under his shirt"`,
};

const VIOLENCE: Lists = {
  3: `gore gory disembowel+ entrails intestines viscera decapitate+ beheaded severed dismember+ mutilate+ eviscerate+
      flayed impaled gouged butchered massacre massacred slaughter+ torture+ "blood sprayed" "blood spurted"
      "blood gushed" "blood pooled" "pool of blood" "slit his throat" "slit her throat" "throat slit" "skull cracked"
      "skull caved" "bone splintered" "bones splintered" "spilled his guts" "brains out" "blew his brains" "blood-soaked" spattered
      splattered maggots bowels innards headless "torn off" "ripped off" "blown off" "burned alive" "blood and bone"
      "exposed bone" "brain matter" "shattered skull" "skull shattered" "crushed skull" "eye socket" "torn open" "ripped open" "hacked at" "hacked off"`,
  2: `stab+ stabbed stabbing bleeding bled wounded wounds murder+ corpse corpses strangle+ bullet bullets gunshot
      "shot him" "shot her" "shot dead" "broke his" "broke her" "broken bones" execute+ execution killed kill+ killer
      beaten "beat him" "beat her" assault+ choked choking blood-stained bloody cracked ribs shattered`,
  1: `punch+ punched fight fought fighting kick+ kicked slap+ slapped bruise+ blood knife gun guns sword blade
      attack+ violence violent hurt wound scream+ screamed brawl+ shove+ shoved tackle+ tackled weapon "knocked out" "knocked him out" "knocked her out"`,
};

const CRUDE: Lists = {
  3: `fuck fucks fucking fucked fucker fuckers motherfucker motherfucking cunt cunts cocksucker "fuck off" "fuck you"`,
  2: `shit shits shitty bullshit bitch bitches asshole assholes arsehole bastard bastards dickhead piss pissed twat
      wanker slut whore goddamn goddammit`,
  1: `damn damned dammit crap crappy hell arse ass jerk "screw you" "sucks" bloody "oh god" "for god's sake"`,
};

/** Romantic or sexual language: near two names, it makes their pairing romantic. */
const ROMANCE: Lists = {
  2: `kiss+ kissed kisses kissing "in love" lover lovers married marry marriage wedding husband wife girlfriend
      boyfriend fiance fiancee beloved "love you" "loved her" "loved him" "my love" dating courting courtship
      propose+ proposal romance romantic caress+ "made love" "make love" "making love" honeymoon sweetheart`,
  1: `love loved loves loving darling dear flirt+ blush+ blushed blushing embrace+ embraced "held hands"
      "holding hands" "hand in hand" cuddle+ cuddled snuggle+ nuzzle+ adore+ adored longing desire+ lips date dated
      swoon+ "heart raced" "heart pounded" "heart fluttered" tender tenderly intimate`,
};

/** Friendly language: near two names without romance, it supports an `A & B` suggestion. */
const PLATONIC: Lists = {
  1: `friend friends friendship "best friend" "best friends" comrade comrades companion companions partner partners
      ally allies sister sisters brother brothers sibling siblings cousin cousins teammate teammates mentor
      apprentice crew laughed laughing grinned joked teased hug+ hugged together`,
};

/** Death phrases, by where the name stands: before (subject), after (object), or owning it. */
const DEATH: Record<DeathLink, string> = {
  subject: `died dies "was dead" "is dead" "lay dead" "lies dead" "fell dead" "dropped dead" "found dead" "already dead"
      "passed away" "breathed her last" "breathed his last" "breathed their last" "last breath" "was killed"
      "was murdered" "was slain" "was executed" "were killed" "bled out" "stopped breathing" "never woke"
      "been killed" "got killed" "been murdered" "been slain" "shot dead" "killed in action"
      "did not survive" "didn't survive" "didn't make it" "did not make it" succumbed perished`,
  object: `killed murdered executed slew "buried" mourned "mourning" "death of" "funeral of" "funeral for" "grave of"
      "body of" "corpse of" "in memory of" "killing" "avenge"`,
  possessive: `death funeral grave corpse ashes coffin casket murder "dead body" "lifeless body" "last words" killer
      "headstone" tombstone`,
};

/** Phrases that contain a listed word but are harmless: matched (longest first) and ignored. */
const NEUTRAL = `"naked eye" "opposite sex" "same sex" "sex education" "kill time" "killing time" "blood orange"
  "blood pressure" "blood test" "blood type" "blood sugar" "bloody mary" "fighting chance" "love letter" "word of god"`;

const INFLECT = ['s', 'es', 'ed', 'ing', 'er', 'ers'];

/** `inflections('kiss') → kiss, kisses, kissed, kissing…`; doubling and e-dropping included. */
export function inflections(base: string): string[] {
  const out = new Set([base, ...INFLECT.map((s) => base + s)]);
  const last = base.at(-1)!;
  if (last === 'e') for (const s of ['d', 'r', 'rs']) out.add(base + s);
  if (last === 'e') out.add(base.slice(0, -1) + 'ing');
  if (last === 'y') for (const s of ['ies', 'ied']) out.add(base.slice(0, -1) + s);
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(base)) for (const s of ['ed', 'ing', 'er']) out.add(base + last + s);
  return [...out];
}

/** Splits a list: words separated by spaces, phrases in double quotes. */
function terms(list: string): string[] {
  return Array.from(list.matchAll(/"([^"]+)"|(\S+)/g), (m) => m[1] ?? m[2]!).flatMap((w) => (w.endsWith('+') ? inflections(w.slice(0, -1)) : [w]));
}

function merge(old: LexEntry[], [e]: LexEntry[]): LexEntry[] {
  const same = old.find((o) => o.category === e!.category && o.link === e!.link);
  if (!same) return [...old, e!];
  if (e!.grade > same.grade) same.grade = e!.grade;
  return old;
}

let table: PhraseTable<LexEntry[]> | undefined;

/** All word lists in one phrase table (built once). */
export function lexicon(): PhraseTable<LexEntry[]> {
  if (table) return table;
  const t = new PhraseTable<LexEntry[]>();
  const graded: [Category, Lists][] = [['sexual', SEXUAL], ['violence', VIOLENCE], ['crude', CRUDE], ['romance', ROMANCE], ['platonic', PLATONIC]];
  for (const [category, lists] of graded) {
    for (const g of [1, 2, 3] as const) {
      for (const term of terms(lists[g] ?? '')) t.add(phraseKeys(term), [{ category, grade: g }], merge);
    }
  }
  for (const link of ['subject', 'object', 'possessive'] as const) {
    for (const term of terms(DEATH[link])) {
      t.add(phraseKeys(term), [{ category: 'death', grade: 2, link }], merge);
      // "was killed" shadows "killed": keep its violence.
      if (/kill|murder|slain|shot|execut/.test(term)) t.add(phraseKeys(term), [{ category: 'violence', grade: 2 }], merge);
    }
  }
  // Sexual words are romantic language too.
  for (const g of [2, 3] as const) for (const term of terms(SEXUAL[g] ?? '')) t.add(phraseKeys(term), [{ category: 'romance', grade: 2 }], merge);
  for (const term of terms(NEUTRAL)) t.add(phraseKeys(term), []);
  table = t;
  return t;
}
