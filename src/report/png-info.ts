/** What the composer needs to know about a PNG: its pixel size and the density it was drawn for. */
export interface PngInfo {
  width: number;
  height: number;
  /** Dots per inch from the pHYs chunk; 96 (a screen pixel) when the file does not say. */
  dpi: number;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const SCREEN_DPI = 96;
const METRES_PER_INCH = 0.0254;

/** Reads IHDR and, when present before the image data, pHYs; throws on anything that is not a PNG. */
export function pngInfo(png: Uint8Array): PngInfo {
  if (png.length < 33 || SIGNATURE.some((byte, i) => png[i] !== byte)) throw new Error('not a PNG image');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (view.getUint32(12) !== 0x49484452) throw new Error('PNG without an IHDR chunk');
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0) throw new Error('PNG with an empty image');
  let dpi = SCREEN_DPI;
  for (let at = 8; at + 12 <= png.length; ) {
    const length = view.getUint32(at);
    const type = view.getUint32(at + 4);
    if (type === 0x49444154) break; // IDAT: pHYs must come before it
    // pHYs with unit 1 (metre); unit 0 is only an aspect ratio and says nothing about size.
    if (type === 0x70485973 && length === 9 && png[at + 16] === 1) {
      const perMetre = view.getUint32(at + 8);
      if (perMetre > 0) dpi = perMetre * METRES_PER_INCH;
    }
    at += 12 + length;
  }
  return { width, height, dpi };
}
