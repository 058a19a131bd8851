package org.mailsnap.cli;

/** A failure whose message is for the operator and whose exit code is known. */
final class UserError extends RuntimeException {
    private final ExitCode code;

    UserError(ExitCode code, String message) {
        super(message);
        this.code = code;
    }

    ExitCode code() {
        return code;
    }
}
