-- Readiness per election, SQLite flavour. Kept in step with ../postgresql/V8__custody_readiness_election.sql.
-- custody_asset_now (derived, maintained in the transaction of every record that changes it) gains
-- the election fingerprint of each device's latest pre-election L&A test, so that the readiness
-- matrix of an election counts a device whose L&A was of another election as failing
-- "election-fingerprint", without reading any event. A device with no L&A test has none.
ALTER TABLE custody_asset_now ADD COLUMN lat_election TEXT;
UPDATE custody_asset_now SET lat_election = (
    SELECT l.election FROM custody_event e JOIN custody_lat l ON l.id = e.lat_id
    WHERE e.tag = custody_asset_now.tag AND e.kind = 'lat' AND l.kind = 'pre-election'
    ORDER BY e.id DESC LIMIT 1)
WHERE kind = 'voting-device';
DROP INDEX custody_asset_now_readiness;
-- Covering for the matrix's list of failing devices, which comes out of it in order of authority and tag.
CREATE INDEX custody_asset_now_readiness ON custody_asset_now (kind, status, authority, tag, failed, lat_election, serial);
-- The device with a serial (each L&A record looks it up) by an index that answers it whole: with the
-- index above a planner without statistics would scan every device for it (3.7 ms instead of 0.005 ms).
DROP INDEX custody_asset_now_serial;
CREATE INDEX custody_asset_now_serial ON custody_asset_now (serial, kind, tag);

-- The matrix's counts, maintained with custody_asset_now in the same transactions: how many voting
-- devices in service each authority has with each combination of failed checks (bits) and L&A election
-- ('' for none). The matrix sums a few hundred rows, however many devices the state has.
CREATE TABLE custody_readiness_count (
    authority    TEXT    NOT NULL,
    failed       INTEGER NOT NULL,
    lat_election TEXT    NOT NULL,
    devices      INTEGER NOT NULL,
    PRIMARY KEY (authority, failed, lat_election)
);
INSERT INTO custody_readiness_count (authority, failed, lat_election, devices)
SELECT authority, failed, COALESCE(lat_election, ''), COUNT(*) FROM custody_asset_now
WHERE kind = 'voting-device' AND status = 'in-service'
GROUP BY authority, failed, COALESCE(lat_election, '');
