/**
 * English words common enough that a character named only by one of them ("Will", "Hope",
 * "Rose", "Mark") would match everywhere. Such single-word names are matched only when written
 * with a capital letter in the middle of a sentence. Our own list: the most frequent English
 * words, plus everyday words that are also given names or surnames.
 */
const FREQUENT = `
a about above across after again against all almost alone along already also although always am among an and
another any anyone anything are around as ask asked at away back be became because become been before began
behind being below beside best better between beyond both but by came can cannot could did do does doing done
down during each either else enough even ever every everyone everything far few for from gave get gets getting
give go goes going gone got had has have having he her here hers herself him himself his how however i if in
inside into is it its itself just keep kept knew know known last later least less let like little long made make
many may me might mine more most much must my myself near need never new next no nobody none nor not nothing now
of off often on once one only onto or other others our ours out over own past perhaps put quite rather really
said same saw say says see seem seemed seen shall she should since so some someone something sometimes soon still
such take taken than that the their theirs them themselves then there these they thing things think this those
though thought through till to together too took toward towards under until up upon us very was we well went were
what when where whether which while who whom whose why will with within without would yes yet you your yours
yourself yourselves day days night time times year years way man men woman women people eye eyes hand hands head
face door room house home world life voice word words place side moment morning evening
`;

const NAMELIKE = `
will may june april august hope grace faith joy mercy patience prudence honor honour charity constance
rose lily ivy iris violet daisy holly hazel heather fern poppy jasmine willow olive ruby amber pearl crystal
jade opal coral ginger sage rosemary autumn summer winter spring dawn eve sunny storm rain snow sky star river
ocean lake brook forest glen dale heath bay rock stone wood woods hill hills field fields lane ford wells brooks
mark bill frank jack pat sue rob art ray guy don ben max sam drew rich penny chance cash sterling earnest
hunter archer fisher baker cook carter mason parker walker turner porter miller smith cooper taylor tanner
potter weaver butcher gardener shepherd bishop knight page marshal steward young old white black brown green
gray grey gold silver long short little small sharp strong swift wise hardy bright fair fox wolf hawk crow
raven robin wren swan drake finch bear lamb deer bird bell bond price hope love angel destiny harmony liberty
justice trinity serenity lucky happy noble royal major general king queen prince duke earl baron
`;

const COMMON = new Set((FREQUENT + NAMELIKE).split(/\s+/).filter(Boolean));

/** True when a folded single word is common English (see the file comment). */
export function isCommonWord(key: string): boolean {
  return COMMON.has(key);
}
