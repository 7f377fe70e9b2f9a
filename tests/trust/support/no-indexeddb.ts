// A browser window without IndexedDB (Firefox's private windows refuse to open a database): every
// indexedDB.open throws, as Firefox does. Import before anything that loads Dexie.
import 'fake-indexeddb/auto';

globalThis.IDBFactory.prototype.open = function open(): never {
  throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
};
