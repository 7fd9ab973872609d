package org.bulwark.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** One entry of the portal's route table: method, path, who may use it, and what it does. */
record Route(HandlerType method, String path, Access access, Handler handler) {
    static Route get(String path, Access access, Handler handler) {
        return new Route(HandlerType.GET, path, access, handler);
    }

    static Route post(String path, Access access, Handler handler) {
        return new Route(HandlerType.POST, path, access, handler);
    }
}
