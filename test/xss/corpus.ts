/**
 * Quire's own corpus of attack strings (issue 4): each would, if it ever ran, set `window.__xss`
 * to its number (or open an alert with it). Every input of the archive gets every one of them
 * (test/xss/seed.ts); the server-side walk (inspect.ts) and Chromium (browser.test.ts) check
 * that none survives as markup that runs.
 *
 * `{P}` in a template is the payload `__xss=N`; `{A}` is `alert(N)`; `{N}` the number alone.
 */
const TEMPLATES: readonly string[] = [
  // Script tags: plain, cased, split, nested, with attributes, unclosed.
  '<script>{P}</script>',
  '<SCRIPT>{P}</SCRIPT>',
  '<ScRiPt>{P}</sCrIpT>',
  '<script type="text/javascript">{P};</script>',
  '<script src="data:text/javascript,{P}"></script>',
  '<scr<script>ipt>{P}</scr</script>ipt>',
  '<<script>script>{P}<</script>/script>',
  '<script>{P}//',
  '<script\n>{P}</script\n>',
  '<script/x>{P}</script>',
  '</p><script>{P}</script><p>',
  '<div><script>{P}</script></div>',
  // Event handlers on many elements.
  '<img src=x onerror={P}>',
  '<img src="x" onerror="{P}">',
  '<IMG SRC=x OnErRoR={P}>',
  '<img src=x onerror\n={P}>',
  '<img/src=x/onerror={P}>',
  '<p onclick="{P}">click</p>',
  '<p onmouseover="{P}">hover the lamp</p>',
  '<body onload={P}>',
  '<div onfocus={P} tabindex=1 autofocus>focus</div>',
  '<input autofocus onfocus={P}>',
  '<details open ontoggle={P}>x</details>',
  '<video><source onerror={P}></video>',
  '<audio src=x onerror={P}>',
  '<marquee onstart={P}>lamp</marquee>',
  '<a href="#" onclick="{P}">a link</a>',
  '<span onpointerenter={P}>span</span>',
  '<table background="javascript:{P}"><tr><td onmouseover={P}>cell</td></tr></table>',
  '<select autofocus onfocus={P}><option>x</option></select>',
  '<textarea autofocus onfocus={P}>x</textarea>',
  '<keygen autofocus onfocus={P}>',
  '<iframe onload={P}></iframe>',
  '<object data=x onerror={P}></object>',
  '<img src=x onerror="&#95;&#95;xss&#61;{N}">',
  '<img src=x onerror="\\u005f\\u005fxss={N}">',
  '<img src=x onerror=eval(atob("X194c3M9{N}"))>',
  // javascript:, vbscript:, data: URLs.
  '<a href="javascript:{P}">lamp</a>',
  '<a href="JaVaScRiPt:{P}">lamp</a>',
  '<a href=" javascript:{P}">lamp</a>',
  '<a href="java\tscript:{P}">lamp</a>',
  '<a href="java\nscript:{P}">lamp</a>',
  '<a href="java&#x09;script:{P}">lamp</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;{P}">lamp</a>',
  '<a href="&#x6a;avascript:{P}">lamp</a>',
  '<a href="&#0000106avascript:{P}">lamp</a>',
  '<a href="javascript&colon;{P}">lamp</a>',
  '<a href="vbscript:msgbox({N})">lamp</a>',
  '<a href="data:text/html,<script>{P}</script>">lamp</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5fX3hzcz0xPC9zY3JpcHQ+">lamp {N}</a>',
  '<img src="javascript:{P}">',
  '<a href="\\x01javascript:{P}">lamp</a>',
  '<a href="javascript:/*--></title></style></textarea></script>*/{P}">lamp</a>',
  '<form action="javascript:{P}"><button>go</button></form>',
  '<button formaction="javascript:{P}">go</button>',
  '<a href="//evil.example/{N}">protocol relative</a>',
  // SVG and MathML.
  '<svg onload={P}>',
  '<svg><script>{P}</script></svg>',
  '<svg><animate onbegin={P} attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:{P}"><text x=20 y=20>lamp</text></a></svg>',
  '<svg><foreignObject><img src=x onerror={P}></foreignObject></svg>',
  '<svg><set attributeName="onmouseover" to="{P}"/></svg>',
  '<svg><style>@import "javascript:{P}";</style></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror={P}>',
  '<math href="javascript:{P}">lamp</math>',
  '<math><maction actiontype="statusline#" xlink:href="javascript:{P}">lamp</maction></math>',
  '<svg><title><style><img src=x onerror={P}></style></title></svg>',
  // CSS.
  '<p style="background:url(javascript:{P})">styled</p>',
  '<p style="width:expression({P})">expr</p>',
  '<div style="behavior:url(x.htc)" data-n="{N}">htc</div>',
  '<style>@import "javascript:{P}";</style>',
  '<style>body{background:url("javascript:{P}")}</style>',
  '<link rel="stylesheet" href="javascript:{P}">',
  '<p style="x:\\65 xpression({P})">escaped css</p>',
  '<div style="-moz-binding:url(x.xml#{N})">binding</div>',
  // Frames, objects, base, meta, forms.
  '<iframe src="javascript:{P}"></iframe>',
  '<iframe srcdoc="<script>parent.{P}</script>"></iframe>',
  '<object data="javascript:{P}"></object>',
  '<embed src="javascript:{P}">',
  '<base href="javascript:{P}//">',
  '<meta http-equiv="refresh" content="0;url=javascript:{P}">',
  '<form><input type=submit formaction=javascript:{P}></form>',
  '<isindex action=javascript:{P} type=submit>',
  '<frameset onload={P}>',
  '<applet code="x" onerror={P}></applet>',
  // Broken markup and comments.
  '<img src="x" alt="{N}" onerror="{P}" ',
  '<a href=\'x\' title="{N}\' onmouseover=\'{P}\'>quote soup</a>',
  '</title><script>{P}</script>',
  '</textarea><script>{P}</script>',
  '</style><script>{P}</script>',
  '</noscript><img src=x onerror={P}>',
  '<!--<img src="--><img src=x onerror={P}//">',
  '<!-- --!><img src=x onerror={P}>',
  '<![CDATA[><img src=x onerror={P}>]]>',
  '<?xml version="1.0"?><img src=x onerror={P}>',
  '<img src=x onerror={P}//<',
  '<<img src=x onerror={P}>>',
  '<img """><script>{P}</script>">',
  '<p title="</p><script>{P}</script>">title breakout</p>',
  // Entity tricks.
  '&lt;script&gt;{P}&lt;/script&gt;',
  '&amp;lt;script&amp;gt;{P}&amp;lt;/script&amp;gt;',
  '&#60;script&#62;{P}&#60;/script&#62;',
  '&#x3c;img src=x onerror={P}&#x3e;',
  '\\x3cscript\\x3e{P}\\x3c/script\\x3e',
  '%3Cscript%3E{P}%3C%2Fscript%3E',
  '<img src=x onerror=&#x5f;&#x5f;xss&#x3d;{N}>',
  // Template, noscript, textarea, title breakouts.
  '<template><img src=x onerror={P}></template>',
  '<noscript><p title="</noscript><img src=x onerror={P}>"></noscript>',
  '<textarea><img src=x onerror={P}></textarea>',
  '<title><img src=x onerror={P}></title>',
  '<xmp><img src=x onerror={P}></xmp>',
  '<plaintext><img src=x onerror={P}>',
  '<noembed><img title="</noembed><img src=x onerror={P}>"></noembed>',
  '<select><template><img src=x onerror={P}></template></select>',
  // Attribute breakouts (for values put in attributes).
  '" onmouseover="{P}" x="',
  "' onmouseover='{P}' x='",
  '"><script>{P}</script>',
  "'><img src=x onerror={P}>",
  '" autofocus onfocus="{P}" x="',
  '`onmouseover={P}`',
  '"/><svg onload={P}>',
  // Unicode and zero-width tricks.
  '<scr\u200bipt>{P}</scr\u200bipt>',
  '<img src=x \u00a0onerror={P}>',
  '＜script＞{P}＜/script＞',
  '<a href="java\u0000script:{P}">nul</a>',
  '<a href="\u2028javascript:{P}">line sep</a>',
  '\u202e<img src=x onerror={P}>',
  '<img src=x onerror\u000c={P}>',
  // Polyglots.
  'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk={P} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd={P}//>\\x3e',
  '\'">><marquee><img src=x onerror={P}></marquee>"></plaintext\\></|\\><plaintext/onmouseover={P}>',
  '"\'--></style></script><script>{A}</script>',
  '<svg/onload={A}>',
  '<img src=x onerror={A}>',
  '<a href="javascript:{A}">alert link</a>',
  '{{constructor.constructor("{P}")()}}',
  '${{P}}',
  '<div data-x="{N}" id="__xss">clobber</div><form name="__xss"></form>',
];

export interface Attack {
  /** 1-based; the value the attack would put in `window.__xss` (or in an alert). */
  n: number;
  text: string;
}

/** Every attack string, numbered. */
export const ATTACKS: readonly Attack[] = TEMPLATES.map((template, i) => {
  const n = i + 1;
  return { n, text: template.replaceAll('{P}', `__xss=${n}`).replaceAll('{A}', `alert(${n})`).replaceAll('{N}', String(n)) };
});
