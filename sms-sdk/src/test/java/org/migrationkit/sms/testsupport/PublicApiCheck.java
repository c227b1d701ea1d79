package org.migrationkit.sms.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API of one module (every public type and member outside {@code internal} packages, and
 * the module's {@code requires} and exports) matches its checked-in dump {@code
 * api/<artifact>.api}, so no public name changes without showing in review. Each published module
 * has one subclass, naming a class of the module; after an intended change, refresh the dump with
 * {@link #UPDATE_COMMAND} and commit it with the change.
 */
public abstract class PublicApiCheck {
  public static final String UPDATE_COMMAND =
      "mvn -B -q test -Dtest=*PublicApiTest -Dapi.update=true";
  private static final String MODULE_INFO = "module-info.class";

  private final Class<?> anchor;
  private final Path dump;

  /**
   * @param anchor any class of the module under check (its code source is the module's classes)
   * @param artifactId the module's artifact, which names its dump {@code api/<artifactId>.api}
   */
  protected PublicApiCheck(Class<?> anchor, String artifactId) {
    this.anchor = anchor;
    this.dump = Path.of("api", artifactId + ".api");
  }

  @Test
  public void publicApi_matchesCheckedInDump() throws Exception {
    String actual = String.join("\n", dump()) + "\n";
    if (Boolean.getBoolean("api.update")) {
      Files.createDirectories(dump.getParent());
      Files.writeString(dump, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected = Files.exists(dump) ? Files.readString(dump, StandardCharsets.UTF_8) : "";
    if (!expected.equals(actual)) {
      fail(
          "Public API differs from "
              + dump
              + "; if the change is intended, run `"
              + UPDATE_COMMAND
              + "` and commit "
              + dump
              + "\n"
              + diff(expected, actual));
    }
  }

  @Test
  public void module_exportsExactlyTheNonInternalPackages() throws Exception {
    Set<String> packages = new TreeSet<>();
    for (String className : classNames()) {
      packages.add(className.substring(0, className.lastIndexOf('.')));
    }
    packages.removeIf(PublicApiCheck::isInternal);

    Set<String> exported =
        moduleDescriptor().exports().stream()
            .filter(e -> !e.isQualified())
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(exported).isEqualTo(packages);
  }

  private List<String> dump() throws Exception {
    List<String> out = new ArrayList<>();
    ModuleDescriptor module = moduleDescriptor();
    out.add("module " + module.name());
    module.requires().stream()
        .map(r -> "  requires " + modifiers(r.modifiers()) + r.name())
        .sorted()
        .forEach(out::add);
    module.exports().stream()
        .map(
            e ->
                "  exports "
                    + e.source()
                    + (e.isQualified()
                        ? " to " + String.join(", ", new TreeSet<>(e.targets()))
                        : ""))
        .sorted()
        .forEach(out::add);
    out.add("");
    for (String name : classNames()) {
      if (isInternal(name)) {
        continue;
      }
      Class<?> type = Class.forName(name, false, anchor.getClassLoader());
      if (!isVisible(type)) {
        continue;
      }
      out.add(declaration(type));
      out.addAll(members(type));
      out.add("");
    }
    return out;
  }

  /** Whether a class or package name lies in {@code internal} (not API, not exported). */
  private static boolean isInternal(String name) {
    return (name + ".").contains(".internal.");
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!Modifier.isPublic(c.getModifiers()) && !isProtectedIn(c)) {
        return false;
      }
    }
    return !type.isSynthetic() && !type.isAnonymousClass() && !type.isLocalClass();
  }

  private static boolean isProtectedIn(Class<?> c) {
    return Modifier.isProtected(c.getModifiers())
        && c.getDeclaringClass() != null
        && !Modifier.isFinal(c.getDeclaringClass().getModifiers());
  }

  private static String declaration(Class<?> type) {
    StringBuilder s = new StringBuilder();
    int mods = type.getModifiers() & Modifier.classModifiers();
    if (type.isInterface()) {
      mods &= ~(Modifier.ABSTRACT | Modifier.STATIC);
    }
    if (type.isEnum()) {
      mods &= ~(Modifier.FINAL | Modifier.STATIC);
    }
    s.append(Modifier.toString(mods)).append(' ');
    s.append(
        type.isAnnotation()
            ? "@interface"
            : type.isInterface() ? "interface" : type.isEnum() ? "enum" : "class");
    s.append(' ').append(type.getName()).append(typeParameters(type.getTypeParameters()));
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum()) {
      s.append(" extends ").append(superclass.getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0 && !type.isAnnotation()) {
      s.append(type.isInterface() ? " extends " : " implements ");
      s.append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    return s.toString();
  }

  private static List<String> members(Class<?> type) {
    boolean subclassable = !Modifier.isFinal(type.getModifiers()) && !type.isEnum();
    Set<String> lines = new TreeSet<>();
    for (Field f : type.getDeclaredFields()) {
      if (visible(f.getModifiers(), subclassable) && !f.isSynthetic()) {
        lines.add(
            "  "
                + Modifier.toString(f.getModifiers() & Modifier.fieldModifiers())
                + " "
                + f.getGenericType().getTypeName()
                + " "
                + f.getName());
      }
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (visible(c.getModifiers(), subclassable) && !c.isSynthetic()) {
        lines.add("  " + executable(c, type.getName(), null));
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (visible(m.getModifiers(), subclassable) && !m.isSynthetic() && !m.isBridge()) {
        lines.add("  " + executable(m, m.getName(), m.getGenericReturnType()));
      }
    }
    return new ArrayList<>(lines);
  }

  private static boolean visible(int modifiers, boolean subclassable) {
    return Modifier.isPublic(modifiers) || (subclassable && Modifier.isProtected(modifiers));
  }

  private static String executable(Executable e, String name, Type returnType) {
    int mods = e.getModifiers() & Modifier.methodModifiers();
    mods &= ~(Modifier.NATIVE | Modifier.SYNCHRONIZED | Modifier.STRICT);
    boolean isDefault = e instanceof Method && ((Method) e).isDefault();
    if (e.getDeclaringClass().isInterface()) {
      mods &= ~Modifier.ABSTRACT;
    }
    StringBuilder s = new StringBuilder(Modifier.toString(mods));
    if (isDefault) {
      s.append(" default");
    }
    String typeParameters = typeParameters(e.getTypeParameters());
    if (!typeParameters.isEmpty()) {
      s.append(' ').append(typeParameters);
    }
    if (returnType != null) {
      s.append(' ').append(returnType.getTypeName());
    }
    s.append(' ').append(name).append('(');
    Type[] params = e.getGenericParameterTypes();
    for (int i = 0; i < params.length; i++) {
      String t = params[i].getTypeName();
      if (e.isVarArgs() && i == params.length - 1) {
        t = t.substring(0, t.length() - 2) + "...";
      }
      s.append(i == 0 ? "" : ", ").append(t);
    }
    s.append(')');
    Type[] exceptions = e.getGenericExceptionTypes();
    if (exceptions.length > 0) {
      s.append(" throws ")
          .append(
              Arrays.stream(exceptions)
                  .map(Type::getTypeName)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    return s.toString().trim();
  }

  private static String typeParameters(TypeVariable<?>[] variables) {
    if (variables.length == 0) {
      return "";
    }
    return Arrays.stream(variables)
        .map(
            v -> {
              Type[] bounds = v.getBounds();
              if (bounds.length == 1 && bounds[0] == Object.class) {
                return v.getName();
              }
              return v.getName()
                  + " extends "
                  + Arrays.stream(bounds).map(Type::getTypeName).collect(Collectors.joining(" & "));
            })
        .collect(Collectors.joining(", ", "<", ">"));
  }

  private static String modifiers(Set<ModuleDescriptor.Requires.Modifier> modifiers) {
    StringBuilder s = new StringBuilder();
    for (ModuleDescriptor.Requires.Modifier m : new TreeSet<>(modifiers)) {
      if (m == ModuleDescriptor.Requires.Modifier.STATIC
          || m == ModuleDescriptor.Requires.Modifier.TRANSITIVE) {
        s.append(m.name().toLowerCase(java.util.Locale.ROOT)).append(' ');
      }
    }
    return s.toString();
  }

  private Path classesDirectory() throws URISyntaxException {
    return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private ModuleDescriptor moduleDescriptor() throws IOException, URISyntaxException {
    try (InputStream in = Files.newInputStream(classesDirectory().resolve(MODULE_INFO))) {
      return ModuleDescriptor.read(in);
    }
  }

  private List<String> classNames() throws IOException, URISyntaxException {
    Path root = classesDirectory();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .map(root::relativize)
          .map(Path::toString)
          .filter(
              p ->
                  p.endsWith(".class")
                      && !p.startsWith("META-INF")
                      && !p.equals("module-info.class"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static String diff(String expected, String actual) {
    List<String> before = List.of(expected.split("\n"));
    List<String> after = List.of(actual.split("\n"));
    StringBuilder s = new StringBuilder();
    for (String line : before) {
      if (!line.isEmpty() && !after.contains(line)) {
        s.append("- ").append(line).append('\n');
      }
    }
    for (String line : after) {
      if (!line.isEmpty() && !before.contains(line)) {
        s.append("+ ").append(line).append('\n');
      }
    }
    return s.toString();
  }
}
