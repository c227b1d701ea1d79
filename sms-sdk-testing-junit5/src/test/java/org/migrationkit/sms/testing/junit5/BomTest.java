package org.migrationkit.sms.testing.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * sms-sdk-bom lists every published module of the reactor, and nothing else, at the reactor's
 * version: a module added to the build without its BOM entry (or an unpublished one with one) fails
 * here. Published: a {@code jar} module that does not set {@code maven.deploy.skip}.
 */
class BomTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void bom_hasTheParentsVersion() throws Exception {
    assertThat(text(pom(ROOT.resolve("sms-sdk-bom")), "version"))
        .isEqualTo(text(pom(ROOT), "version"));
  }

  @Test
  void bom_managesExactlyThePublishedModules_atTheProjectVersion() throws Exception {
    Set<String> published = new TreeSet<>();
    for (Element module : children(child(pom(ROOT), "modules"), "module")) {
      Element pom = pom(ROOT.resolve(module.getTextContent().strip()));
      Element properties = child(pom, "properties");
      boolean jar = "jar".equals(textOr(pom, "packaging", "jar"));
      boolean deployed =
          properties == null || !"true".equals(textOr(properties, "maven.deploy.skip", "false"));
      if (jar && deployed) {
        published.add("org.migrationkit:" + text(pom, "artifactId") + ":${project.version}");
      }
    }

    Set<String> managed = new TreeSet<>();
    Element bom = pom(ROOT.resolve("sms-sdk-bom"));
    for (Element dependency :
        children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
      managed.add(
          text(dependency, "groupId")
              + ":"
              + text(dependency, "artifactId")
              + ":"
              + text(dependency, "version"));
    }

    assertThat(published).contains("org.migrationkit:sms-sdk:${project.version}");
    assertThat(published).doesNotContain("org.migrationkit:sms-examples:${project.version}");
    assertThat(managed).isEqualTo(published);
  }

  private static Element pom(Path dir) throws Exception {
    Path file = dir.resolve("pom.xml");
    assertThat(file).exists();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (var in = Files.newInputStream(file)) {
      return factory.newDocumentBuilder().parse(in).getDocumentElement();
    }
  }

  private static String text(Element parent, String name) {
    Element child = child(parent, name);
    assertThat(child).as("<%s> in <%s>", name, parent.getTagName()).isNotNull();
    return child.getTextContent().strip();
  }

  private static String textOr(Element parent, String name, String otherwise) {
    Element child = child(parent, name);
    return child == null ? otherwise : child.getTextContent().strip();
  }

  /** The first direct child named {@code name} (not a deeper one, such as parent/version). */
  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
        out.add((Element) n);
      }
    }
    return out;
  }
}
