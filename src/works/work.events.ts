/**
 * The one path by which writers tell readers of derived data (the search engine, caches) that
 * works changed. Every write that changes what a work shows or how it filters calls `changed`
 * after its transaction commits, so a work is findable as soon as the write returns.
 */
export interface WorkListener {
  worksChanged(ids: readonly number[]): void | Promise<void>;
  worksDeleted(ids: readonly number[]): void | Promise<void>;
}

export class WorkEvents {
  private readonly listeners: WorkListener[] = [];

  subscribe(listener: WorkListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  async changed(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    for (const l of this.listeners) await l.worksChanged(ids);
  }

  async deleted(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    for (const l of this.listeners) await l.worksDeleted(ids);
  }
}
