import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupByLetter, indexLetter } from './fandoms.ts';
import { chaptersLabel } from './format.ts';
import { pageHref, pageWindow, pagination } from './listing.ts';

test('chapter counts read like AO3', () => {
  assert.equal(chaptersLabel({ chapterCount: 2, complete: false, expectedChapters: 5 }), '2/5');
  assert.equal(chaptersLabel({ chapterCount: 2, complete: false, expectedChapters: null }), '2/?');
  assert.equal(chaptersLabel({ chapterCount: 3, complete: true, expectedChapters: null }), '3/3');
});

test('pagination shows first, last and the neighbourhood of the current page', () => {
  assert.deepEqual(pageWindow(1, 1), [1]);
  assert.deepEqual(pageWindow(1, 4), [1, 2, 3, 4]);
  assert.deepEqual(pageWindow(10, 20), [1, 0, 8, 9, 10, 11, 12, 0, 20]);
  assert.equal(pageHref('/works', 1), '/works');
  assert.equal(pageHref('/tags/A%2FB', 3), '/tags/A%2FB?page=3');
  assert.equal(pagination({ page: 1, pages: 1 }, '/works').value, '');
  assert.match(pagination({ page: 2, pages: 3 }, '/works').value, /<a href="\/works\?page=2" aria-current="page">2<\/a>/);
});

test('fandoms group by first letter, symbols and digits under #, accents kept', () => {
  assert.equal(indexLetter('élan'), 'É');
  assert.equal(indexLetter('1984'), '#');
  assert.equal(indexLetter('東方'), '東');
  const groups = groupByLetter([{ name: 'beta', count: 1 }, { name: 'Alpha', count: 2 }, { name: '#hash', count: 1 }, { name: 'apple', count: 1 }]);
  assert.deepEqual(groups.map(([l, list]) => [l, list.map((f) => f.name)]), [['#', ['#hash']], ['A', ['Alpha', 'apple']], ['B', ['beta']]]);
});
