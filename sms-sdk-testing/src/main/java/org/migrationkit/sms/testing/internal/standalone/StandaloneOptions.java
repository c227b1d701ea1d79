package org.migrationkit.sms.testing.internal.standalone;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.migrationkit.sms.auth.Credentials;

/**
 * What the stand-alone simulator was asked for, read from its command line and environment: a pure
 * function of both (no I/O), so that every rule is tested without a process.
 *
 * <p>Each flag has an environment variable; a flag wins over its variable, and a blank variable
 * counts as unset. {@code --flag value} and {@code --flag=value} are both accepted. The first flag
 * or value that cannot be taken ends the parse with a {@link UsageException} naming it.
 */
public final class StandaloneOptions {
  /** What the process does. */
  public enum Action {
    /** Serve until a signal. */
    RUN,
    /** Print {@link #USAGE} and exit. */
    HELP,
    /** Print the version and exit. */
    VERSION
  }

  /** The address listened on unless {@code --host} says. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /**
   * 0, a free port: parallel runs (CI jobs, test suites) never collide, and the listening line says
   * which port was taken. The container image sets a fixed one instead.
   */
  public static final int DEFAULT_PORT = 0;

  /** The documented test pair accepted when no key is given; not a secret, like its name says. */
  public static final String DEFAULT_ACCESS_KEY = "test-ak";

  /** The secret key of the documented test pair. */
  public static final String DEFAULT_SECRET_KEY = "test-sk";

  /** Every flag, with its environment variable. */
  enum Flag {
    HOST("--host", "SMS_SIMULATOR_HOST"),
    PORT("--port", "SMS_SIMULATOR_PORT"),
    AK("--ak", "SMS_SIMULATOR_AK"),
    SK("--sk", "SMS_SIMULATOR_SK"),
    DOMAIN_ID("--domain-id", "SMS_SIMULATOR_DOMAIN_ID"),
    KEY("--key", "SMS_SIMULATOR_KEYS"),
    EMPTY("--empty", "SMS_SIMULATOR_EMPTY"),
    STRICT_QUOTAS("--strict-quotas", "SMS_SIMULATOR_STRICT_QUOTAS"),
    JOURNAL("--journal", "SMS_SIMULATOR_JOURNAL"),
    ADMIN_TOKEN("--admin-token", "SMS_SIMULATOR_ADMIN_TOKEN"),
    HELP("--help", null),
    VERSION("--version", null);

    final String flag;
    final @Nullable String env;

    Flag(String flag, @Nullable String env) {
      this.flag = flag;
      this.env = env;
    }

    static @Nullable Flag named(String name) {
      if (name.equals("-h")) {
        return HELP;
      }
      for (Flag f : values()) {
        if (f.flag.equals(name)) {
          return f;
        }
      }
      return null;
    }
  }

  /** What {@code --help} prints. */
  public static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar sms-sdk-testing-standalone.jar [flags]",
          "",
          "A local Huawei Cloud SMS that checks every request's SDK-HMAC-SHA256 signature, with a",
          "JSON control API under /__sms/. Prints 'SMS simulator listening on http://HOST:PORT'",
          "once it serves; stops cleanly (exit 0) on SIGTERM or SIGINT.",
          "",
          "Flags (each also read from the environment variable beside it; a flag wins):",
          "  --host HOST          SMS_SIMULATOR_HOST         address to listen on (default"
              + " 127.0.0.1;",
          "                                                  0.0.0.0 for every address)",
          "  --port PORT          SMS_SIMULATOR_PORT         0-65535 (default 0: a free port)",
          "  --ak AK              SMS_SIMULATOR_AK           access key of an accepted key pair",
          "  --sk SK              SMS_SIMULATOR_SK           its secret key",
          "  --domain-id ID       SMS_SIMULATOR_DOMAIN_ID    its account (domain) id, optional",
          "  --key AK:SK[:ID]     SMS_SIMULATOR_KEYS         one more key pair; repeat the flag,"
              + " or",
          "                                                  separate pairs with ',' in the"
              + " variable",
          "  --empty              SMS_SIMULATOR_EMPTY        start with no tasks (true/false;"
              + " default",
          "                                                  false: the API page's example task)",
          "  --strict-quotas B    SMS_SIMULATOR_STRICT_QUOTAS  enforce the documented quotas (100"
              + " migrations",
          "                                                  in flight, 1,000 source servers;"
              + " default true)",
          "  --journal FILE       SMS_SIMULATOR_JOURNAL      write one JSON line per request to"
              + " FILE",
          "                                                  (created or truncated at start)",
          "  --admin-token TOKEN  SMS_SIMULATOR_ADMIN_TOKEN  control API needs 'Authorization:"
              + " Bearer",
          "                                                  TOKEN' and answers any address"
              + " (default:",
          "                                                  no token, loopback clients only)",
          "  --help, -h                                      print this and exit",
          "  --version                                       print the version and exit",
          "",
          "Without any key pair the documented test pair is accepted: access key "
              + DEFAULT_ACCESS_KEY
              + ", secret key "
              + DEFAULT_SECRET_KEY
              + ".",
          "A bad flag or value exits with status 2 and one line on standard error.",
          "");

  private final Action action;
  private final String host;
  private final String hostSource;
  private final int port;
  private final List<Credentials> keys;
  private final boolean defaultKeys;
  private final boolean empty;
  private final boolean strictQuotas;
  private final @Nullable Path journal;
  private final String journalSource;
  private final @Nullable String adminToken;

  private StandaloneOptions(
      Action action,
      String host,
      String hostSource,
      int port,
      List<Credentials> keys,
      boolean defaultKeys,
      boolean empty,
      boolean strictQuotas,
      @Nullable Path journal,
      String journalSource,
      @Nullable String adminToken) {
    this.action = action;
    this.host = host;
    this.hostSource = hostSource;
    this.port = port;
    this.keys = List.copyOf(keys);
    this.defaultKeys = defaultKeys;
    this.empty = empty;
    this.strictQuotas = strictQuotas;
    this.journal = journal;
    this.journalSource = journalSource;
    this.adminToken = adminToken;
  }

  /** {@return what the process does} */
  public Action action() {
    return action;
  }

  /** {@return the address to listen on} */
  public String host() {
    return host;
  }

  /** {@return the flag or variable {@link #host()} came from}, to blame when it does not resolve */
  public String hostSource() {
    return hostSource;
  }

  /** {@return the port to listen on, 0 for a free one} */
  public int port() {
    return port;
  }

  /** {@return the accepted key pairs}, never empty: the default pair when none was given. */
  public List<Credentials> keys() {
    return keys;
  }

  /** {@return whether {@link #keys()} is the documented default pair, none being given} */
  public boolean defaultKeys() {
    return defaultKeys;
  }

  /** {@return whether to start with no tasks} */
  public boolean empty() {
    return empty;
  }

  /** {@return whether the documented quotas are enforced (default {@code true})} */
  public boolean strictQuotas() {
    return strictQuotas;
  }

  /** {@return the journal file, or {@code null} for none} */
  public @Nullable Path journal() {
    return journal;
  }

  /**
   * {@return the flag or variable {@link #journal()} came from}, to blame when it cannot be written
   */
  public String journalSource() {
    return journalSource;
  }

  /** {@return the control API's bearer token, or {@code null} for loopback-only access} */
  public @Nullable String adminToken() {
    return adminToken;
  }

  /** A flag's or a variable's value, with the name to blame it on. */
  private record Setting(String name, String value) {}

  /**
   * Reads the command line, then the environment for whatever the command line left unset.
   *
   * @param args the command line, without the program name
   * @param env the environment, such as {@link System#getenv()}
   * @return the options
   * @throws UsageException naming the first flag or value that cannot be taken
   */
  public static StandaloneOptions parse(List<String> args, Map<String, String> env)
      throws UsageException {
    Map<Flag, Setting> flags = new EnumMap<>(Flag.class);
    List<Setting> keyFlags = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("-") || arg.equals("-") || arg.equals("--")) {
        throw new UsageException("unexpected argument " + arg + " (flags start with --)");
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String inline = eq < 0 ? null : arg.substring(eq + 1);
      Flag flag = Flag.named(name);
      if (flag == null) {
        throw new UsageException("unknown flag " + name + " (--help lists them)");
      }
      if (flag == Flag.HELP || flag == Flag.VERSION) {
        if (inline != null) {
          throw new UsageException(flag.flag + " takes no value");
        }
        return new StandaloneOptions(
            flag == Flag.HELP ? Action.HELP : Action.VERSION,
            DEFAULT_HOST,
            Flag.HOST.flag,
            DEFAULT_PORT,
            List.of(),
            false,
            false,
            true,
            null,
            Flag.JOURNAL.flag,
            null);
      }
      String value;
      if (inline != null) {
        value = inline;
      } else if (flag == Flag.EMPTY) {
        value = "true";
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        value = args.get(++i);
      } else {
        throw new UsageException(flag.flag + ": missing value");
      }
      if (value.isBlank()) {
        throw new UsageException(flag.flag + ": empty value");
      }
      Setting setting = new Setting(flag.flag, value);
      if (flag == Flag.KEY) {
        keyFlags.add(setting);
      } else if (flags.putIfAbsent(flag, setting) != null) {
        throw new UsageException(flag.flag + " given twice");
      }
    }
    for (Flag flag : Flag.values()) {
      String variable = flag.env;
      if (variable == null || flags.containsKey(flag) || flag == Flag.KEY) {
        continue;
      }
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        flags.put(flag, new Setting(variable, value.strip()));
      }
    }
    if (keyFlags.isEmpty()) {
      String value = env.get(Flag.KEY.env);
      if (value != null && !value.isBlank()) {
        for (String pair : value.split(",", -1)) {
          keyFlags.add(new Setting(Flag.KEY.env, pair.strip()));
        }
      }
    }

    Setting host = flags.get(Flag.HOST);
    Setting port = flags.get(Flag.PORT);
    Setting empty = flags.get(Flag.EMPTY);
    Setting strictQuotas = flags.get(Flag.STRICT_QUOTAS);
    Setting journal = flags.get(Flag.JOURNAL);
    Setting adminToken = flags.get(Flag.ADMIN_TOKEN);
    List<Credentials> keys = keys(flags, keyFlags);
    boolean defaultKeys = keys.isEmpty();
    if (defaultKeys) {
      keys = List.of(Credentials.akSk(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY));
    }
    return new StandaloneOptions(
        Action.RUN,
        host == null ? DEFAULT_HOST : host.value(),
        host == null ? Flag.HOST.flag : host.name(),
        port == null ? DEFAULT_PORT : port(port),
        keys,
        defaultKeys,
        empty != null && bool(empty),
        strictQuotas == null || bool(strictQuotas),
        journal == null ? null : path(journal),
        journal == null ? Flag.JOURNAL.flag : journal.name(),
        adminToken == null ? null : token(adminToken));
  }

  private static List<Credentials> keys(Map<Flag, Setting> flags, List<Setting> keyFlags)
      throws UsageException {
    List<Credentials> keys = new ArrayList<>();
    Setting ak = flags.get(Flag.AK);
    Setting sk = flags.get(Flag.SK);
    Setting domainId = flags.get(Flag.DOMAIN_ID);
    if (ak != null && sk == null) {
      throw new UsageException(ak.name() + " given without " + partner(ak, Flag.SK));
    }
    if (sk != null && ak == null) {
      throw new UsageException(sk.name() + " given without " + partner(sk, Flag.AK));
    }
    if (ak != null && sk != null) {
      keys.add(credentials(ak.value(), sk.value(), domainId == null ? null : domainId.value()));
    } else if (domainId != null) {
      throw new UsageException(
          domainId.name()
              + " given without "
              + partner(domainId, Flag.AK)
              + " and "
              + partner(domainId, Flag.SK));
    }
    for (Setting key : keyFlags) {
      String[] parts = key.value().split(":", -1);
      if (parts.length < 2 || parts.length > 3 || hasBlank(parts)) {
        // the value holds a secret key: say what is wrong with it, not what it is
        throw new UsageException(
            key.name()
                + ": expected AK:SK or AK:SK:DOMAIN_ID, got "
                + parts.length
                + (parts.length == 1 ? " part" : " parts")
                + (hasBlank(parts) && parts.length <= 3 ? " with an empty one" : ""));
      }
      keys.add(credentials(parts[0], parts[1], parts.length == 3 ? parts[2] : null));
    }
    Set<String> accessKeys = new HashSet<>();
    for (Credentials c : keys) {
      if (!accessKeys.add(c.getAccessKey())) {
        throw new UsageException("access key " + c.getAccessKey() + " given twice");
      }
    }
    return keys;
  }

  private static Credentials credentials(String ak, String sk, @Nullable String domainId) {
    Credentials c = Credentials.akSk(ak.strip(), sk.strip());
    return domainId == null ? c : c.withDomainId(domainId.strip());
  }

  private static boolean hasBlank(String[] parts) {
    for (String p : parts) {
      if (p.isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** The name {@code wanted} goes by in the same place (flags or environment) as {@code given}. */
  private static String partner(Setting given, Flag wanted) {
    return given.name().startsWith("--") ? wanted.flag : String.valueOf(wanted.env);
  }

  private static int port(Setting s) throws UsageException {
    String v = s.value();
    int start = v.startsWith("-") ? 1 : 0;
    if (v.length() == start) {
      throw new UsageException(s.name() + ": not a number: " + v);
    }
    for (int i = start; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        throw new UsageException(s.name() + ": not a number: " + v);
      }
    }
    if (start == 1 || v.length() > 5 || Integer.parseInt(v) > 65_535) {
      throw new UsageException(s.name() + ": " + v + " out of range 0-65535");
    }
    return Integer.parseInt(v);
  }

  private static boolean bool(Setting s) throws UsageException {
    switch (s.value().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new UsageException(s.name() + ": not true or false: " + s.value());
    }
  }

  private static Path path(Setting s) throws UsageException {
    try {
      return Path.of(s.value());
    } catch (InvalidPathException e) {
      throw new UsageException(s.name() + ": not a file name: " + e.getReason());
    }
  }

  private static String token(Setting s) throws UsageException {
    String v = s.value();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= ' ' || c > '~') {
        // the token is a secret: name the rule, not the value
        throw new UsageException(s.name() + ": must be printable ASCII without spaces");
      }
    }
    return v;
  }
}
