package dev.ferry.launcher;

/** A problem that stops the launcher, with a message for the person at the console (no stack trace). */
final class LaunchException extends RuntimeException {

    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
