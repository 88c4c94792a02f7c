/**
 * What the text phase needs to know about each work, kept compactly (typed arrays, no strings)
 * so a million works fit in a few tens of megabytes: language, days, chapter lengths, the
 * characters to name in the prose, the creator (for notes run into the text) and style flags.
 */
export const STYLE_LOWERCASE = 1;
export const STYLE_ONE_PARAGRAPH = 2;
export const STYLE_TRAILING_NOTE = 4;

class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

export class TextPlan {
  readonly lang: Uint8Array;
  readonly style: Uint8Array;
  readonly published: Int32Array;
  readonly updated: Int32Array;
  readonly pseud: Int32Array;
  readonly chapterStart: Int32Array;
  readonly characterStart: Int32Array;
  private readonly chapterWords = new IntList();
  private readonly characters = new IntList();

  constructor(readonly works: number) {
    this.lang = new Uint8Array(works);
    this.style = new Uint8Array(works);
    this.published = new Int32Array(works);
    this.updated = new Int32Array(works);
    this.pseud = new Int32Array(works);
    this.chapterStart = new Int32Array(works + 1);
    this.characterStart = new Int32Array(works + 1);
  }

  /** Records work `i` (0-based; works must be recorded in order). */
  record(i: number, w: { lang: number; style: number; published: number; updated: number; pseud: number; chapters: readonly number[]; characters: readonly number[] }): void {
    this.lang[i] = w.lang;
    this.style[i] = w.style;
    this.published[i] = w.published;
    this.updated[i] = w.updated;
    this.pseud[i] = w.pseud;
    for (const c of w.chapters) this.chapterWords.push(c);
    for (const c of w.characters) this.characters.push(c);
    this.chapterStart[i + 1] = this.chapterWords.length;
    this.characterStart[i + 1] = this.characters.length;
  }

  chaptersOf(i: number): Int32Array {
    return this.chapterWords.data.subarray(this.chapterStart[i]!, this.chapterStart[i + 1]!);
  }

  charactersOf(i: number): Int32Array {
    return this.characters.data.subarray(this.characterStart[i]!, this.characterStart[i + 1]!);
  }

  get chapterCount(): number {
    return this.chapterWords.length;
  }
}
