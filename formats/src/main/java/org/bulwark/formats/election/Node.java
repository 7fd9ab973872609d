package org.bulwark.formats.election;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One value of a parsed JSON or XML document, kept with where it came from, so that readers can
 * name the exact place of a problem in the user's own file: a JSON path such as
 * {@code Election[0].Contest[4].ContestSelection[2]} or an XML element path such as
 * {@code /ElectionReport/Election/Contest[5]}, and a line and column.
 *
 * <p>A JSON object or an XML element is a node with named children; a JSON array is the list of
 * children under one name; a JSON scalar or the text of an XML element is the node's text. XML
 * attributes are children named after the attribute ({@code ObjectId} as {@code @id} and
 * {@code xsi:type} as {@code @type}, the JSON spellings).
 */
final class Node {
    enum Syntax {
        JSON,
        XML
    }

    /** What a JSON value was; XML text is always STRING. ARRAY is an array directly inside an array. */
    enum Kind {
        OBJECT,
        ARRAY,
        STRING,
        NUMBER,
        BOOLEAN,
        NULL
    }

    private final Syntax syntax;
    private final Node parent;
    private final String name;
    private final int index;
    private final boolean listed;
    private final int line;
    private final int column;
    private final Map<String, List<Node>> children = new LinkedHashMap<>();
    private Kind kind = Kind.OBJECT;
    private String text;

    /**
     * @param index position among the values under the same name in the parent
     * @param listed JSON: the value is an array element; XML: the path shows the position
     */
    Node(Syntax syntax, Node parent, String name, int index, boolean listed, int line, int column) {
        this.syntax = syntax;
        this.parent = parent;
        this.name = name;
        this.index = index;
        this.listed = listed;
        this.line = line;
        this.column = column;
    }

    static Node root(Syntax syntax, String name, int line, int column) {
        return new Node(syntax, null, name, 0, false, line, column);
    }

    /** Adds a child under {@code key}; {@code listed} as in the constructor. */
    Node add(String key, boolean listed, int line, int column) {
        List<Node> list = children.computeIfAbsent(key, k -> new ArrayList<>(1));
        Node child = new Node(syntax, this, key, list.size(), listed, line, column);
        list.add(child);
        return child;
    }

    /** Records that {@code key} is present with no values (an empty JSON array). */
    void addEmpty(String key) {
        children.computeIfAbsent(key, k -> new ArrayList<>(0));
    }

    void setScalar(Kind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    /** XML element text next to attributes: the node stays an element that also has text. */
    void setText(String text) {
        this.text = text;
    }

    Syntax syntax() {
        return syntax;
    }

    String name() {
        return name;
    }

    Kind kind() {
        return kind;
    }

    /** JSON: the value is an element of an array. */
    boolean inList() {
        return listed;
    }

    boolean isObject() {
        return kind == Kind.OBJECT;
    }

    Optional<String> text() {
        return Optional.ofNullable(text);
    }

    boolean has(String key) {
        return children.containsKey(key);
    }

    List<Node> all(String key) {
        return children.getOrDefault(key, List.of());
    }

    Optional<Node> first(String key) {
        List<Node> list = all(key);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    Iterable<String> keys() {
        return children.keySet();
    }

    /** "line 12, column 4": where the value starts in the file. */
    String place() {
        return "line " + line + ", column " + column;
    }

    /** Where the value is in the document's own terms: a JSON path or an XML element path. */
    String path() {
        if (parent == null) {
            return syntax == Syntax.JSON ? "" : "/" + name;
        }
        String up = parent.path();
        return switch (syntax) {
            case JSON -> (up.isEmpty() ? "" : up + ".") + name + (listed ? "[" + index + "]" : "");
            case XML -> {
                if (name.startsWith("@")) {
                    yield up + "/" + name;
                }
                boolean repeated = listed && parent.all(name).size() > 1;
                yield up + "/" + name + (repeated ? "[" + (index + 1) + "]" : "");
            }
        };
    }
}
