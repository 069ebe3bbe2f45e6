import { useId, useRef, type KeyboardEvent } from 'react';
import { keepTabInside, useModalDialog } from './dialog';

/** One picture the lightbox can show: where it is and what it shows. */
export interface LightboxPicture {
  src: string;
  alt: string;
}

interface LightboxProps {
  pictures: LightboxPicture[];
  /** The picture shown, or null while the lightbox is closed. */
  index: number | null;
  onIndex: (index: number) => void;
  onClose: () => void;
}

/**
 * Pictures at full size in a modal dialog (scrolling when larger than the window), one at a time: Previous/Next and
 * the Left/Right arrow keys go through them (round), Escape or Close closes it and focus goes back to the thumbnail.
 */
export function Lightbox({ pictures, index, onIndex, onClose }: LightboxProps) {
  const id = useId();
  const close = useRef<HTMLButtonElement>(null);
  const open = index !== null && pictures.length > 0;
  const dialog = useModalDialog(open, close);
  const shown = open ? Math.min(index, pictures.length - 1) : 0;
  const picture = pictures[shown];
  const count = pictures.length;

  function go(step: number) {
    onIndex((shown + step + count) % count);
  }

  function keyDown(event: KeyboardEvent<HTMLDialogElement>) {
    keepTabInside(event);
    if (event.altKey || event.ctrlKey || event.metaKey || count < 2) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      go(event.key === 'ArrowLeft' ? -1 : 1);
    }
  }

  return (
    <dialog
      ref={dialog}
      className="dialog lightbox"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={keyDown}
    >
      {open && picture ? (
        <>
          <div className="lightbox-head">
            <h2 id={`${id}-title`}>
              Picture {shown + 1} of {count}
            </h2>
            <button ref={close} type="button" className="button small" onClick={onClose}>
              Close
            </button>
          </div>
          <figure className="lightbox-figure">
            {/* Focusable so the keyboard can scroll a picture larger than the window. */}
            <div className="lightbox-frame" tabIndex={0} role="group" aria-label="Picture at full size">
              <img src={picture.src} alt={picture.alt} />
            </div>
            <figcaption aria-live="polite">{picture.alt}</figcaption>
          </figure>
          <div className="dialog-actions lightbox-actions">
            <a href={picture.src} target="_blank" rel="noreferrer" className="lightbox-tab-link">
              Open in a new tab
            </a>
            {count > 1 ? (
              <>
                <button type="button" className="button small" onClick={() => go(-1)} aria-keyshortcuts="ArrowLeft">
                  Previous
                </button>
                <button type="button" className="button small" onClick={() => go(1)} aria-keyshortcuts="ArrowRight">
                  Next
                </button>
              </>
            ) : null}
          </div>
          {count > 1 ? <p className="hint">The Left and Right arrow keys go through the pictures too.</p> : null}
        </>
      ) : null}
    </dialog>
  );
}
