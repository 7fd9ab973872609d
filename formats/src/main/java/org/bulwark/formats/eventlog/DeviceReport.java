package org.bulwark.formats.eventlog;

/** How many events one Device of an imported log had, and what its chain check found. */
public record DeviceReport(Device device, long events, ChainCheck chain) {}
