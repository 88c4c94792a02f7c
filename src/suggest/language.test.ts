import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNameIndex } from './name-index.ts';
import { suggest } from './suggest.ts';

const empty = createNameIndex({ fandoms: [], characters: [] });
const lang = (text: string) => suggest(text, empty).language;

test('scripts: Chinese, Japanese, Korean, Russian, Ukrainian, Greek, Arabic, Persian, Hebrew, Thai', () => {
  const cases: [string, string][] = [
    ['她一个人在天文台坐了很久。', 'zh'],
    ['彼女は静かに新聞を読んでいた。', 'ja'],
    ['그녀는 조용히 신문을 읽었다.', 'ko'],
    ['Она сидела на скамейке и читала газету.', 'ru'],
    ['Вона сиділа на лавці й читала газету.', 'uk'],
    ['Εκείνη καθόταν στο παγκάκι.', 'el'],
    ['جلست على المقعد وقرأت الجريدة.', 'ar'],
    ['او روی نیمکت نشست و روزنامه خواند و چای گرم نوشید.', 'fa'],
    ['היא ישבה על הספסל וקראה את העיתון.', 'he'],
    ['เธอนั่งอ่านหนังสือพิมพ์อยู่บนม้านั่ง', 'th'],
  ];
  for (const [text, code] of cases) {
    const l = lang(text);
    assert.equal(l?.value, code, text);
    assert.ok(l.confidence >= 0.8, `${code} confidence ${l.confidence}`);
    assert.equal(l.evidence.length, 1);
  }
});

test('stop-word profiles tell apart languages in Latin script', () => {
  const cases: [string, string][] = [
    ['The train was late again, and she sat on the bench with her paper.', 'en'],
    ['El tren llegó tarde otra vez y ella se sentó en el banco con su periódico.', 'es'],
    ["Le train était encore en retard, et elle s'assit sur le banc avec son journal.", 'fr'],
    ['Der Zug hatte wieder Verspätung, und sie setzte sich mit ihrer Zeitung auf die Bank.', 'de'],
    ['Il treno era di nuovo in ritardo e lei si sedette sulla panchina con il suo giornale.', 'it'],
    ['O trem estava atrasado de novo, e ela sentou no banco com o seu jornal.', 'pt'],
    ['De trein was weer te laat, en zij ging met haar krant op de bank zitten.', 'nl'],
    ['Tåget var försenat igen, och hon satt på bänken med sin tidning.', 'sv'],
  ];
  for (const [text, code] of cases) assert.equal(lang(text)?.value, code, text);
});

test('a text mostly in one language with a few foreign names keeps its language', () => {
  assert.equal(lang('Lin Xiaoyu (林小雨) and Oskar walked to the observatory, and they talked about the comet all night.')?.value, 'en');
});

test('too little text to tell gives no language', () => {
  assert.equal(lang('Mara Voss.'), undefined);
  assert.equal(lang('12 34 !!'), undefined);
});

test('a clear text is surer than a mixed one', () => {
  const clear = lang('She said that the train was late and that she would wait for it in the cold.')!;
  const mixed = lang('She said que el tren was late y que she would wait.')!;
  assert.ok(clear.confidence > mixed.confidence, `${clear.confidence} > ${mixed.confidence}`);
});
