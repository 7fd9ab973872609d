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
-- Covering for both of the matrix's queries: its counts (one pass over the devices in service) and its
-- list of failing devices, which comes out of the index already in order of authority and tag.
CREATE INDEX custody_asset_now_readiness ON custody_asset_now (kind, status, authority, tag, failed, lat_election, serial);
