import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DisputeView, IndexStatus, SourceSummary } from '../../shared/protocol';
import {
  checkSummary,
  count,
  dateOf,
  disputeItem,
  entityItem,
  reindexSummary,
  sideItem,
  sourceItem,
  sourceLine,
  statusBarView,
  truncate,
} from '../../client/src/view';

const reuters: SourceSummary = {
  id: 's1',
  uri: 'file:///c/003.txt',
  title: 'Paris attacks',
  outlet: 'Reuters',
  author: 'A. Writer',
  published: '2015-11-22T08:00:00Z',
  kind: 'news',
  entityCount: 40,
};
const gr: SourceSummary = {
  id: 's2',
  uri: 'file:///c/001%20gr.txt',
  outlet: 'Global Research',
  published: '2016-03-22',
  kind: 'opinion',
  entityCount: 12,
};

function status(partial: Partial<IndexStatus>): IndexStatus {
  return { state: 'ready', sources: 3, entities: 120, disputes: 9, problems: [], ...partial };
}

describe('small helpers', () => {
  it('counts with the right plural', () => {
    assert.equal(count(1, 'source'), '1 source');
    assert.equal(count(2, 'entity', 'entities'), '2 entities');
    assert.equal(count(0, 'dispute'), '0 disputes');
  });
  it('truncates with an ellipsis', () => {
    assert.equal(truncate('a  b', 10), 'a b');
    assert.equal(truncate('abcdefghij', 5), 'abcd…');
  });
  it('shows dates as YYYY-MM-DD', () => {
    assert.equal(dateOf('2015-11-22T08:00:00Z'), '2015-11-22');
    assert.equal(dateOf('March 2016'), 'March 2016');
    assert.equal(dateOf(undefined), undefined);
  });
  it('joins outlet, author and date', () => {
    assert.equal(sourceLine(reuters), 'Reuters · A. Writer · 2015-11-22');
    assert.equal(sourceLine(gr), 'Global Research · 2016-03-22');
  });
});

describe('quick pick items', () => {
  it('shows an entity with its type icon, counts and aliases', () => {
    const item = entityItem({
      id: 'e',
      name: 'Islamic State',
      type: 'organization',
      aliases: ['ISIS', 'Daesh'],
      sourceCount: 3,
      mentionCount: 20,
      disputeCount: 1,
    });
    assert.equal(item.label, '$(organization) Islamic State');
    assert.equal(item.description, 'organization · 3 sources · 1 dispute');
    assert.equal(item.detail, 'also: ISIS, Daesh');
  });
  it('uses the codicon of each type', () => {
    for (const [type, icon] of [
      ['person', '$(person)'],
      ['place', '$(location)'],
      ['event', '$(calendar)'],
    ] as const) {
      assert.ok(
        entityItem({ id: 'x', name: 'X', type, aliases: [], sourceCount: 1, mentionCount: 1, disputeCount: 0 }).label.startsWith(icon),
      );
    }
  });
  const dispute: DisputeView = {
    id: 'd1',
    kind: 'figures',
    point: 'killed at the Bataclan',
    entities: [{ id: 'ev', name: 'Bataclan attack' }],
    sides: [
      {
        position: '89 killed',
        claim: {
          id: 'c1',
          text: '89 people were killed',
          stance: 'asserts',
          speaker: 'Reuters',
          location: { uri: reuters.uri, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } } },
          source: reuters,
        },
      },
      {
        position: '90 killed',
        claim: {
          id: 'c2',
          text: '90 people died',
          stance: 'asserts',
          speaker: 'police',
          location: { uri: gr.uri, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } } },
          source: gr,
        },
      },
    ],
  };
  it('shows a dispute with its kind and the outlets of its sides', () => {
    const item = disputeItem(dispute);
    assert.equal(item.label, '$(warning) killed at the Bataclan');
    assert.equal(item.description, 'figures · Bataclan attack');
    assert.equal(item.detail, 'Reuters vs Global Research · 2 sides');
  });
  it('shows a side with outlet, speaker and quote', () => {
    const item = sideItem(dispute.sides[1]);
    assert.equal(item.label, '$(quote) 90 killed');
    assert.equal(item.description, 'Global Research · police · asserts · 2016-03-22');
    assert.equal(item.detail, '“90 people died”');
    assert.equal(sideItem(dispute.sides[0]).description, 'Reuters · asserts · 2015-11-22');
  });
  it('shows a source by title, or its file name', () => {
    assert.equal(sourceItem(reuters, 'corpus/003.txt').label, '$(file-text) Paris attacks');
    assert.equal(sourceItem(reuters).detail, 'news · 40 entities');
    assert.equal(sourceItem(gr).label, '$(comment) 001 gr.txt');
  });
});

describe('status bar', () => {
  it('spins while indexing, with progress', () => {
    const v = statusBarView(status({ state: 'indexing', indexed: 12, total: 40 }), 'running');
    assert.equal(v.text, '$(sync~spin) Corroborate: indexing 12/40');
    assert.equal(v.error, false);
  });
  it('shows the counts when ready and looks up on click', () => {
    const v = statusBarView(status({}), 'running');
    assert.equal(v.text, '$(book) 3 sources · 120 entities · 9 disputes');
    assert.equal(v.click, 'lookUpEntity');
  });
  it('lists skipped files in the tooltip', () => {
    const v = statusBarView(status({ problems: [{ path: '/c/bad.html', reason: 'binary file' }] }), 'running');
    assert.match(v.tooltip, /1 file skipped/);
    assert.match(v.tooltip, /bad\\\.html: binary file/);
  });
  it('shows an error when indexing failed or the server stopped', () => {
    assert.equal(statusBarView(status({ state: 'error', message: 'boom' }), 'running').text, '$(error) Corroborate');
    const stopped = statusBarView(status({}), 'stopped', 'crashed 5 times');
    assert.equal(stopped.text, '$(error) Corroborate');
    assert.equal(stopped.click, 'showOutput');
    assert.match(stopped.tooltip, /crashed 5 times/);
  });
  it('says starting before any status', () => {
    assert.equal(statusBarView(undefined, 'starting').text, '$(sync~spin) Corroborate: starting');
  });
});

describe('summaries', () => {
  it('summarises a reindex', () => {
    assert.deepEqual(reindexSummary(status({})), { message: 'Indexed 3 sources: 120 entities, 9 disputes.', level: 'info' });
    assert.equal(
      reindexSummary(
        status({
          problems: [
            { path: 'a', reason: 'r' },
            { path: 'b', reason: 'r' },
          ],
        }),
      ).message,
      'Indexed 3 sources: 120 entities, 9 disputes. 2 files skipped.',
    );
    assert.equal(reindexSummary(status({ state: 'error', message: 'no corpus' })).level, 'error');
  });
  it('summarises a check of all drafts', () => {
    assert.equal(checkSummary([{ uri: 'a', findings: 0 }]), 'Corroborate: checked 1 draft; no findings.');
    assert.equal(
      checkSummary([
        { uri: 'a', findings: 2 },
        { uri: 'b', findings: 1 },
        { uri: 'c', findings: 0 },
      ]),
      'Corroborate: checked 3 drafts; 3 findings in 2 drafts.',
    );
  });
});
