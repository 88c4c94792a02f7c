import type { WorkWithChapters } from '../../works/work.types.ts';
import { htmlToText } from '../sanitize.ts';
import { workUrl, type ExportContext } from '../export/export.types.ts';
import { x, type Markup } from '../export/markup.ts';

/**
 * The package document (`content.opf`): metadata, manifest and spine. Besides Dublin Core it
 * carries series as EPUB 3 collections and calibre's `calibre:series` metas, and (in the
 * `quire:` vocabulary) each subject's tag type and what a re-import needs to rebuild the work.
 */

/** The `quire:` prefix of Quire EPUBs; the reader recognises Quire books by it. */
export const QUIRE_PREFIX_IRI = 'https://quire.invalid/epub/1#';
/** Bumped when what a Quire EPUB carries for re-import changes. */
export const QUIRE_EPUB_VERSION = 1;

export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
  /** In the spine, in manifest order. */
  spine?: boolean;
}

/** Every tag with its type, in AO3's order (rating first). */
export function typedSubjects(work: WorkWithChapters): { type: string; name: string }[] {
  return [
    ...work.fandoms.map((name) => ({ type: 'fandom', name })),
    { type: 'rating', name: work.rating },
    ...work.warnings.map((name) => ({ type: 'warning', name })),
    ...work.categories.map((name) => ({ type: 'category', name })),
    ...work.relationships.map((name) => ({ type: 'relationship', name })),
    ...work.characters.map((name) => ({ type: 'character', name })),
    ...work.tags.map((name) => ({ type: 'additional', name })),
  ];
}

function metadata(work: WorkWithChapters, ctx: ExportContext, uid: string): Markup {
  const creators = work.creators.map((c, i) => x`<dc:creator id="creator-${i + 1}">${c.name}</dc:creator>
<meta refines="#creator-${i + 1}" property="role" scheme="marc:relators">aut</meta>
`);
  const subjects = typedSubjects(work).map((s, i) => x`<dc:subject id="subject-${i + 1}">${s.name}</dc:subject>
<meta refines="#subject-${i + 1}" property="quire:tag-type">${s.type}</meta>
`);
  const series = work.series.map((s, i) => x`<meta property="belongs-to-collection" id="series-${i + 1}">${s.title}</meta>
<meta refines="#series-${i + 1}" property="collection-type">series</meta>
<meta refines="#series-${i + 1}" property="group-position">${s.position}</meta>
`);
  const first = work.series[0];
  const calibre = first ? x`<meta name="calibre:series" content="${first.title}"/>
<meta name="calibre:series_index" content="${first.position}"/>
` : '';
  const summary = htmlToText(work.summary);
  return x`<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">${uid}</dc:identifier>
<dc:title id="main-title">${work.title}</dc:title>
<meta refines="#main-title" property="title-type">main</meta>
${creators}<dc:language>${work.language}</dc:language>
<dc:publisher>${ctx.archiveName}</dc:publisher>
<dc:date>${work.publishedOn}</dc:date>
<meta property="dcterms:modified">${work.updatedOn}T00:00:00Z</meta>
${summary ? x`<dc:description>${summary}</dc:description>\n` : ''}${subjects}<dc:source>${workUrl(ctx, work.id)}</dc:source>
${series}${calibre}<meta name="cover" content="cover-image"/>
<meta property="quire:version">${QUIRE_EPUB_VERSION}</meta>
<meta property="quire:updated">${work.updatedOn}</meta>
<meta property="quire:complete">${work.complete ? 'true' : 'false'}</meta>
${work.expectedChapters !== null ? x`<meta property="quire:expected-chapters">${work.expectedChapters}</meta>\n` : ''}</metadata>`;
}

/** The OPF document. `uid` is the `urn:uuid:` identifier (also in the NCX). */
export function packageDocument(work: WorkWithChapters, ctx: ExportContext, uid: string, items: readonly ManifestItem[]): string {
  const manifest = items.map((i) => x`<item id="${i.id}" href="${i.href}" media-type="${i.mediaType}"${i.properties ? x` properties="${i.properties}"` : ''}/>
`);
  const spine = items.filter((i) => i.spine).map((i) => x`<itemref idref="${i.id}"/>
`);
  return x`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${work.language}" prefix="quire: ${QUIRE_PREFIX_IRI}">
${metadata(work, ctx, uid)}
<manifest>
${manifest}</manifest>
<spine toc="ncx">
${spine}</spine>
</package>
`.value;
}
