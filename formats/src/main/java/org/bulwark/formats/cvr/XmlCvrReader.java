package org.bulwark.formats.cvr;

import java.io.InputStream;
import org.bulwark.model.BadInputException;
import org.bulwark.model.CountingGroup;

final class XmlCvrReader {
    static JsonCvrReader.Header read(InputStream in, String file, boolean strict, CountingGroup group, ElectionIds ids, CvrEmitter emitter) {
        throw new BadInputException(file, "line 1", "XML CVR reports are not supported yet");
    }
}
