package org.mailsnap.storage;

class MemoryStorageTest extends StorageContractTest {
    @Override
    protected Storage newStorage() {
        return new MemoryStorage();
    }
}
