import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, formatTagCsv, parseCsvRecords, parseTagCsv } from './tag-csv.ts';

const HEADER = 'type,name,synonym_of,parents';

test('RFC 4180: quoted commas, doubled quotes, line breaks inside quotes, CRLF and a BOM', () => {
  const text = `\uFEFF${HEADER}\r\nadditional,"Tea, Biscuits",,\r\ncharacter,"Anne ""Nan"" Elliot",,Persuasion\r\nadditional,"Two\r\nLines",,\r\nfandom,Emma,,\r\n`;
  const rows = parseTagCsv(text, 'tags.csv');
  assert.deepEqual(rows.map((r) => [r.line, r.type, r.name, r.parents]), [
    [2, 'additional', 'Tea, Biscuits', []],
    [3, 'character', 'Anne "Nan" Elliot', ['Persuasion']],
    [4, 'additional', 'Two\r\nLines', []],
    [6, 'fandom', 'Emma', []],
  ]);
});

test('parents split on "|"; blank lines are skipped; a last line without a newline counts', () => {
  const rows = parseTagCsv(`${HEADER}\n\nrelationship,Anne/Wentworth,,Persuasion | Austen\ncharacter,Nan,Anne Elliot,`, 'x.csv');
  assert.deepEqual(rows.map((r) => [r.line, r.name, r.synonymOf, r.parents]), [
    [3, 'Anne/Wentworth', '', ['Persuasion', 'Austen']],
    [4, 'Nan', 'Anne Elliot', []],
  ]);
});

test('bad rows: every problem is reported at once with file, line and field', () => {
  const text = `${HEADER}\nfandom,Emma,,\nspecies,Owls,,\ncharacter,,,\nadditional,Tea,,Food||Drink\ncharacter,Nan,Anne,Persuasion\nfandom,Too,Many,Fields,Here\n`;
  assert.throws(() => parseTagCsv(text, 'tags.csv'), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'csv_invalid');
    const lines = e.message.split('\n');
    assert.deepEqual(lines, [
      'tags.csv line 3, type: must be fandom, character, relationship or additional, not "species"',
      'tags.csv line 4, name: is empty',
      'tags.csv line 5, parents: has an empty name between "|" separators',
      "tags.csv line 6, parents: a synonym row has no parents (give them on its canonical tag's row)",
      'tags.csv line 7: expected 4 fields, found 5',
    ]);
    return true;
  });
});

test('the header must be exact; broken quoting names the line', () => {
  assert.throws(() => parseTagCsv('type,name,parents\nfandom,Emma,\n', 'a.csv'), /a.csv line 1: the header must be exactly "type,name,synonym_of,parents", not "type,name,parents"/);
  assert.throws(() => parseTagCsv('', 'empty.csv'), /empty.csv line 1: .*the file is empty/);
  assert.throws(() => parseCsvRecords(`${HEADER}\nfandom,"Emma,,\n`, 'q.csv'), /q.csv line 2: a quoted field is never closed/);
  assert.throws(() => parseCsvRecords(`${HEADER}\nfandom,"Emma"x,,\n`, 'q.csv'), /q.csv line 2: text after a closing quote/);
  assert.throws(() => parseCsvRecords(`${HEADER}\nfandom,Em"ma,,\n`, 'q.csv'), /q.csv line 2: a quote inside an unquoted field/);
});

test('format quotes only what needs it, and parses back to the same rows', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a, b'), '"a, b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  const rows = [
    { type: 'fandom' as const, name: 'Tea, Biscuits & "Cake"', synonymOf: '', parents: ['Food'] },
    { type: 'character' as const, name: 'Nan', synonymOf: 'Anne Elliot', parents: [] },
  ];
  const text = formatTagCsv(rows);
  assert.equal(text, `${HEADER}\nfandom,"Tea, Biscuits & ""Cake""",,Food\ncharacter,Nan,Anne Elliot,\n`);
  assert.deepEqual(parseTagCsv(text, 'r.csv').map(({ line: _line, ...r }) => r), rows);
});
