import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { parseHtmlDocument } from '../html/dom.ts';
import { escapeText, escapeXml } from '../export/markup.ts';
import { absoluteUrl, ALIGN, ATTRIBUTES, CHILDREN, ID, NEEDS_PARENT, PHRASING, PHRASING_ONLY, RENAMED, TRANSPARENT, VOID, BANS, validDl, validRuby, validTable } from './xhtml.rules.ts';

/**
 * Sanitized HTML (what Quire stores) → well-formed XHTML that EPUB 3 accepts. The stored HTML
 * follows HTML's parsing rules, not XML's, and may use elements HTML5 made obsolete
 * (`center`, `big`, `tt`, `strike`, `acronym`), obsolete attributes (`align`, `name`), remote
 * images, or put a block inside a paragraph. Each is mapped to something valid, and each change
 * is noted in `data-h` (original element: a name, `+` for an added wrapper, `-` for an added
 * element) and `data-h-ATTR` (an attribute's original value), so `restoreHtml` can undo it.
 */

export interface XhtmlOptions {
  /** Ids already used on the page (the page's own ids and earlier fragments'); new ids are added. */
  usedIds?: Set<string>;
  /** Whether the fragment goes where only phrasing content is allowed. */
  phrasing?: boolean;
}

interface Ctx {
  phrasing: boolean;
  inA: boolean;
  /** Elements no ancestor allows here. */
  banned: ReadonlySet<string>;
  /** Output name of the parent element. */
  parent: string;
}

interface Scope {
  ids: Map<Element, string>;
  anchors: Set<string>;
}

/** The element a node becomes in this place: its output name and the original name if renamed. */
function outName(el: Element, ctx: Ctx): { name: string; from?: string; cls?: string } {
  const renamed = RENAMED[el.name];
  const name = renamed?.name ?? el.name;
  const from = renamed ? el.name : undefined;
  const cls = renamed?.cls;
  if (el.name === 'img') return { name: ctx.inA ? 'span' : 'a', from: 'img', cls: 'image' };
  const needs = NEEDS_PARENT[name];
  if (needs && !needs.includes(ctx.parent)) return { name: ctx.phrasing ? 'span' : 'div', from: el.name, cls: `h-${el.name}` };
  if (name === 'a' && ctx.inA) return { name: 'span', from: 'a' };
  const invalid = (name === 'dl' && !validDl(childNames(el, name))) || (name === 'table' && !validTable(childNames(el, name))) || (name === 'ruby' && !validRuby(rubyKinds(el)));
  if (invalid || ctx.banned.has(name)) {
    return { name: ctx.phrasing ? 'span' : 'div', from: el.name, cls: `h-${el.name}` };
  }
  if (ctx.phrasing && !PHRASING.has(name) && !(needs && needs.includes(ctx.parent))) {
    return { name: 'span', from: el.name, cls: `h-${el.name}` };
  }
  return from ? { name, from, cls } : { name };
}

function attr(name: string, value: string): string {
  return ` ${name}="${escapeXml(value)}"`;
}

/** Attributes for the output element; originals that had to go are kept as `data-h-*`. */
function attributes(el: Element, out: string, ctx: Ctx, scope: Scope): { text: string; classes: string[] } {
  let text = '';
  const classes: string[] = [];
  const aside = (name: string, value: string) => (text += attr(`data-h-${name}`, value));
  const allowed = { ...ATTRIBUTES['*'], ...(ATTRIBUTES[out] ?? {}) };
  const link = out === 'a' && el.name === 'a' ? linkTarget(el, scope) : undefined;
  for (const [name, value] of Object.entries(el.attribs)) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) continue;
    if (name === 'align') {
      if (ALIGN.has(value.toLowerCase())) classes.push(`align-${value.toLowerCase()}`);
      aside(name, value);
    } else if (link && name === 'name') {
      if (link.id) text += attr('id', link.id);
      else aside(name, value);
    } else if (link && (name === 'href' || name === 'rel')) {
      const written = name === 'href' ? link.href : link.href !== undefined ? value : undefined;
      if (written !== undefined) text += attr(name, written);
      if (written !== value) aside(name, value);
    } else {
      const written = allowed[name]?.(value, out, ctx.parent);
      if (written !== undefined) text += attr(name, written);
      if (written !== value) aside(name, value);
    }
  }
  return { text, classes };
}

/** Where a link may point in an EPUB (absolute links, fragments that resolve), and its id. */
function linkTarget(el: Element, scope: Scope): { href?: string; id?: string } {
  const href = el.attribs.href;
  const abs = href === undefined ? undefined : absoluteUrl(href);
  const fragment = href?.startsWith('#') && scope.anchors.has(href.slice(1)) ? href : undefined;
  return { href: abs ?? fragment, id: scope.ids.get(el) };
}

/** An image cannot be shown (remote resources are not allowed): a link to it, or its alt text. */
function image(el: Element, out: string): string {
  let text = ` class="image"`;
  const src = el.attribs.src ?? '';
  const href = absoluteUrl(src);
  if (out === 'a' && href && /^https?:/.test(href)) text += attr('href', href);
  text += ` data-h="img"`;
  for (const [name, value] of Object.entries(el.attribs)) if (/^[a-z][a-z0-9-]*$/.test(name)) text += attr(`data-h-${name}`, value);
  const alt = (el.attribs.alt ?? '').trim();
  return `<${out}${text}>${escapeXml(alt ? `[Image: ${alt}]` : '[Image]')}</${out}>`;
}

function childCtx(out: string, ctx: Ctx): Ctx {
  const bans = BANS[out];
  return {
    phrasing: TRANSPARENT.has(out) ? ctx.phrasing : PHRASING_ONLY.has(out),
    inA: ctx.inA || out === 'a',
    banned: bans ? new Set([...ctx.banned, ...bans]) : ctx.banned,
    parent: out,
  };
}

/** A ruby's children as `validRuby` reads them (blank text left out). */
function rubyKinds(el: Element): string[] {
  return el.children.filter((n) => !blank(n)).map((n) => {
    if (!isTag(n)) return 'P';
    if (n.name === 'rt') return 'T';
    if (n.name === 'rp') return n.children.every((c) => isText(c)) ? 'R' : 'X';
    return n.name === 'ruby' ? 'X' : 'P';
  });
}

function element(el: Element, ctx: Ctx, scope: Scope): string {
  const o = outName(el, ctx);
  if (o.from === 'img') return image(el, o.name);
  const { text, classes } = attributes(el, o.name, ctx, scope);
  const cls = [o.cls, ...classes].filter(Boolean).join(' ');
  const open = `<${o.name}${cls ? ` class="${cls}"` : ''}${o.from ? attr('data-h', o.from) : ''}${text}`;
  if (VOID.has(o.name)) return `${open}/>`;
  return `${open}>${children(el.children, childCtx(o.name, ctx), scope)}</${o.name}>`;
}

function node(n: ChildNode, ctx: Ctx, scope: Scope): string {
  if (isText(n)) return escapeText(n.data);
  if (isTag(n)) return element(n, ctx, scope);
  return '';
}

/** Inter-element whitespace: XML's four space characters only (a no-break space is text). */
const blank = (n: ChildNode) => !isTag(n) && (!isText(n) || /^[ \t\n\r]*$/.test(n.data));

/**
 * Whether `n` may stay a child of container `name` as it is. A `colgroup` holding anything but
 * `col` elements (text, say) counts as stray content of its table: wrapped with the rest, it is
 * demoted there (`h-colgroup`), so its content survives to be restored.
 */
function allowedChild(n: ChildNode, name: string, hasBody: boolean, firstElement: boolean): boolean {
  if (!isTag(n) || !CHILDREN[name]!.allowed.includes(n.name)) return false;
  if (hasBody && n.name === 'tr') return false;
  if (n.name === 'caption' && !firstElement) return false;
  return !(name === 'table' && n.name === 'colgroup' && !n.children.every((c) => blank(c) || (isTag(c) && c.name === 'col')));
}

/**
 * The element names a container's children will have after stray runs are wrapped (`dl`:
 * stray content is `#`, which no valid order allows; `table`: a stray run is one `tbody`).
 */
function childNames(el: Element, name: string): string[] {
  const hasBody = name === 'table' && el.children.some((n) => isTag(n) && n.name === 'tbody');
  const names: string[] = [];
  let stray = false;
  let firstElement = true;
  for (const n of el.children) {
    if (blank(n)) continue;
    const ok = allowedChild(n, name, hasBody, firstElement);
    if (isTag(n)) firstElement = false;
    if (ok) {
      names.push((n as Element).name);
      stray = false;
    } else if (!stray) {
      names.push(name === 'table' ? 'tbody' : '#');
      stray = true;
    }
  }
  return names;
}

/** Children in a container with a content model: stray runs are wrapped in `wrap` (`data-h="+"`). */
function children(nodes: readonly ChildNode[], ctx: Ctx, scope: Scope): string {
  if (ctx.parent === 'details') return detailsChildren(nodes, ctx, scope);
  if (ctx.parent === 'figure') return figureChildren(nodes, ctx, scope);
  const rule = CHILDREN[ctx.parent];
  if (!rule) return nodes.map((n) => node(n, ctx, scope)).join('');
  const hasBody = ctx.parent === 'table' && nodes.some((n) => isTag(n) && n.name === 'tbody');
  let out = '';
  let run: ChildNode[] = [];
  const flush = () => {
    if (run.length === 0) return;
    if (run.every(blank)) out += run.map((n) => (isText(n) ? escapeText(n.data) : '')).join('');
    else if (rule.wrap) out += `<${rule.wrap} data-h="+">${children(run, { ...ctx, phrasing: false, parent: rule.wrap }, scope)}</${rule.wrap}>`;
    run = [];
  };
  let firstElement = true;
  for (const n of nodes) {
    const ok = allowedChild(n, ctx.parent, hasBody, firstElement);
    if (isTag(n)) firstElement = false;
    if (ok) {
      flush();
      out += node(n, ctx, scope);
    } else run.push(n);
  }
  flush();
  return out;
}

/** A `details` element must start with its `summary`: one is added when missing. */
function detailsChildren(nodes: readonly ChildNode[], ctx: Ctx, scope: Scope): string {
  const first = nodes.find((n) => !blank(n));
  const hasSummary = first !== undefined && isTag(first) && first.name === 'summary';
  let out = hasSummary ? '' : '<summary data-h="-">Details</summary>';
  let summarySeen = false;
  for (const n of nodes) {
    if (isTag(n) && n.name === 'summary' && n === first && !summarySeen) {
      summarySeen = true;
      out += node(n, ctx, scope);
    } else out += node(n, { ...ctx, parent: 'details-body' }, scope);
  }
  return out;
}

/** A figure's caption must be its first or last child: others are demoted. */
function figureChildren(nodes: readonly ChildNode[], ctx: Ctx, scope: Scope): string {
  const elements = nodes.filter((n) => !blank(n));
  const first = elements[0];
  const last = elements[elements.length - 1];
  let captioned = false;
  return nodes
    .map((n) => {
      const caption = isTag(n) && n.name === 'figcaption' && (n === first || n === last) && !captioned;
      if (caption) captioned = true;
      return node(n, caption ? ctx : { ...ctx, parent: 'figure-body' }, scope);
    })
    .join('');
}

/**
 * Gives each `<a name>` an id when its name is a valid, unused one (first come, first served).
 * A link inside a link is demoted to a span, so it names no anchor.
 */
function collectAnchors(nodes: readonly ChildNode[], used: Set<string>, scope: Scope, inA = false): void {
  for (const n of nodes) {
    if (!isTag(n)) continue;
    const name = n.attribs.name;
    if (n.name === 'a' && !inA && name !== undefined && ID.test(name) && !used.has(name)) {
      used.add(name);
      scope.ids.set(n, name);
      scope.anchors.add(name);
    }
    collectAnchors(n.children, used, scope, inA || n.name === 'a');
  }
}

/**
 * Converts sanitized HTML to an XHTML fragment (no wrapper) for an EPUB content document.
 *
 * @example toXhtml('<center>Fin<br></center>') === '<div class="center" data-h="center">Fin<br/></div>'
 */
export function toXhtml(html: string, options: XhtmlOptions = {}): string {
  const doc = parseHtmlDocument(html);
  const scope: Scope = { ids: new Map(), anchors: new Set() };
  collectAnchors(doc.children, options.usedIds ?? new Set(), scope);
  return children(doc.children, { phrasing: options.phrasing ?? false, inA: false, banned: new Set(), parent: '#fragment' }, scope);
}
