import { spawnSync } from 'node:child_process';
import type { TestContext } from 'node:test';

/**
 * Checks feeds with a real feed parser: Debian's `python3-feedparser` (the library behind many
 * feed readers). `bozo` is 1 when the parser found the feed malformed. Tests skip when it is not
 * installed, and fail when `CI` is set (`.ci/run` installs it).
 */
export interface ParsedFeed {
  bozo: number;
  bozoException: string | null;
  version: string;
  feed: { id?: string; title?: string; links: { rel: string; href: string; type?: string }[] };
  entries: {
    id?: string;
    title?: string;
    link?: string;
    updated?: string;
    published?: string;
    authors: string[];
    tags: string[];
    summary?: string;
    summaryType?: string;
    links: { rel: string; href: string; type?: string }[];
  }[];
}

const SCRIPT = `
import json, sys, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
def links(x):
    return [{"rel": l.get("rel", ""), "href": l.get("href", ""), "type": l.get("type")} for l in x.get("links", [])]
out = {
  "bozo": int(d.bozo),
  "bozoException": str(d.get("bozo_exception")) if d.bozo else None,
  "version": d.version,
  "feed": {"id": d.feed.get("id"), "title": d.feed.get("title"), "links": links(d.feed)},
  "entries": [{
    "id": e.get("id"), "title": e.get("title"), "link": e.get("link"),
    "updated": e.get("updated"), "published": e.get("published"),
    "authors": [a.get("name", "") for a in e.get("authors", [])],
    "tags": [t.get("term") for t in e.get("tags", [])],
    "summary": e.get("summary"), "summaryType": e.get("summary_detail", {}).get("type"),
    "links": links(e),
  } for e in d.entries],
}
print(json.dumps(out))
`;

let found: string | null | undefined;

/** The python that has feedparser (Debian's own first: a pyenv shim may not have it), or null. */
export function feedparserPython(): string | null {
  if (found !== undefined) return found;
  found = null;
  for (const python of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(python, ['-c', 'import feedparser'], { stdio: 'ignore' });
    if (r.status === 0) {
      found = python;
      break;
    }
  }
  return found;
}

/** Parses `xml` with feedparser, or skips the test (fails under CI) when feedparser is missing. */
export function parseFeed(t: TestContext, xml: string): ParsedFeed | undefined {
  const python = feedparserPython();
  if (!python) {
    if (process.env.CI) throw new Error('python3-feedparser is not installed (apt-get install python3-feedparser), and CI is set');
    t.skip('python3-feedparser is not installed: apt-get install python3-feedparser');
    return undefined;
  }
  const r = spawnSync(python, ['-c', SCRIPT], { input: xml, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`feedparser failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ParsedFeed;
}
