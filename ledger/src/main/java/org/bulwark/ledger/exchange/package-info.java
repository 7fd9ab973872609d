/**
 * The files a voting device and its election authority exchange on removable media: the device's
 * L&amp;A record ({@link org.bulwark.ledger.exchange.LatRecord}, read by custody) and the authority's
 * readiness clearance ({@link org.bulwark.ledger.exchange.ReadinessClearance}, inside a signed custody
 * package, read by the device). Both sides read and write them with this one code, so that the
 * contract cannot drift; it lives in ledger because both the device and the custody module depend on
 * ledger and neither may depend on the other.
 */
package org.bulwark.ledger.exchange;
