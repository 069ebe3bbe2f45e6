import { describe, expect, it } from 'vitest';
import {
  arrangementFromRequest,
  documentOrder,
  initialOrder,
  isReordered,
  moveBy,
  moveTo,
  positionOf,
  reconcile,
  removeItem,
  requestBody,
  restoreItem,
  setIncludeFailed,
  setPictureKept,
} from './report-order';

const IDS = ['a', 'b', 'c', 'd', 'e'];

describe('moving items', () => {
  it('moves an item to a place, shifting the others, and clamps to the list', () => {
    const start = initialOrder(IDS);
    expect(moveTo(start, 'e', 0).order).toEqual(['e', 'a', 'b', 'c', 'd']);
    expect(moveTo(start, 'a', 2).order).toEqual(['b', 'c', 'a', 'd', 'e']);
    expect(moveTo(start, 'b', 99).order).toEqual(['a', 'c', 'd', 'e', 'b']);
    expect(moveTo(start, 'b', -3).order).toEqual(['b', 'a', 'c', 'd', 'e']);
  });

  it('moves by one place up or down and stays put at either end', () => {
    const start = initialOrder(IDS);
    expect(moveBy(start, 'c', -1).order).toEqual(['a', 'c', 'b', 'd', 'e']);
    expect(moveBy(start, 'c', 1).order).toEqual(['a', 'b', 'd', 'c', 'e']);
    expect(moveBy(start, 'a', -1)).toBe(start);
    expect(moveBy(start, 'e', 1)).toBe(start);
  });

  it('ignores an item that is not in the order', () => {
    const start = initialOrder(IDS);
    expect(moveTo(start, 'zz', 0)).toBe(start);
    expect(positionOf(start, 'zz')).toBe(0);
    expect(positionOf(start, 'c')).toBe(3);
  });

  it('goes back to document order, keeping removed items out', () => {
    const moved = removeItem(moveTo(initialOrder(IDS), 'e', 0), 'b');
    expect(isReordered(moved, IDS)).toBe(true);
    const back = documentOrder(moved, IDS);
    expect(back.order).toEqual(['a', 'c', 'd', 'e']);
    expect(isReordered(back, IDS)).toBe(false);
    expect(back.removed.map((item) => item.id)).toEqual(['b']);
  });
});

describe('removing and restoring', () => {
  it('puts a removed item back at the place it had', () => {
    const removed = removeItem(initialOrder(IDS), 'c');
    expect(removed.order).toEqual(['a', 'b', 'd', 'e']);
    expect(removed.removed).toEqual([{ id: 'c', index: 2 }]);
    const restored = restoreItem(removed, 'c');
    expect(restored.order).toEqual(IDS);
    expect(restored.removed).toEqual([]);
  });

  it('restores at the end when the list has become shorter than the old place', () => {
    let state = removeItem(initialOrder(IDS), 'e');
    state = removeItem(state, 'd');
    state = removeItem(state, 'c');
    expect(restoreItem(state, 'e').order).toEqual(['a', 'b', 'e']);
  });

  it('ignores removing twice or restoring what was not removed', () => {
    const removed = removeItem(initialOrder(IDS), 'c');
    expect(removeItem(removed, 'c')).toBe(removed);
    expect(restoreItem(removed, 'a')).toBe(removed);
  });
});

describe('fitting the arrangement to new items', () => {
  it('keeps the student’s order, forgets items that are gone and places a new one after its neighbour in the document', () => {
    let state = moveTo(initialOrder(['a', 'c', 'e']), 'e', 0);
    state = removeItem(state, 'c');
    state = setIncludeFailed(state, 'a', true);
    const next = reconcile(state, ['a', 'b', 'c', 'd']);
    expect(next.order).toEqual(['a', 'b', 'd']);
    expect(next.removed).toEqual([{ id: 'c', index: 2 }]);
    expect(next.includeFailed).toEqual(['a']);
  });

  it('keeps document order when the student never moved anything', () => {
    expect(reconcile(initialOrder(['b', 'd']), IDS).order).toEqual(IDS);
  });

  it('forgets left-out pictures that no longer exist', () => {
    const state = setPictureKept(setPictureKept(initialOrder(IDS), 'p1', false), 'p2', false);
    expect(reconcile(state, IDS, ['p2', 'p3']).removedPictures).toEqual(['p2']);
  });
});

describe('the request body', () => {
  it('lists the order, the removed tasks and pictures, and the failed tasks included that are still in', () => {
    let state = moveTo(initialOrder(IDS), 'e', 0);
    state = removeItem(state, 'b');
    state = setIncludeFailed(state, 'c', true);
    state = setIncludeFailed(state, 'b', true);
    state = setPictureKept(state, 'shot-1', false);
    expect(requestBody(state, { placement: 'end', pdf: true })).toEqual({
      order: ['e', 'a', 'c', 'd'],
      removed: ['b', 'shot-1'],
      placement: 'end',
      pdf: true,
      includeFailed: ['c'],
    });
  });

  it('takes a failed task out of includeFailed again when unticked, and a picture back when kept', () => {
    let state = setIncludeFailed(initialOrder(IDS), 'c', true);
    state = setIncludeFailed(state, 'c', false);
    state = setPictureKept(setPictureKept(state, 'p', false), 'p', true);
    expect(requestBody(state, { placement: 'below', pdf: false })).toMatchObject({ removed: [], includeFailed: [] });
  });

  it('sends a chosen file name trimmed, and none when it is blank', () => {
    const state = initialOrder(IDS);
    expect(requestBody(state, { placement: 'below', pdf: false, fileName: '  Lab 4 final ' }).fileName).toBe('Lab 4 final');
    expect(requestBody(state, { placement: 'below', pdf: false, fileName: '   ' })).not.toHaveProperty('fileName');
  });
});

describe('the arrangement of the last report', () => {
  const items = (ids: readonly string[]) => ids.map((taskId) => ({ taskId, pictures: [{ id: `${taskId}-picture` }, { id: `${taskId}-other` }] }));
  const request = { order: ['d', 'a', 'c'], removed: ['b', 'c-other'], placement: 'end' as const, pdf: false, includeFailed: ['c'], fileName: 'Lab' };

  it('takes the order, the removed items and pictures and the failed tasks included from the request', () => {
    expect(arrangementFromRequest(items(['a', 'b', 'c', 'd']), request)).toEqual({ order: ['d', 'a', 'c'], removed: [{ id: 'b', index: 1 }], includeFailed: ['c'], removedPictures: ['c-other'] });
  });

  it('ignores ids that are gone and puts a new item after the one before it in the document', () => {
    const now = items(['a', 'x', 'c', 'd', 'y']);
    expect(arrangementFromRequest(now, { ...request, includeFailed: ['c', 'b'], removed: ['b', 'gone-picture', 'x-other'] })).toEqual({
      order: ['d', 'y', 'a', 'x', 'c'],
      removed: [],
      includeFailed: ['c'],
      removedPictures: ['x-other'],
    });
  });

  it('restores a removed item at its place in the document', () => {
    const arranged = arrangementFromRequest(items(['a', 'b', 'c', 'd']), { ...request, order: ['a', 'c', 'd'], removed: ['b'] });
    expect(restoreItem(arranged, 'b').order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the document order when the request names no order', () => {
    expect(arrangementFromRequest(items(IDS), { order: [], removed: [], placement: 'below', pdf: true, includeFailed: [] })).toEqual(initialOrder(IDS));
  });
});
