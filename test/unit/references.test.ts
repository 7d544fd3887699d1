// References of a jump line: the jumps on other pages that point back at it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, issueService, sampleIssueService, samplesService, SAMPLE_000_URI, uri } from './helpers/issue';

const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

test('（下转4版） is answered by （上接1版） on page 4', () => {
  const service = issueService();
  assert.deepEqual(service.getReferences(uri('01'), { line: 4, character: 9 }, false), [{ uri: uri('04'), range: r(2, 0, 2, 6) }]);
  assert.deepEqual(service.getReferences(uri('01'), { line: 4, character: 9 }, true), [
    { uri: uri('01'), range: r(4, 7, 4, 13) },
    { uri: uri('04'), range: r(2, 0, 2, 6) },
  ]);
});

test('and the other way round', () => {
  assert.deepEqual(issueService().getReferences(uri('04'), { line: 2, character: 3 }, false), [{ uri: uri('01'), range: r(4, 7, 4, 13) }]);
});

test('the sample page in an issue: line 273 is answered on page 4', () => {
  const refs = sampleIssueService().getReferences(uri('01', 'sample-issue'), at(273, 9), false);
  assert.deepEqual(refs, [{ uri: uri('04', 'sample-issue'), range: r(2, 0, 2, 6) }]);
});

test('a pointer, an unanswered jump and plain text have no references elsewhere', () => {
  const service = issueService();
  assert.deepEqual(service.getReferences(uri('02'), { line: 2, character: 12 }, false), []);
  assert.deepEqual(service.getReferences(uri('02'), { line: 7, character: 12 }, true), [{ uri: uri('02'), range: r(7, 12, 7, 18) }]);
  assert.deepEqual(samplesService().getReferences(SAMPLE_000_URI, at(100, 2), true), []);
});
