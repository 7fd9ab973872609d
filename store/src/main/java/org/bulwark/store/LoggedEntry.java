package org.bulwark.store;

import org.bulwark.model.events.LogEvent;

/** One entry of the workspace log: its index, its canonical bytes and the event they encode. */
public record LoggedEntry(long index, byte[] bytes, LogEvent event) {}
