package io.veltrix.scenarios.run;

/** A public class that is not an event handler, for the handler checks. */
public final class NotAHandler {}
