// @ts-nocheck
import { closeSync, constants, fstatSync, openSync, readSync, Stats } from "fs";
import { at, InventoryError, positionIn } from "./errors";

/** An inventory is a few KiB; 256 KiB is far beyond any estate and still parses in a second or two whatever it holds. */
export const MAX_INVENTORY_BYTES = 256 * 1024;

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * The text of an inventory file, refusing anything that is not a small UTF-8 text file:
 * directories, FIFOs, devices (/dev/zero would never end) and sockets are refused before
 * a byte is read, whatever a symlink points at (the opened file is what is checked);
 * the size is checked before reading and the read stops past the bound, should the file
 * grow meanwhile; bytes that are not UTF-8 and control characters (binary data) are
 * refused with the line and column where they start.
 */
export function readInventoryText(file: string): string {
  const fail = (problem: string): never => {
    throw new InventoryError(file, [problem]);
  };
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it changes nothing for a regular file.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    return fail(`cannot open the file named by HOMELAB_INVENTORY: ${(err as Error).message}`);
  }
  let bytes: Buffer;
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) fail(`the file is ${kindOf(stats)}; HOMELAB_INVENTORY must name a regular YAML or JSON file`);
    if (stats.size > MAX_INVENTORY_BYTES) fail(`the file is ${stats.size} bytes; an inventory is at most ${MAX_INVENTORY_BYTES} bytes`);
    const buffer = Buffer.alloc(MAX_INVENTORY_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_INVENTORY_BYTES) fail(`the file grew past ${MAX_INVENTORY_BYTES} bytes while it was read`);
    bytes = buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
  return decodeText(file, bytes);
}

const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

/** UTF-8 text without its byte-order mark, or an error at the first byte that is not text. */
function decodeText(file: string, fileBytes: Buffer): string {
  const bytes = fileBytes.subarray(0, 3).equals(BYTE_ORDER_MARK) ? fileBytes.subarray(3) : fileBytes;
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  // The decoder writes U+FFFD for a malformed sequence: find the first the file did not spell out.
  for (let i = text.indexOf("\ufffd"); i !== -1; i = text.indexOf("\ufffd", i + 1)) {
    const offset = Buffer.byteLength(text.slice(0, i));
    if (!bytes.subarray(offset, offset + 3).equals(Buffer.from("\ufffd"))) {
      const byte = bytes[offset].toString(16).padStart(2, "0");
      throw new InventoryError(file, [`${at(file, positionIn(text, i))}byte 0x${byte} is not UTF-8; an inventory is UTF-8 text (YAML or JSON)`]);
    }
  }
  const control = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]/.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, "0").toUpperCase();
    throw new InventoryError(file, [`${at(file, positionIn(text, control.index))}control character U+${code}: binary data, not YAML or JSON text`]);
  }
  return text;
}
