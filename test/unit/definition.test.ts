// Go to definition from a jump line to its other end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, issueService, sampleIssueService, samplesService, SAMPLE_000_URI, uri } from './helpers/issue';

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

test('（下转4版） goes to the （上接1版） that answers it, and back', () => {
  const service = issueService();
  const [to] = service.getDefinition(uri('01'), { line: 4, character: 9 });
  assert.equal(to.targetUri, uri('04'));
  assert.deepEqual(to.targetSelectionRange, r(2, 0, 2, 6));
  assert.deepEqual(to.originSelectionRange, r(4, 7, 4, 13));
  const [from] = service.getDefinition(uri('04'), { line: 2, character: 0 });
  assert.equal(from.targetUri, uri('01'));
  assert.deepEqual(from.targetSelectionRange, r(4, 7, 4, 13));
});

test('the cursor just after the marker still counts', () => {
  assert.equal(issueService().getDefinition(uri('01'), { line: 4, character: 13 }).length, 1);
});

test('the sample page 1 in an issue: line 273 leads to page 4', () => {
  const [link] = sampleIssueService().getDefinition(uri('01', 'sample-issue'), at(273, 10));
  assert.equal(link.targetUri, uri('04', 'sample-issue'));
  assert.deepEqual(link.targetSelectionRange, r(2, 0, 2, 6));
});

test('a teaser pointer with no partner goes to the story it names on the page', () => {
  const [link] = issueService().getDefinition(uri('02'), { line: 2, character: 12 });
  assert.equal(link.targetUri, uri('04'));
  assert.deepEqual(link.targetSelectionRange, r(5, 0, 5, 10), 'the headline 端午假期文旅市场火热');
  assert.equal(link.targetRange.end.line, 8, 'the whole story');
});

test('a jump nothing answers goes to the top of the page it names: its first item', () => {
  const [link] = issueService().getDefinition(uri('02'), { line: 7, character: 12 });
  assert.equal(link.targetUri, uri('03'));
  assert.deepEqual(link.targetSelectionRange, r(0, 0, 0, 10), 'the headline 城区供暖管网改造启动');
});

test('no definition for a lost page number, a missing page, or plain text', () => {
  const service = samplesService();
  assert.deepEqual(service.getDefinition(SAMPLE_000_URI, at(282, 0)), []);
  assert.deepEqual(service.getDefinition(SAMPLE_000_URI, at(273, 9)), []);
  assert.deepEqual(service.getDefinition(SAMPLE_000_URI, at(261, 8)), []);
});
