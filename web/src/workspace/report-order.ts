// The student's arrangement of a report's items, as plain data: every change makes a new value, so the list can
// cancel a move by going back, and the request body is built from exactly what the student sees.

import type { ReportRequest } from '../api/types';

/** One item the student removed, with the place it had so that restoring puts it back there. */
export interface RemovedItem {
  id: string;
  index: number;
}

export interface ReportOrder {
  /** Task ids of the items in the report, in the order wanted. */
  order: string[];
  /** Items taken out, most recent last. */
  removed: RemovedItem[];
  /** Failed tasks to include anyway (left out by default). */
  includeFailed: string[];
  /** Single pictures left out of items that stay (artifact ids). */
  removedPictures: string[];
}


/** Every item in document order, none removed. */
export function initialOrder(ids: readonly string[]): ReportOrder {
  return { order: [...ids], removed: [], includeFailed: [], removedPictures: [] };
}

/**
 * Fits an arrangement to the items as they are now (in document order): items that are gone are forgotten, and a new
 * item goes after the nearest item before it in the document, so an untouched order stays the document's.
 */
export function reconcile(state: ReportOrder, ids: readonly string[], pictureIds: readonly string[] = []): ReportOrder {
  const present = new Set(ids);
  const known = new Set([...state.order, ...state.removed.map((item) => item.id)]);
  const order = state.order.filter((id) => present.has(id));
  ids.forEach((id, documentIndex) => {
    if (known.has(id)) return;
    const before = ids.slice(0, documentIndex).findLast((earlier) => order.includes(earlier));
    order.splice(before === undefined ? 0 : order.indexOf(before) + 1, 0, id);
  });
  const pictures = new Set(pictureIds);
  return {
    order,
    removed: state.removed.filter((item) => present.has(item.id)),
    includeFailed: state.includeFailed.filter((id) => present.has(id)),
    removedPictures: state.removedPictures.filter((id) => pictures.has(id)),
  };
}

/**
 * The arrangement a composed report's request describes, fitted to the items as they are now (in document order):
 * ids that are gone are ignored, and items the request did not mention slot in by their place in the document.
 */
export function arrangementFromRequest(items: ReadonlyArray<{ taskId: string; pictures: ReadonlyArray<{ id: string }> }>, request: ReportRequest): ReportOrder {
  const ids = items.map((item) => item.taskId);
  const present = new Set(ids);
  const removedIds = new Set(request.removed);
  const fitted = reconcile(
    {
      order: request.order.filter((id) => !removedIds.has(id)),
      removed: request.removed.filter((id) => present.has(id)).map((id) => ({ id, index: 0 })),
      includeFailed: request.includeFailed,
      // `removed` names tasks and pictures alike: reconcile keeps only the ids that are pictures.
      removedPictures: request.removed,
    },
    ids,
    items.flatMap((item) => item.pictures.map((picture) => picture.id)),
  );
  // The request does not say where a removed item stood: restoring puts it back at its place in the document.
  const documentIndex = new Map(ids.map((id, index) => [id, index]));
  const before = (id: string) => fitted.order.filter((kept) => (documentIndex.get(kept) ?? 0) < (documentIndex.get(id) ?? 0)).length;
  return { ...fitted, removed: fitted.removed.map((item) => ({ id: item.id, index: before(item.id) })) };
}

/** The item's place in the order, from 1 (0 when it is not in the order). */
export function positionOf(state: ReportOrder, id: string): number {
  return state.order.indexOf(id) + 1;
}

/** Moves an item to `index` (from 0, clamped to the list). */
export function moveTo(state: ReportOrder, id: string, index: number): ReportOrder {
  const from = state.order.indexOf(id);
  if (from < 0) return state;
  const to = Math.max(0, Math.min(state.order.length - 1, index));
  if (to === from) return state;
  const order = state.order.filter((other) => other !== id);
  order.splice(to, 0, id);
  return { ...state, order };
}

/** Moves an item `delta` places (negative: towards the start). */
export function moveBy(state: ReportOrder, id: string, delta: number): ReportOrder {
  const from = state.order.indexOf(id);
  return from < 0 ? state : moveTo(state, id, from + delta);
}

/** Takes an item out of the report, remembering its place. */
export function removeItem(state: ReportOrder, id: string): ReportOrder {
  const index = state.order.indexOf(id);
  if (index < 0) return state;
  return { ...state, order: state.order.filter((other) => other !== id), removed: [...state.removed, { id, index }] };
}

/** Puts a removed item back at the place it had (or at the end when the list is now shorter). */
export function restoreItem(state: ReportOrder, id: string): ReportOrder {
  const item = state.removed.find((removed) => removed.id === id);
  if (!item) return state;
  const order = [...state.order];
  order.splice(Math.min(item.index, order.length), 0, id);
  return { ...state, order, removed: state.removed.filter((removed) => removed.id !== id) };
}

/** The items that stay, back in document order; removed items stay removed. */
export function documentOrder(state: ReportOrder, ids: readonly string[]): ReportOrder {
  const kept = new Set(state.order);
  return { ...state, order: ids.filter((id) => kept.has(id)) };
}

/** Whether the order differs from the document's. */
export function isReordered(state: ReportOrder, ids: readonly string[]): boolean {
  const kept = new Set(state.order);
  const expected = ids.filter((id) => kept.has(id));
  return expected.some((id, index) => state.order[index] !== id);
}

function toggled(list: readonly string[], id: string, on: boolean): string[] {
  const without = list.filter((other) => other !== id);
  return on ? [...without, id] : without;
}

/** Includes a failed task anyway, or leaves it out again. */
export function setIncludeFailed(state: ReportOrder, id: string, on: boolean): ReportOrder {
  return { ...state, includeFailed: toggled(state.includeFailed, id, on) };
}

/** Keeps one picture of an item in the report, or leaves it out. */
export function setPictureKept(state: ReportOrder, pictureId: string, kept: boolean): ReportOrder {
  return { ...state, removedPictures: toggled(state.removedPictures, pictureId, !kept) };
}

/** The request that composes exactly this arrangement. */
export function requestBody(state: ReportOrder, options: { placement: 'below' | 'end'; pdf: boolean; fileName?: string }): ReportRequest {
  const kept = new Set(state.order);
  const fileName = options.fileName?.trim();
  return {
    order: [...state.order],
    removed: [...state.removed.map((item) => item.id), ...state.removedPictures],
    placement: options.placement,
    pdf: options.pdf,
    includeFailed: state.includeFailed.filter((id) => kept.has(id)),
    // An empty name is no choice: the server then names the file after the original.
    ...(fileName ? { fileName } : {}),
  };
}
