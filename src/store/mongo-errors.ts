/** True for a unique-index violation (E11000), also inside a bulk write error. */
export function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, writeErrors } = error as { code?: number; writeErrors?: Array<{ code?: number }> };
  if (code === 11000) return true;

  return (
    Array.isArray(writeErrors) &&
    writeErrors.length > 0 &&
    writeErrors.every((e) => e.code === 11000)
  );
}
