package org.bulwark.device;

/**
 * Named points inside a multi-file write where tests make the device fail, to prove that a crash
 * anywhere leaves all of a ballot's records or none. The shipped device passes through them.
 */
@FunctionalInterface
interface FaultPoint {
    FaultPoint NONE = point -> {};

    void reach(String point);
}
