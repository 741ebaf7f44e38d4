// A PNG with a palette, for images of few colours such as the share cards (about 100:
// two inks on one background, and their anti-aliased blends). Written here, not by a
// library, because the point is speed: node's native zlib on one byte per pixel takes
// about 2 ms for a card, where resvg's RGBA encoder takes about 10, and the file is half
// the size. The JavaScript PNG libraries deflate in JavaScript (pako), which is slower.
import { constants, crc32, deflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * The PNG of an opaque RGBA image (`rgba`: width × height × 4 bytes, rows top to bottom)
 * as 8-bit indexed colour, or undefined when it has more than 256 colours or any pixel
 * that is not fully opaque (the caller then encodes it another way).
 */
export function encodeIndexedPng(rgba: Uint8Array, width: number, height: number): Buffer | undefined {
  if (rgba.length !== width * height * 4 || rgba.byteOffset % 4) return undefined;
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  // Opaque is 0xff in the byte of alpha, wherever the platform's byte order puts it.
  const alphaMask = new Uint32Array(new Uint8Array([0, 0, 0, 0xff]).buffer)[0]!;
  // Each row starts with its filter type, here 0 (none): with one byte per pixel, rows of
  // the background deflate to almost nothing without one.
  const raw = Buffer.alloc((width + 1) * height);
  const bytes = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length);
  const rowBytes = width * 4;
  const palette = new Map<number, number>();
  let last = -1;
  let lastIndex = 0;
  for (let y = 0; y < height; y++) {
    const start = y * (width + 1) + 1;
    // Most rows of a card are the row above again: compared and copied natively.
    if (y > 0 && bytes.compare(bytes, (y - 1) * rowBytes, y * rowBytes, y * rowBytes, (y + 1) * rowBytes) === 0) {
      raw.copyWithin(start, start - width - 1, start - 1);
      continue;
    }
    // Runs of one colour (the background between letters) are filled natively.
    const rowEnd = (y + 1) * width;
    for (let p = y * width, o = start; p < rowEnd; ) {
      const colour = pixels[p]!;
      let end = p + 1;
      while (end < rowEnd && pixels[end] === colour) end++;
      if (colour !== last) {
        if ((colour & alphaMask) >>> 0 !== alphaMask) return undefined;
        let index = palette.get(colour);
        if (index === undefined) {
          if (palette.size === 256) return undefined;
          index = palette.size;
          palette.set(colour, index);
        }
        last = colour;
        lastIndex = index;
      }
      if (end - p > 8) raw.fill(lastIndex, o, o + end - p);
      else for (let q = o; q < o + end - p; q++) raw[q] = lastIndex;
      o += end - p;
      p = end;
    }
  }
  const plte = Buffer.allocUnsafe(palette.size * 3);
  const rgbaOf = new Uint8Array(4);
  const word = new Uint32Array(rgbaOf.buffer);
  for (const [colour, index] of palette) {
    word[0] = colour;
    plte[index * 3] = rgbaOf[0]!;
    plte[index * 3 + 1] = rgbaOf[1]!;
    plte[index * 3 + 2] = rgbaOf[2]!;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per index
  ihdr[9] = 3; // colour type: indexed
  // compression, filter method and interlace: 0 (the only ones, and none)
  // Run-length matching only: as small as the default on these rows of few colours, and faster.
  return Buffer.concat([SIGNATURE, chunk("IHDR", ihdr), chunk("PLTE", plte), chunk("IDAT", deflateSync(raw, { level: 3, strategy: constants.Z_RLE })), chunk("IEND", Buffer.alloc(0))]);
}
