// Document links on jump lines to the page they name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { issueService, sampleIssueService, samplesService, SAMPLE_000_URI, SAMPLE_004_URI, uri } from './helpers/issue';

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

test('a matched jump links to the line of its partner; a lost page number has no link', () => {
  const links = issueService().getDocumentLinks(uri('01'));
  assert.equal(links.length, 1);
  assert.deepEqual(links[0].range, r(4, 7, 4, 13));
  assert.equal(links[0].target, 'file:///issue/04.news#L3');
  assert.match(links[0].tooltip ?? '', /page 4/);
  assert.match(issueService().getDocumentLinks(uri('01'), 'zh')[0].tooltip ?? '', /第4版/);
});

test('a pointer links to the story it names; an unanswered jump to the first item of its page', () => {
  const links = issueService().getDocumentLinks(uri('02'));
  assert.deepEqual(links.map((l) => l.target), ['file:///issue/04.news#L6', 'file:///issue/03.news#L1']);
  assert.match(links[0].tooltip ?? '', /端午假期文旅市场火热/);
});

test('the sample page in an issue links line 273 to page 4', () => {
  const links = sampleIssueService().getDocumentLinks(uri('01', 'sample-issue'));
  assert.deepEqual(links.map((l) => [l.range.start.line + 1, l.target]), [[273, 'file:///sample-issue/04.news#L3']]);
});

test('the samples alone name no page they have: no links', () => {
  const service = samplesService();
  assert.deepEqual(service.getDocumentLinks(SAMPLE_000_URI), []);
  assert.deepEqual(service.getDocumentLinks(SAMPLE_004_URI), []);
});
