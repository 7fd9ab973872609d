package org.bulwark.formats.eventlog;

/** One event of an imported device log with the device that recorded it. */
public record ImportedEvent(Device device, DeviceEvent event) {}
