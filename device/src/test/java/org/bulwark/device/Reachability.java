package org.bulwark.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A method-level reachability analysis over bytecode, to prove what the device's code can call
 * (docs/device.md, "No network"). From root classes it follows every call, field access that loads
 * a class (static initialisers), lambda and method handle into the libraries on the class path;
 * virtual and interface calls go to every override in a class the reachable code instantiates
 * (rapid type analysis). JDK classes are not entered: a call into them is checked against the
 * forbidden list. Not followed: reflection, ServiceLoader, and JDK code calling back into library
 * code other than through a call site seen here.
 */
final class Reachability {
    /** A method, "owner.name(desc)" with the owner in internal form. */
    record Method(String owner, String name, String desc) {
        @Override
        public String toString() {
            return owner.replace('/', '.') + "." + name + desc;
        }
    }

    /** A forbidden use and how it is reached from a root. */
    record Violation(String use, List<Method> path) {}

    private final Map<String, Optional<ClassInfo>> classes = new HashMap<>();
    private final Map<Method, Method> reachedFrom = new HashMap<>();
    private final Deque<Method> work = new ArrayDeque<>();
    private final Set<String> instantiated = new HashSet<>();
    private final Set<Method> virtualSites = new LinkedHashSet<>();
    private final Map<Method, String> violations = new java.util.LinkedHashMap<>();

    private record ClassInfo(String name, String superName, List<String> interfaces, Map<String, MethodBody> methods) {}

    private record MethodBody(List<Call> calls, Set<String> news, Set<String> touched, List<Handle> handles) {}

    private record Call(Method target, boolean virtual) {}

    /** What the analysis found, and how many methods it followed (to show it went into the libraries). */
    record Report(List<Violation> violations, int methodsReached, Set<String> librariesEntered) {}

    static Report analyse(Iterable<String> rootClasses) {
        Reachability r = new Reachability();
        for (String root : rootClasses) {
            r.info(root).ifPresent(c -> c.methods().keySet().forEach(m -> {
                int paren = m.indexOf('(');
                r.reach(new Method(c.name(), m.substring(0, paren), m.substring(paren)), null);
            }));
        }
        r.run();
        List<Violation> out = new ArrayList<>();
        r.violations.forEach((m, use) -> out.add(new Violation(use, r.path(m))));
        Set<String> libraries = new java.util.TreeSet<>();
        r.reachedFrom.keySet().stream().map(Method::owner).filter(o -> !isJdk(o))
                .map(o -> o.substring(0, Math.max(0, nthSlash(o, 3)))).forEach(libraries::add);
        return new Report(out, r.reachedFrom.size(), libraries);
    }

    private static int nthSlash(String s, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            int next = s.indexOf('/', at + 1);
            if (next < 0) {
                return s.lastIndexOf('/');
            }
            at = next;
        }
        return at;
    }

    /** Whether a call into the JDK is a network use, and which. */
    static Optional<String> forbidden(Method m) {
        String o = m.owner();
        if (o.startsWith("java/net/http/") || o.startsWith("java/rmi/") || o.startsWith("javax/rmi/") || o.startsWith("javax/net/")
                || o.startsWith("jdk/internal/net/") || o.startsWith("sun/net/")) {
            return Optional.of(m.toString());
        }
        switch (o) {
            case "java/net/Socket", "java/net/ServerSocket", "java/net/DatagramSocket", "java/net/MulticastSocket",
                    "java/net/URLConnection", "java/net/HttpURLConnection", "java/net/JarURLConnection",
                    "java/nio/channels/SocketChannel", "java/nio/channels/ServerSocketChannel", "java/nio/channels/DatagramChannel",
                    "java/nio/channels/AsynchronousSocketChannel", "java/nio/channels/AsynchronousServerSocketChannel" -> {
                return Optional.of(m.toString());
            }
            case "java/net/URL" -> {
                // A URL is also how class-path resources are named; opening one is what reaches out.
                return m.name().equals("openConnection") || m.name().equals("openStream") || m.name().equals("getContent")
                        ? Optional.of(m.toString()) : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static boolean isJdk(String owner) {
        return owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/") || owner.startsWith("sun/")
                || owner.startsWith("com/sun/") || owner.startsWith("org/w3c/") || owner.startsWith("org/xml/")
                || owner.startsWith("[");
    }

    private void reach(Method m, Method from) {
        if (reachedFrom.containsKey(m)) {
            return;
        }
        reachedFrom.put(m, from == null ? m : from);
        Optional<String> bad = forbidden(m);
        if (bad.isPresent()) {
            violations.put(m, bad.get());
            return;
        }
        if (!isJdk(m.owner())) {
            work.add(m);
        }
    }

    private void run() {
        while (!work.isEmpty()) {
            Method m = work.poll();
            Optional<Method> declared = resolve(m.owner(), m.name(), m.desc());
            if (declared.isEmpty()) {
                continue;
            }
            if (!declared.get().equals(m)) {
                reach(declared.get(), m);
                continue;
            }
            MethodBody body = info(m.owner()).orElseThrow().methods().get(m.name() + m.desc());
            for (String t : body.touched()) {
                reach(new Method(t, "<clinit>", "()V"), m);
            }
            for (String n : body.news()) {
                reach(new Method(n, "<clinit>", "()V"), m);
                if (instantiated.add(n)) {
                    for (Method site : List.copyOf(virtualSites)) {
                        dispatch(site, n, m);
                    }
                }
            }
            for (Handle h : body.handles()) {
                if (h.getTag() == Opcodes.H_NEWINVOKESPECIAL && instantiated.add(h.getOwner())) {
                    for (Method site : List.copyOf(virtualSites)) {
                        dispatch(site, h.getOwner(), m);
                    }
                }
                reach(new Method(h.getOwner(), h.getName(), h.getDesc()), m);
            }
            for (Call c : body.calls()) {
                reach(c.target(), m);
                if (c.virtual() && virtualSites.add(c.target())) {
                    for (String type : List.copyOf(instantiated)) {
                        dispatch(c.target(), type, m);
                    }
                }
            }
        }
    }

    /** A virtual call reaches the override in {@code type}, when {@code type} is a subtype of the call's owner. */
    private void dispatch(Method site, String type, Method from) {
        if (!isJdk(type) && isSubtype(type, site.owner())) {
            resolve(type, site.name(), site.desc()).ifPresent(target -> reach(target, from));
        }
    }

    private boolean isSubtype(String type, String of) {
        if (type.equals(of) || of.equals("java/lang/Object")) {
            return true;
        }
        Optional<ClassInfo> c = info(type);
        if (c.isEmpty()) {
            return false;
        }
        if (c.get().superName() != null && isSubtype(c.get().superName(), of)) {
            return true;
        }
        return c.get().interfaces().stream().anyMatch(i -> isSubtype(i, of));
    }

    /** The class that declares the method seen from {@code owner} (itself, a superclass or an interface default). */
    private Optional<Method> resolve(String owner, String name, String desc) {
        if (isJdk(owner)) {
            return Optional.of(new Method(owner, name, desc));
        }
        Optional<ClassInfo> c = info(owner);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        if (c.get().methods().containsKey(name + desc)) {
            return Optional.of(new Method(owner, name, desc));
        }
        if (c.get().superName() != null) {
            Optional<Method> up = resolve(c.get().superName(), name, desc);
            if (up.isPresent()) {
                return up;
            }
        }
        for (String i : c.get().interfaces()) {
            Optional<Method> in = resolve(i, name, desc);
            if (in.isPresent()) {
                return in;
            }
        }
        return Optional.empty();
    }

    private List<Method> path(Method m) {
        List<Method> p = new ArrayList<>();
        for (Method at = m; ; at = reachedFrom.get(at)) {
            p.add(0, at);
            if (reachedFrom.get(at).equals(at) || p.size() > 60) {
                return p;
            }
        }
    }

    private Optional<ClassInfo> info(String name) {
        return classes.computeIfAbsent(name, n -> {
            if (isJdk(n)) {
                return Optional.empty();
            }
            try (InputStream in = ClassLoader.getSystemClassLoader().getResourceAsStream(n + ".class")) {
                return in == null ? Optional.empty() : Optional.of(parse(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static ClassInfo parse(byte[] bytes) {
        Map<String, MethodBody> methods = new HashMap<>();
        String[] header = new String[2];
        List<String> interfaces = new ArrayList<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] ifaces) {
                header[0] = name;
                header[1] = superName;
                interfaces.addAll(ifaces == null ? List.of() : List.of(ifaces));
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                MethodBody body = new MethodBody(new ArrayList<>(), new HashSet<>(), new HashSet<>(), new ArrayList<>());
                methods.put(name + desc, body);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String mName, String mDesc, boolean itf) {
                        body.calls().add(new Call(new Method(owner, mName, mDesc),
                                opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE));
                        if (opcode == Opcodes.INVOKESTATIC) {
                            body.touched().add(owner);
                        }
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        if (opcode == Opcodes.NEW) {
                            body.news().add(type);
                        }
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String fName, String fDesc) {
                        if (opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC) {
                            body.touched().add(owner);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String iName, String iDesc, Handle bsm, Object... args) {
                        for (Object a : args) {
                            if (a instanceof Handle h) {
                                body.handles().add(h);
                            }
                        }
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof Handle h) {
                            body.handles().add(h);
                        } else if (value instanceof Type t && t.getSort() == Type.OBJECT) {
                            body.touched().add(t.getInternalName());
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassInfo(header[0], header[1], List.copyOf(interfaces), methods);
    }
}
