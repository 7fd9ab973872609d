-- Results certifications, PostgreSQL flavour. Kept in step with ../sqlite/V7__certification.sql, which
-- explains the table.
CREATE TABLE results_certification (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    election_id  BIGINT NOT NULL REFERENCES election (id),
    authority    TEXT   NOT NULL,
    certified_by TEXT   NOT NULL,
    certified_at BIGINT NOT NULL,
    log_index    BIGINT NOT NULL REFERENCES log_entry (idx)
);

CREATE UNIQUE INDEX results_certification_once ON results_certification (election_id, authority);

CREATE TRIGGER results_certification_append_only BEFORE UPDATE OR DELETE ON results_certification
    FOR EACH ROW EXECUTE FUNCTION bulwark_append_only();
