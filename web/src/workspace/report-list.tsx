import { useEffect, useLayoutEffect, useMemo, useRef, useState, type Dispatch, type KeyboardEvent, type PointerEvent as ReactPointerEvent, type SetStateAction } from 'react';
import type { ReportItem } from '../api/types';
import { useAnnounce } from '../components/announcer';
import { Lightbox } from '../components/lightbox';
import { plural } from '../format';
import { moveBy, moveTo, positionOf, removeItem, restoreItem, setIncludeFailed, setPictureKept, type ReportOrder } from './report-order';

const HELP_ID = 'report-order-help';
/** How far (px) the pointer must travel before a press on the handle becomes a drag. */
const DRAG_THRESHOLD = 4;
const DESCRIPTION_CHARS = 90;

/** The item's name as the task cards show it. */
export function itemName(item: Pick<ReportItem, 'label' | 'number'>): string {
  return item.label.trim() || `Task ${item.number}`;
}

/** A one-line description: the question's first line, or the answer's start for a question without one. */
export function itemDescription(item: Pick<ReportItem, 'question' | 'answer'>): string {
  const line = (item.question.trim() || item.answer.trim()).split('\n')[0] ?? '';
  return line.length > DESCRIPTION_CHARS ? `${line.slice(0, DESCRIPTION_CHARS - 1).trimEnd()}…` : line;
}

/** A report picture as the lightbox shows it. */
function lightboxPicture(picture: ReportItem['pictures'][number]) {
  const kind = picture.kind === 'file-card' ? 'File card' : picture.kind === 'plot' ? 'Plot' : 'Screenshot';
  return { src: `/api/v1/artifacts/${picture.id}`, alt: `${kind} ${picture.name}` };
}

function nameIn(items: ReadonlyMap<string, ReportItem>, id: string): string {
  const item = items.get(id);
  return item ? itemName(item) : 'The item';
}

/** Where in the list a dragged item belongs: after every other item whose middle is above the pointer. */
function dropIndex(list: HTMLElement | null, id: string, clientY: number): number {
  let index = 0;
  for (const element of list?.querySelectorAll<HTMLElement>('[data-item-id]') ?? []) {
    if (element.dataset.itemId === id) continue;
    const box = element.getBoundingClientRect();
    if (clientY > box.top + box.height / 2) index++;
  }
  return index;
}

interface ReportListProps {
  /** Every item the report could hold, in document order. */
  items: ReportItem[];
  arrangement: ReportOrder;
  onChange: Dispatch<SetStateAction<ReportOrder>>;
}

/**
 * The report's items in the order they will be composed: reorder by dragging a handle, by keyboard on the handle
 * (Space or Enter picks up, arrows move, Space or Enter drops, Escape cancels) or with Move up and Move down; remove
 * an item into the Removed list and restore it at its old place. Every move is announced and keeps the focus.
 */
export function ReportList({ items, arrangement, onChange }: ReportListProps) {
  const announce = useAnnounce();
  const byId = useMemo(() => new Map(items.map((item) => [item.taskId, item])), [items]);
  const [grabbed, setGrabbed] = useState<{ id: string; from: number } | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropped, setDropped] = useState<string | null>(null);
  // The item whose pictures the lightbox shows, and which of them.
  const [viewing, setViewing] = useState<{ id: string; index: number } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const controls = useRef(new Map<string, HTMLElement>());
  const focusNext = useRef<string | null>(null);
  const latest = useRef(arrangement);
  latest.current = arrangement;

  const held = useRef(grabbed);
  held.current = grabbed;

  const total = arrangement.order.length;
  const nameOf = (id: string) => nameIn(byId, id);
  const register = (key: string) => (element: HTMLElement | null) => {
    if (element) controls.current.set(key, element);
    else controls.current.delete(key);
  };

  // A moved item's node may be taken out and put back by React, which drops the focus: give it back.
  useLayoutEffect(() => {
    const key = focusNext.current;
    if (!key) return;
    focusNext.current = null;
    const wanted = controls.current.get(key);
    const usable = wanted && !(wanted instanceof HTMLButtonElement && wanted.disabled) ? wanted : controls.current.get(`${key.split(':')[0]}:handle`);
    usable?.focus();
  });

  // A pointer drop is announced once the last move has rendered, so the position read is the final one.
  useEffect(() => {
    if (!dropped) return;
    announce(`${nameIn(byId, dropped)} moved to position ${positionOf(arrangement, dropped)} of ${arrangement.order.length}.`);
    setDropped(null);
  }, [dropped, arrangement, byId, announce]);

  function change(next: ReportOrder, focusKey: string | null) {
    focusNext.current = focusKey;
    onChange(next);
  }

  function moveAnnounced(id: string, next: ReportOrder, focusKey: string) {
    if (next === arrangement) return;
    change(next, focusKey);
    announce(`${nameOf(id)} moved to position ${positionOf(next, id)} of ${total}.`);
  }

  function drop(id: string) {
    setGrabbed(null);
    announce(`${nameOf(id)} dropped at position ${positionOf(arrangement, id)} of ${total}.`);
  }

  function onHandleKeyDown(event: KeyboardEvent<HTMLButtonElement>, id: string) {
    const pick = event.key === ' ' || event.key === 'Enter';
    if (grabbed?.id !== id) {
      if (!pick) return;
      event.preventDefault();
      setGrabbed({ id, from: arrangement.order.indexOf(id) });
      announce(`${nameOf(id)} picked up, at position ${positionOf(arrangement, id)} of ${total}. Arrow keys move it, Space or Enter drops it, Escape cancels.`);
      return;
    }
    if (pick) {
      event.preventDefault();
      drop(id);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setGrabbed(null);
      change(moveTo(arrangement, id, grabbed.from), `${id}:handle`);
      announce(`Move cancelled. ${nameOf(id)} is back at position ${grabbed.from + 1} of ${total}.`);
    } else if (event.key === 'Tab') {
      drop(id);
    } else {
      const index = arrangement.order.indexOf(id);
      const to = { ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: total - 1 }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      moveAnnounced(id, moveTo(arrangement, id, to), `${id}:handle`);
    }
  }

  function onHandleBlur(id: string) {
    // Focus that left for good (a click elsewhere) drops the item; a blur from React moving the node does not.
    window.setTimeout(() => {
      if (held.current?.id === id && document.activeElement !== controls.current.get(`${id}:handle`)) drop(id);
    }, 0);
  }

  function onHandlePointerDown(event: ReactPointerEvent<HTMLButtonElement>, id: string) {
    if (event.button !== 0 || grabbed) return;
    const pointerId = event.pointerId;
    const startY = event.clientY;
    const from = arrangement.order.indexOf(id);
    let active = false;

    const move = (next: PointerEvent) => {
      if (next.pointerId !== pointerId) return;
      if (!active) {
        if (Math.abs(next.clientY - startY) < DRAG_THRESHOLD) return;
        active = true;
        setDragging(id);
      }
      next.preventDefault();
      const index = dropIndex(list.current, id, next.clientY);
      if (latest.current.order.indexOf(id) !== index) onChange((old) => moveTo(old, id, index));
    };
    const finish = (keep: boolean) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      window.removeEventListener('keydown', escape, true);
      if (!active) return;
      setDragging(null);
      if (keep) {
        setDropped(id);
      } else {
        onChange((old) => moveTo(old, id, from));
        announce(`Move cancelled. ${nameOf(id)} is back at position ${from + 1} of ${total}.`);
      }
    };
    const up = (next: PointerEvent) => {
      if (next.pointerId === pointerId) finish(true);
    };
    const cancel = (next: PointerEvent) => {
      if (next.pointerId === pointerId) finish(false);
    };
    const escape = (next: globalThis.KeyboardEvent) => {
      if (next.key !== 'Escape') return;
      next.preventDefault();
      next.stopPropagation();
      finish(false);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    window.addEventListener('keydown', escape, true);
  }

  function remove(id: string) {
    const index = arrangement.order.indexOf(id);
    const next = removeItem(arrangement, id);
    const neighbour = next.order[Math.min(index, next.order.length - 1)];
    change(next, neighbour ? `${neighbour}:handle` : `${id}:restore`);
    announce(`${nameOf(id)} removed from the report. Restore it from the Removed list.`);
  }

  function restore(id: string) {
    const next = restoreItem(arrangement, id);
    change(next, `${id}:handle`);
    announce(`${nameOf(id)} restored at position ${positionOf(next, id)} of ${next.order.length}.`);
  }

  return (
    <div className="report-arrange">
      {total > 1 ? (
        <p id={HELP_ID} className="muted small-print">
          Drag an item by its handle, or focus the handle, press Space, move it with the arrow keys and press Space again (Escape cancels).
        </p>
      ) : null}
      {total === 0 ? (
        <p className="notice">Every item is removed: restore one to put it back in the report.</p>
      ) : (
        <ol ref={list} className={`report-items${dragging ? ' dragging' : ''}`} aria-label="Report items in order">
          {arrangement.order.map((id, index) => {
            const item = byId.get(id);
            if (!item) return null;
            const name = itemName(item);
            const included = item.failure === null || arrangement.includeFailed.includes(id);
            const classes = ['report-item', grabbed?.id === id || dragging === id ? 'lifted' : '', included ? '' : 'excluded'].filter(Boolean).join(' ');
            return (
              <li key={id} data-item-id={id} className={classes} aria-labelledby={`report-item-${id}`}>
                <button
                  ref={register(`${id}:handle`)}
                  type="button"
                  className="drag-handle"
                  aria-label={`Reorder ${name}`}
                  aria-describedby={total > 1 ? HELP_ID : undefined}
                  aria-pressed={grabbed?.id === id}
                  onKeyDown={(event) => onHandleKeyDown(event, id)}
                  onBlur={() => onHandleBlur(id)}
                  onPointerDown={(event) => onHandlePointerDown(event, id)}
                >
                  <svg viewBox="0 0 12 20" width="12" height="20" aria-hidden="true" focusable="false">
                    {[3, 10, 17].flatMap((y) => [2, 9].map((x) => <circle key={`${x}-${y}`} cx={x + 0.5} cy={y} r="1.75" fill="currentColor" />))}
                  </svg>
                </button>
                <span className="report-position" aria-hidden="true">
                  {index + 1}
                </span>
                <div className="report-item-body">
                  <p className="report-item-title">
                    <strong id={`report-item-${id}`}>{name}</strong> <ItemBadges item={item} />
                  </p>
                  <p className="muted report-item-description">{itemDescription(item)}</p>
                  {item.failure ? (
                    <div className="report-failed">
                      <p className="muted">{included ? 'Included although its run failed.' : 'Left out: its run failed.'}</p>
                      <span className="check">
                        <input
                          id={`include-${id}`}
                          type="checkbox"
                          checked={included}
                          onChange={(event) => {
                            onChange(setIncludeFailed(arrangement, id, event.target.checked));
                            announce(event.target.checked ? `${name} will be included, captioned as failed.` : `${name} will be left out.`);
                          }}
                        />
                        <label htmlFor={`include-${id}`}>
                          Include anyway<span className="visually-hidden"> {name}</span>
                        </label>
                      </span>
                    </div>
                  ) : null}
                  {item.pictures.length > 0 ? (
                    <ul className="report-pictures" aria-label={`Pictures of ${name}`}>
                      {item.pictures.map((picture, pictureIndex) => (
                        <li key={picture.id}>
                          <button type="button" className="picture-button" aria-haspopup="dialog" onClick={() => setViewing({ id, index: pictureIndex })}>
                            <img src={lightboxPicture(picture).src} alt={lightboxPicture(picture).alt} loading="lazy" />
                          </button>
                          {item.pictures.length > 1 ? (
                            <span className="check">
                              <input
                                id={`keep-${picture.id}`}
                                type="checkbox"
                                checked={!arrangement.removedPictures.includes(picture.id)}
                                onChange={(event) => onChange(setPictureKept(arrangement, picture.id, event.target.checked))}
                              />
                              <label htmlFor={`keep-${picture.id}`}>
                                Keep<span className="visually-hidden"> {picture.name}</span>
                              </label>
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
                <div className="report-item-actions">
                  <button ref={register(`${id}:up`)} type="button" className="button small" disabled={index === 0} onClick={() => moveAnnounced(id, moveBy(arrangement, id, -1), `${id}:up`)}>
                    Move up<span className="visually-hidden"> {name}</span>
                  </button>
                  <button ref={register(`${id}:down`)} type="button" className="button small" disabled={index === total - 1} onClick={() => moveAnnounced(id, moveBy(arrangement, id, 1), `${id}:down`)}>
                    Move down<span className="visually-hidden"> {name}</span>
                  </button>
                  <button type="button" className="button small danger" onClick={() => remove(id)}>
                    Remove<span className="visually-hidden"> {name}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {arrangement.removed.length > 0 ? (
        <section className="report-removed" aria-labelledby="report-removed-title">
          <h3 id="report-removed-title">Removed ({arrangement.removed.length})</h3>
          <ul className="report-removed-list">
            {arrangement.removed.map(({ id }) => {
              const item = byId.get(id);
              if (!item) return null;
              const name = itemName(item);
              return (
                <li key={id}>
                  <span className="grow">
                    <strong>{name}</strong> <span className="muted">{itemDescription(item)}</span>
                  </span>
                  <button ref={register(`${id}:restore`)} type="button" className="button small" onClick={() => restore(id)}>
                    Restore<span className="visually-hidden"> {name}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      <Lightbox
        pictures={(viewing ? byId.get(viewing.id)?.pictures : undefined)?.map(lightboxPicture) ?? []}
        index={viewing?.index ?? null}
        onIndex={(index) => setViewing((old) => (old ? { ...old, index } : old))}
        onClose={() => setViewing(null)}
      />
    </div>
  );
}

function ItemBadges({ item }: { item: ReportItem }) {
  return (
    <>
      {item.pictures.length > 0 ? <span className="badge">{plural(item.pictures.length, 'picture')}</span> : null}
      {item.answer ? <span className="badge">Answer</span> : null}
      {item.failure ? <span className="badge bad">Failed: {item.failure}</span> : null}
    </>
  );
}
