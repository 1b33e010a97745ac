/** Typed arrays <-> base64, so sketch state stays plain JSON. Little-endian, as on every Node host. */
export function bytesToBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function base64ToBytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

export function float64ToBase64(values: Float64Array): string {
  return bytesToBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

export function base64ToFloat64(text: string): Float64Array {
  const bytes = base64ToBytes(text);
  return new Float64Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 8));
}

export function uint32ToBase64(values: Uint32Array): string {
  return bytesToBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

export function base64ToUint32(text: string): Uint32Array {
  const bytes = base64ToBytes(text);
  return new Uint32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
}
