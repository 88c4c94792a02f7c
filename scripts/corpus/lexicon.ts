/**
 * The real words at the top of each language's vocabulary, most frequent first: function words
 * and a few everyday nouns and verbs, so that phrase queries ("the old house") behave as they
 * would on real prose. Everything below them in the ranking is invented (see vocabulary.ts).
 * These are generic dictionary words, not text from any work.
 */
const words = (s: string): string[] => [...new Set(s.trim().split(/\s+/))];

export const REAL_WORDS: Record<string, string[]> = {
  en: words(`
    the and to a of he she was in it I you that his her had with for on as at but they not be him
    said is from were this what there all so one would out up me by we could no have them like back
    into my just if an their do about been down over know then when did or your who are more only
    now time eyes some which how can see even hand still here something before again will around
    head away way thought through get too looked where think first never because going much room
    other face right off felt made door little two than any its these while well long after left came
    go us moment last man got make night want against looking own day enough took why voice turned
    without nothing let always good though asked really knew smile house old both thing yes across
    hands almost body bit next anything world same each tell very those life feel already mouth hair
    might heart behind home once place words should under light another every side people found small
    breath air floor bed window morning table water dark soft warm cold quiet slowly fingers shoulder
    kitchen didn't don't couldn't wasn't it's I'm can't wouldn't that's he's she's you're sorry maybe
    need love each other wall street city rain sky sun fire road car book letter phone tea coffee bread
    chair stairs garden tree river sea boat ship sword horse king queen war friend brother sister mother
    father child boy girl woman name year week hour minute second half new young big great small long
    short high low open closed red blue green black white grey gold silver early late soon often never
    always sometimes together alone inside outside above below beside between until since during
    toward towards upon within without among along beneath beyond
    walked stood sat looked turned opened closed pulled pushed held kept gave told asked answered
    laughed smiled nodded shrugged sighed whispered shouted waited watched listened remembered forgot
    wanted needed tried started stopped seemed became stayed moved reached touched kissed
  `),
  ru: words(`
    и в не на я что он с она а как это по но они к у ты из мы за вы так же от бы для о его её был была
    было сказал сказала только ещё уже когда если да нет всё вот может там тут где очень потом себя
    ничего время рука глаза дом ночь день голос дверь лицо сердце окно утро старый тихо снова теперь
    сейчас знал знаю почему после перед через тоже ним ней них мне тебя меня было были будет чтобы
    даже кто какой который свой этот тот весь один два город дорога вода свет тень слово друг брат
    сестра мать отец стол стул комната улица небо солнце дождь огонь книга письмо
  `),
  es: words(`
    de la que el en y a los se no un por con su una para es al lo como más pero sus le ya o fue este
    ha sí porque esta son entre cuando muy sin sobre también me hasta hay donde quien desde todo nos
    durante todos uno les ni contra otros ese eso ante ellos esto mí antes algunos qué unos yo otro
    otras otra él tanto esa estos mucho nada muchos cual poco ella estar estas casa noche mano ojos
    voz puerta día tiempo corazón dijo era había luz agua cielo calle ciudad amigo hermano madre padre
  `),
  fr: words(`
    de la le et les des en un du une que est pour qui dans a par plus pas au sur ne se ce il elle sa
    son mais avec je tu nous vous ils on lui était avait dit tout comme bien où sans encore maison
    nuit main yeux voix porte jour temps cœur lumière eau ciel rue ville ami frère mère père
  `),
  de: words(`
    der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an er sie
    ich du wir war hatte sagte aber noch nur wie so wenn schon dann Haus Nacht Hand Augen Stimme Tür
    Tag Zeit Herz Licht Wasser Himmel Straße Stadt Freund Bruder Mutter Vater
  `),
  'pt-BR': words(`
    de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele ela
    das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso casa noite
    mão olhos voz porta dia tempo coração luz água céu rua cidade amigo irmão mãe pai
  `),
  it: words(`
    di e il la che è per un in non una sono mi ho lo ma ti ci le ha con si cosa se io come da questo
    qui tu lui lei era aveva disse casa notte mano occhi voce porta giorno tempo cuore luce acqua cielo
  `),
  pl: words(`
    i w nie na się z że to do a jest jak o ale po co tak za od jego jej był była było go mnie ty ja on
    ona już tylko dom noc ręka oczy głos drzwi dzień czas serce światło woda niebo ulica miasto
  `),
  uk: words(`
    і в не на що я з він вона це як але та до у ти ми за від так був була було вже тільки дім ніч рука
    очі голос двері день час серце світло вода небо вулиця місто
  `),
  vi: words(`
    và của là có không một những được trong cho người này đã với các anh em cô ông tôi nó khi thì lại
    ra đến nhà đêm tay mắt giọng cửa ngày thời tim ánh nước trời đường phố bạn
  `),
  id: words(`
    yang dan di itu dengan untuk tidak ini dari dalam akan pada juga saya ke karena bisa ada mereka
    lebih kamu dia aku rumah malam tangan mata suara pintu hari waktu hati cahaya air langit jalan kota
  `),
  nl: words(`
    de het een en van ik te dat die in is niet hij zij was had op met zo maar voor huis nacht hand ogen
    stem deur dag tijd hart licht water hemel straat stad vriend
  `),
  tr: words(`
    bir ve bu da de ne için çok ama o ben sen gibi daha kadar ev gece el göz ses kapı gün zaman kalp
    ışık su gökyüzü sokak şehir arkadaş
  `),
  ko: words(`
    그 이 나 너 그리고 하지만 그녀 그는 집 밤 손 눈 목소리 문 날 시간 마음 있었다 했다 말했다 없었다
    그녀는 우리 다시 아직 조용히 빛 물 하늘 거리 도시 친구
  `),
  // Chinese and Japanese: no spaces; every character counts as a word.
  zh: words(`
    的 了 是 我 他 她 不 在 有 一 这 说 们 你 人 着 就 也 那 到 看 没 要 会 来 上 去 好 想 还 过 都 对 让 把 被
    我们 他们 没有 什么 知道 时候 自己 一个 已经 看着 因为 可是 房间 晚上 声音 眼睛 手指 窗外 早上 心里
  `),
  ja: words(`
    の に は を た が で て と し も な か だ から まで より へ こと もの よう これ それ あの この その
    彼 彼女 私 家 夜 手 目 声 扉 日 時間 心 光 水 空 道 町 友達 言った 見た いた あった なかった
  `),
};

/** Han characters for Chinese pseudo-words (common characters; combinations are invented). */
export const HAN_CHARS = [...new Set([...`
  一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小
  么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知
  民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间
  新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼
  体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或
  司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让照深
`.replace(/\s+/g, '')])];

/** Han characters for Japanese compounds, and kana for its invented words. */
export const KANJI_CHARS = [...'日月火水木金土山川空雨雪花風海道町村森夜朝昼声手目心光音色石星雲糸紙'];
export const HIRAGANA = [...'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ'];
export const KATAKANA = [...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ'];

/** Surname and given-name characters for Chinese renderings of character names. */
export const ZH_SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡林郭何高罗'];
export const ZH_GIVEN = [...'明华云雪风月青白文静安宁远星清玉晨子言书秋川'];
