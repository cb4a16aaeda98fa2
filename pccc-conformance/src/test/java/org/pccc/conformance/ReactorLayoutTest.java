package org.pccc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The module layout of CONTRIBUTING.md, read from the reactor's poms: which module may depend on
 * which, that library jars force no logging binding on their users, and that the BOM lists every
 * published module at the reactor's version.
 */
class ReactorLayoutTest {
  /** Per module: the PCCC modules it may use at compile or runtime. A new module needs a line. */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("pccc-model", Set.of()),
      Map.entry("pccc-crypto", Set.of("pccc-model")),
      Map.entry("pccc-transport-spi", Set.of("pccc-model")),
      Map.entry("pccc-transport-tck", Set.of("pccc-model", "pccc-transport-spi")),
      Map.entry("pccc-transport", Set.of("pccc-model", "pccc-crypto", "pccc-transport-spi")),
      Map.entry("pccc-transport-kafka", Set.of("pccc-model", "pccc-transport-spi")),
      Map.entry("pccc-awareness", Set.of("pccc-model", "pccc-crypto", "pccc-transport-spi", "pccc-transport")),
      Map.entry("pccc-conformance", Set.of("pccc-model", "pccc-crypto", "pccc-transport-spi", "pccc-transport",
          "pccc-transport-kafka", "pccc-awareness")),
      Map.entry("pccc-examples", Set.of("pccc-model", "pccc-crypto", "pccc-transport-spi", "pccc-transport",
          "pccc-transport-kafka", "pccc-awareness")),
      Map.entry("pccc-benchmarks", Set.of("pccc-model", "pccc-crypto", "pccc-transport-spi", "pccc-transport",
          "pccc-transport-kafka")),
      Map.entry("pccc-bom", Set.of()));

  /** Applications: they may carry a logging binding and are not published. */
  private static final Set<String> APPLICATIONS = Set.of("pccc-examples", "pccc-benchmarks");

  /** Nothing depends on these, in any scope. */
  private static final Set<String> LEAVES = Set.of("pccc-examples", "pccc-benchmarks", "pccc-bom");

  private static final Set<String> SLF4J_BINDINGS = Set.of("slf4j-nop", "slf4j-simple", "slf4j-jdk14",
      "slf4j-reload4j", "slf4j-log4j12", "logback-classic", "log4j-slf4j2-impl", "log4j-slf4j-impl");

  private static Element root;
  private static Map<String, Element> modules;

  record Dependency(String groupId, String artifactId, String scope, boolean optional) {
    boolean main() {
      return !scope.equals("test");
    }
  }

  @BeforeAll
  static void readPoms() throws Exception {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("pccc-model/pom.xml"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the reactor root").isNotNull();
    root = read(dir.resolve("pom.xml"));
    modules = new LinkedHashMap<>();
    for (Element m : children(child(root, "modules"), "module")) {
      Element pom = read(dir.resolve(m.getTextContent().trim()).resolve("pom.xml"));
      modules.put(text(pom, "artifactId"), pom);
    }
  }

  @Test
  void everyModuleHasARowInTheLayoutTable() {
    assertThat(ALLOWED.keySet()).as("modules of the reactor; add a new module to ALLOWED and "
        + "CONTRIBUTING.md").containsExactlyInAnyOrderElementsOf(modules.keySet());
  }

  @Test
  void modulesDependOnlyOnWhatTheLayoutAllows() {
    List<String> violations = new ArrayList<>();
    modules.forEach((name, pom) -> {
      for (Dependency d : dependencies(pom)) {
        if (!d.groupId().equals("org.pccc")) {
          continue;
        }
        if (LEAVES.contains(d.artifactId())) {
          violations.add(name + " -> " + d.artifactId() + " (" + d.scope() + "): nothing depends on it");
        } else if (d.artifactId().equals("pccc-conformance") && !APPLICATIONS.contains(name)) {
          violations.add(name + " -> pccc-conformance (" + d.scope() + ")");
        } else if (d.main() && !ALLOWED.get(name).contains(d.artifactId())) {
          violations.add(name + " -> " + d.artifactId() + " (" + d.scope() + ")");
        }
      }
    });
    assertThat(violations).as("dependencies the layout does not allow").isEmpty();
    // The table is not vacuous: the node does use the crypto layer.
    assertThat(dependencies(modules.get("pccc-transport")))
        .anyMatch(d -> d.artifactId().equals("pccc-crypto") && d.main());
  }

  @Test
  void libraryModulesForceNoLoggingBindingOnTheirUsers() {
    List<String> violations = new ArrayList<>();
    modules.forEach((name, pom) -> {
      if (APPLICATIONS.contains(name)) {
        return;
      }
      for (Dependency d : dependencies(pom)) {
        if (SLF4J_BINDINGS.contains(d.artifactId()) && d.main() && !d.optional()) {
          violations.add(name + " -> " + d.artifactId() + " (" + d.scope() + ")");
        }
      }
    });
    assertThat(violations).as("SLF4J bindings a user of the library would inherit: use test scope, "
        + "or optional for a runnable jar's own binding").isEmpty();
    // Transitive bindings of third-party dependencies are caught by the enforcer rule
    // "no-logging-binding" in the parent pom.
  }

  @Test
  void theBomListsEveryPublishedModuleAtTheReactorVersion() {
    Element bom = modules.get("pccc-bom");
    assertThat(child(bom, "parent")).as("the BOM has no parent: it must not pin our third-party "
        + "versions in a user's build").isNull();
    assertThat(text(bom, "version")).isEqualTo(text(root, "version"));

    Set<String> listed = new TreeSet<>();
    for (Element d : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
      assertThat(text(d, "groupId")).isEqualTo("org.pccc");
      assertThat(text(d, "version")).isEqualTo("${project.version}");
      listed.add(text(d, "artifactId"));
    }
    Set<String> published = new TreeSet<>(modules.keySet());
    published.removeAll(APPLICATIONS);
    published.remove("pccc-bom");
    assertThat(listed).isEqualTo(published);
    for (String app : APPLICATIONS) {
      assertThat(property(modules.get(app), "maven.deploy.skip")).as(app + " is not published")
          .isEqualTo("true");
    }
  }

  private static List<Dependency> dependencies(Element pom) {
    List<Dependency> result = new ArrayList<>();
    for (Element d : children(child(pom, "dependencies"), "dependency")) {
      String scope = text(d, "scope");
      result.add(new Dependency(text(d, "groupId"), text(d, "artifactId"),
          scope == null ? "compile" : scope, "true".equals(text(d, "optional"))));
    }
    return result;
  }

  private static String property(Element pom, String name) {
    return text(child(pom, "properties"), name);
  }

  private static Element read(Path pom) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(pom.toFile());
    return doc.getDocumentElement();
  }

  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> result = new ArrayList<>();
    if (parent != null) {
      NodeList nodes = parent.getChildNodes();
      for (int i = 0; i < nodes.getLength(); i++) {
        if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
          result.add(e);
        }
      }
    }
    return result;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().trim();
  }
}
