/**
 * The most used additional tags, most popular first, each with its metatags: generic trope names
 * any archive has. "Alternate Universe - Coffee Shops & Cafés" sits two levels below
 * "Alternate Universe", and "Fluff and Angst" has two metatags, so filter-tag closures are
 * transitive and branching.
 */
export const POPULAR_FREEFORMS: [string, string[]][] = [
  ['Fluff', []], ['Angst', []], ['Hurt/Comfort', []], ['Romance', []], ['Alternate Universe', []], ['Humor', []],
  ['Fluff and Angst', ['Fluff', 'Angst']], ['Sexual Content', []], ['Friendship', []], ['Family', []],
  ['Alternate Universe - Modern Setting', ['Alternate Universe']], ['Smut', ['Sexual Content']],
  ['Established Relationship', ['Romance']], ['Slow Burn', ['Romance']], ['Canon Compliant', []],
  ['Friends to Lovers', ['Romance']], ['Angst with a Happy Ending', ['Angst']], ['Hurt No Comfort', ['Angst']],
  ['Mutual Pining', ['Romance']], ['Alternate Universe - Canon Divergence', ['Alternate Universe']],
  ['Character Death', ['Angst']], ['Post-Canon', []], ['Light Angst', ['Angst']], ['Found Family', ['Family']],
  ['Happy Ending', []], ['First Kiss', ['Romance']], ['Domestic Fluff', ['Fluff']], ['Pining', []],
  ['Explicit Sexual Content', ['Sexual Content']], ['Enemies to Lovers', ['Romance']], ['Crack', ['Humor']],
  ['Alternate Universe - High School', ['Alternate Universe - Modern Setting']],
  ['Alternate Universe - College/University', ['Alternate Universe - Modern Setting']],
  ['Alternate Universe - Coffee Shops & Cafés', ['Alternate Universe - Modern Setting']],
  ['Alternate Universe - Soulmates', ['Alternate Universe']], ['Alternate Universe - Fantasy', ['Alternate Universe']],
  ['Alternate Universe - Royalty', ['Alternate Universe']], ['Alternate Universe - Space', ['Alternate Universe']],
  ['Tooth-Rotting Fluff', ['Fluff']], ['Emotional Hurt/Comfort', ['Hurt/Comfort']], ['Whump', ['Hurt/Comfort']],
  ['Sick Character', ['Hurt/Comfort']], ['Nightmares', ['Hurt/Comfort']], ['Getting Together', ['Romance']],
  ['Fake/Pretend Relationship', ['Romance']], ['Secret Relationship', ['Romance']], ['Kissing', ['Romance']],
  ['Cuddling & Snuggling', ['Fluff']], ['Crack Treated Seriously', ['Crack']], ['Banter', ['Humor']],
  ['Pre-Canon', []], ['Missing Scene', []], ['Time Travel', []], ['Drabble', []], ['One Shot', []],
  ['Holidays', []], ['Winter Holidays', ['Holidays']], ['Halloween', ['Holidays']], ['Birthday', []],
  ['Sad Ending', ['Angst']], ['Minor Character Death', ['Character Death']], ['Major Character Injury', []],
  ['Protective Siblings', ['Family']], ['Jealousy', []], ['Misunderstandings', []], ['Road Trips', []],
  ['Magic', []], ['Vampires', []], ['Werewolves', []], ['Ghosts', []], ['Mermaids', []], ['Dragons', []],
  ['Pirates', []], ['Domestic', []], ['Songfic', []], ['Poetry', []], ['Letters', []], ['Epistolary', ['Letters']],
  ['Rain', []], ['Snow', []], ['Cooking', ['Domestic']], ['Baking', ['Cooking']], ['Insomnia', []],
  ['Gardening', []], ['Libraries', []], ['Trains', []], ['Lighthouses', []], ['Tea', []], ['Coffee', []],
];
