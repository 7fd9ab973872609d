package org.bulwark.store;

/** An election in a workspace, by the number the workspace gave it on import. */
public record ElectionRef(long id) {
    @Override
    public String toString() {
        return "election #" + id;
    }
}
