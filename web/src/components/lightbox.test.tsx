// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Lightbox } from './lightbox';

const PICTURES = [
  { src: '/a.png', alt: 'Screenshot: a.png' },
  { src: '/b.png', alt: 'Screenshot: b.png' },
  { src: '/c.png', alt: 'Plot: c.png' },
];

function Harness() {
  const [shown, setShown] = useState<number | null>(null);
  return (
    <main>
      <h1>Results</h1>
      {PICTURES.map((picture, index) => (
        <a key={picture.src} href={picture.src} onClick={(event) => (event.preventDefault(), setShown(index))}>
          {`Thumbnail ${index + 1}`}
        </a>
      ))}
      <Lightbox pictures={PICTURES} index={shown} onIndex={setShown} onClose={() => setShown(null)} />
    </main>
  );
}

afterEach(cleanup);

function openFrom(name: string): HTMLElement {
  render(<Harness />);
  const thumbnail = screen.getByRole('link', { name });
  thumbnail.focus();
  act(() => thumbnail.click());
  return thumbnail;
}

describe('Lightbox', () => {
  it('opens on the picture clicked with its caption, count and a plain link to open it in a tab', () => {
    openFrom('Thumbnail 2');
    const dialog = screen.getByRole('dialog', { name: 'Picture 2 of 3' });
    expect(dialog.querySelector('img')?.getAttribute('alt')).toBe('Screenshot: b.png');
    expect(dialog.querySelector('figcaption')?.textContent).toBe('Screenshot: b.png');
    expect(screen.getByRole('link', { name: 'Open in a new tab' }).getAttribute('href')).toBe('/b.png');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
  });

  it('goes through the pictures with the arrow keys and the buttons, round at either end', () => {
    openFrom('Thumbnail 1');
    const dialog = screen.getByRole('dialog');
    fireEvent.keyDown(dialog, { key: 'ArrowRight' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Picture 2 of 3');
    fireEvent.keyDown(dialog, { key: 'ArrowLeft' });
    fireEvent.keyDown(dialog, { key: 'ArrowLeft' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Picture 3 of 3');
    expect(dialog.querySelector('figcaption')?.textContent).toBe('Plot: c.png');
    act(() => screen.getByRole('button', { name: 'Next' }).click());
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Picture 1 of 3');
    act(() => screen.getByRole('button', { name: 'Previous' }).click());
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Picture 3 of 3');
  });

  it('closes with Escape and gives focus back to the thumbnail that opened it', () => {
    const thumbnail = openFrom('Thumbnail 3');
    act(() => {
      fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(thumbnail);
  });

  it('closes with its Close button and gives focus back too', () => {
    const thumbnail = openFrom('Thumbnail 1');
    act(() => screen.getByRole('button', { name: 'Close' }).click());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(thumbnail);
  });
});
