package io.sockshell.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sockshell.cli.Main;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The product jar holds TranscriptTests but no JUnit: a project that uses TranscriptTests
 * brings JUnit itself. Building the jar here would take a second Maven build inside this one,
 * so this reads what decides the jar's contents instead: the jar is target/classes plus the
 * runtime dependencies, and JUnit must be none of those (provided or test scope in pom.xml,
 * and excluded from the shading should a dependency ever bring it along), while
 * TranscriptTests must be one of the main classes.
 */
@Timeout(10)
class PackagingTest {
    private static final Set<String> SCOPES_LEFT_OUT_OF_THE_JAR = Set.of("provided", "test");

    @Test
    void junitIsLeftToTheUsersProject() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        List<String> junitDependencies = new ArrayList<>();
        for (Element dependency : children(child(pom.getDocumentElement(), "dependencies"), "dependency")) {
            String group = text(dependency, "groupId");
            if (group.startsWith("org.junit") || group.equals("org.opentest4j") || group.equals("org.apiguardian")) {
                String scope = text(dependency, "scope").isEmpty() ? "compile" : text(dependency, "scope");
                junitDependencies.add(text(dependency, "artifactId") + " " + scope);
                assertTrue(SCOPES_LEFT_OUT_OF_THE_JAR.contains(scope), group + ":" + text(dependency, "artifactId")
                        + " has scope '" + scope + "', which puts it in the jar and on users' classpaths");
            }
        }
        assertTrue(junitDependencies.contains("junit-jupiter-api provided"),
                "TranscriptTests compiles against JUnit's API, provided: " + junitDependencies);
        assertTrue(shadingExcludes(pom).contains("org.junit*:*"), "the shade plugin no longer excludes JUnit");
    }

    @Test
    void transcriptTestsIsAMainClassAUsersTestCanCall() throws Exception {
        Class<?> tests = Class.forName("io.sockshell.junit.TranscriptTests");
        assertEquals(Main.class.getProtectionDomain().getCodeSource().getLocation(),
                tests.getProtectionDomain().getCodeSource().getLocation(),
                "TranscriptTests is not among the classes the jar is made of");
        Method in = tests.getMethod("in", Path.class);
        assertTrue(Modifier.isStatic(in.getModifiers()) && Modifier.isPublic(tests.getModifiers()));
        ParameterizedType returned = (ParameterizedType) in.getGenericReturnType();
        assertEquals(Stream.class, returned.getRawType());
        assertEquals(DynamicTest.class, returned.getActualTypeArguments()[0]);
    }

    private static List<String> shadingExcludes(Document pom) {
        List<String> excludes = new ArrayList<>();
        NodeList artifactSets = pom.getElementsByTagName("artifactSet");
        for (int i = 0; i < artifactSets.getLength(); i++) {
            for (Element exclude : children(child((Element) artifactSets.item(i), "excludes"), "exclude")) {
                excludes.add(exclude.getTextContent().strip());
            }
        }
        return excludes;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "<" + name + "> in <" + parent.getTagName() + ">");
        return found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    /** The text of the child element {@code name}, or "" when it has none. */
    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
    }
}
