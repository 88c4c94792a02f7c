import fc from 'fast-check';
import type { WorkInput } from '../../src/works/work.types.ts';
import { buildWork } from '../factories.ts';

/**
 * Works for the download tests: one with every kind of metadata, notes everywhere, CJK text and
 * the HTML that EPUB's XHTML does not allow as is; one with as little as a work can have.
 * Original text, written for these tests.
 */

/** Sanitizer-allowed HTML that XHTML rejects or EPUB cannot show, one case per entry. */
export const AWKWARD_HTML = [
  '<p align="center">A <big>loud</big> word, a <tt>typed</tt> one, a <strike>struck</strike> one and an <acronym title="as soon as possible">ASAP</acronym>.</p>',
  '<center>The bells rang twice.</center>',
  '<p>Before the gate<center>a centred aside</center>after the gate.</p>',
  '<p>A cat on the sill: <img src="https://images.example/cat.png" alt="a grey cat" width="40" height="30"> and a local one <img src="cat.png"></p>',
  '<p><a href="https://example.com/a b"><img src="https://images.example/link.png" alt="linked"></a></p>',
  '<p><a name="mark">Marked place</a>, <a href="#mark">back to it</a>, <a href="#missing">nowhere</a>, <a href="other.html">elsewhere</a>.</p>',
  '<ul><p>a stray line</p><li>a proper item</li>loose words</ul>',
  '<table><td>loose cell</td><tr><td>row cell</td></tr><thead><tr><th>late head</th></tr></thead></table>',
  '<dl>loose words<dt>term</dt><dd>meaning</dd></dl>',
  '<details><p>folded text without a summary</p></details>',
  '<figure><p>a picture frame</p><figcaption>caption in the middle</figcaption><p>more frame</p></figure>',
  '<em><p>a paragraph inside emphasis</p></em>',
  '<ol reversed start="3" type="i"><li value="2">counted</li></ol><ul type="disc"><li>dotted</li></ul>',
  '<p lang="not a language" dir="sideways">odd attributes</p><blockquote cite="notes/page">quoted</blockquote>',
  '<ruby>灯<rp>(</rp><rt>tō</rt><rp>)</rp></ruby><del datetime="last week">gone</del><ins datetime="2021-03-04">added</ins>',
];

/** A work with every field filled in: series, all tag types, notes on the work and chapters, CJK text. */
export function richWork(overrides: Partial<WorkInput> = {}): WorkInput {
  return buildWork({
    title: 'The Lamplighter’s Ledger & Other “Accounts”',
    summary: '<p>Two clerks keep a <em>harbour lamp</em> burning through a winter of ledgers.</p><p>A second paragraph of summary.</p>',
    notes: '<p>Written for a <strong>winter</strong> exchange.</p>',
    endNotes: '<p>Thank you for reading to the end.</p>',
    rating: 'Teen And Up Audiences',
    warnings: ['Graphic Depictions Of Violence', 'Major Character Death'],
    categories: ['F/F', 'Multi'],
    fandoms: ['Saltmarsh Chronicles', '灯台物語'],
    relationships: ['Ada Reyes/Bea Lund', 'Ada Reyes & Cyril'],
    characters: ['Ada Reyes', 'Bea Lund', 'Cyril'],
    tags: ['Slow Burn', 'Found Family', 'Ümlaut & Ampersand'],
    language: 'en',
    series: [{ title: 'The Harbour Cycle', position: 2 }, { title: 'Winter Exchange Pieces' }],
    creators: ['inkwell', 'second_pen'],
    publishedOn: '2023-05-01',
    updatedOn: '2024-02-03',
    complete: false,
    expectedChapters: 5,
    chapters: [
      {
        title: 'The First Night',
        summary: '<p>In which the lamp is lit.</p>',
        notes: '<p>A note before the chapter.</p>',
        endNotes: '<p>A note after the chapter.</p>',
        html: '<p>Ada struck the match twice before it caught.</p><p>灯台の火は、冬の間ずっと燃えていた。港の人々はそれを見て安心した。</p><p>“Again,” said Bea.</p>',
        publishedOn: '2023-05-01',
      },
      { title: 'Awkward Markup', html: AWKWARD_HTML.join('\n'), publishedOn: '2023-09-12' },
      { html: '<p>The third chapter has no title, only a long quiet evening by the water.</p>', publishedOn: '2024-02-03' },
    ],
    ...overrides,
  });
}

/** A one-chapter work with only what is required. */
export function minimalWork(overrides: Partial<WorkInput> = {}): WorkInput {
  return buildWork({
    title: 'Tide',
    summary: '',
    categories: [],
    relationships: [],
    characters: [],
    tags: [],
    chapters: [{ html: '<p>The tide came in and went out again.</p>' }],
    ...overrides,
  });
}

const TAGS = [
  'p', 'div', 'center', 'span', 'em', 'strong', 'big', 'tt', 'strike', 'acronym', 'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'caption', 'colgroup', 'col', 'blockquote', 'h2', 'pre', 'details',
  'summary', 'figure', 'figcaption', 'ruby', 'rt', 'rp', 'sub', 'sup', 'q', 'cite', 'abbr', 'dfn', 'ins', 'del', 'address',
  'hr', 'br', 'img', 'small', 'u', 's', 'code', 'kbd',
];
const ATTRS = [
  ' align="center"', ' align="middle"', ' title="t &amp; u"', ' lang="fr"', ' lang="b@d"', ' dir="rtl"', ' name="n1"', ' name="n2"',
  ' href="#n1"', ' href="#zz"', ' href="https://example.com/x"', ' href="rel.html"', ' colspan="2"', ' rowspan="0"', ' scope="row"',
  ' span="2"', ' width="10"', ' start="2"', ' type="a"', ' value="3"', ' open', ' reversed', ' cite="https://c.example/"',
  ' datetime="2020-01-01"', ' src="https://i.example/a.png"', ' alt="alt"', '',
];

/** Random HTML from the sanitizer's elements and attributes, nested any which way. */
export const randomHtml: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('words here', 'a &amp; b', ' ', '灯台', 'x<br>y'),
    fc.tuple(fc.constantFrom(...TAGS), fc.array(fc.constantFrom(...ATTRS), { maxLength: 3 }), fc.array(tie('node'), { maxLength: 4 }))
      .map(([t, a, kids]) => `<${t}${a.join('')}>${(kids as string[]).join('')}</${t}>`),
  ),
})).node;
