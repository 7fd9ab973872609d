package org.bulwark.device;

import java.io.IOException;
import java.net.Socket;
import java.util.function.Supplier;

/** Test-only: code that reaches a socket through a lambda and a virtual call, to prove the no-network test can fail. */
final class NetworkingFixture {
    private NetworkingFixture() {}

    interface Sender {
        void send() throws IOException;
    }

    static final class SocketSender implements Sender {
        @Override
        public void send() throws IOException {
            try (Socket s = new Socket("127.0.0.1", 9)) {
                s.getOutputStream().write(1);
            }
        }
    }

    static Supplier<Sender> senders() {
        return SocketSender::new;
    }

    static void report(Sender sender) throws IOException {
        sender.send();
    }
}
