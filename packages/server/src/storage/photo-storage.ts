/** Where photo bytes live. Keys are chosen by the server (never by the client), e.g. `<applicationId>/<photoId>.jpg`. */
export interface PhotoStorage {
  put(key: string, data: Buffer): Promise<void>
  /** null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>
  /** Removing a missing key is not an error: a replaced photo may already be gone. */
  remove(key: string): Promise<void>
}
