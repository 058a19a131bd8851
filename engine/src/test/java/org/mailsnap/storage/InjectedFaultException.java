package org.mailsnap.storage;

import java.io.IOException;

/** A failure {@link FaultInjectingStorage} made up, so a test can tell it from a real one. */
public final class InjectedFaultException extends IOException {
    public InjectedFaultException(String message) {
        super(message);
    }
}
