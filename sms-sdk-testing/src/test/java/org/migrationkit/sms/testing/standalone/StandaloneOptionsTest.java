package org.migrationkit.sms.testing.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.migrationkit.sms.auth.Credentials;
import org.migrationkit.sms.testing.internal.standalone.StandaloneOptions;
import org.migrationkit.sms.testing.internal.standalone.StandaloneOptions.Action;
import org.migrationkit.sms.testing.internal.standalone.UsageException;

/** The stand-alone simulator's flags and environment variables, parsed without a process. */
class StandaloneOptionsTest {
  private static StandaloneOptions parse(String... args) throws UsageException {
    return StandaloneOptions.parse(List.of(args), Map.of());
  }

  private static StandaloneOptions parse(Map<String, String> env, String... args)
      throws UsageException {
    return StandaloneOptions.parse(List.of(args), env);
  }

  private static String failure(Map<String, String> env, String... args) {
    try {
      StandaloneOptions.parse(List.of(args), env);
    } catch (UsageException e) {
      assertThat(e.getMessage()).doesNotContain("\n");
      return e.getMessage();
    }
    throw new AssertionError("parsed " + List.of(args) + " " + env + " without a complaint");
  }

  private static String failure(String... args) {
    return failure(Map.of(), args);
  }

  @Test
  void noArguments_defaultsAndTheDocumentedTestPair() throws Exception {
    StandaloneOptions o = parse();

    assertThat(o.action()).isEqualTo(Action.RUN);
    assertThat(o.host()).isEqualTo("127.0.0.1");
    assertThat(o.port()).isZero();
    assertThat(o.keys()).containsExactly(Credentials.akSk("test-ak", "test-sk"));
    assertThat(o.defaultKeys()).isTrue();
    assertThat(o.empty()).isFalse();
    assertThat(o.journal()).isNull();
    assertThat(o.adminToken()).isNull();
  }

  @Test
  void everyFlag_read() throws Exception {
    StandaloneOptions o =
        parse(
            "--host",
            "0.0.0.0",
            "--port",
            "8080",
            "--ak",
            "ak1",
            "--sk",
            "sk1",
            "--domain-id",
            "dom1",
            "--empty",
            "--journal",
            "j.jsonl",
            "--admin-token",
            "t0k3n");

    assertThat(o.host()).isEqualTo("0.0.0.0");
    assertThat(o.hostSource()).isEqualTo("--host");
    assertThat(o.port()).isEqualTo(8080);
    assertThat(o.keys()).containsExactly(Credentials.akSk("ak1", "sk1").withDomainId("dom1"));
    assertThat(o.defaultKeys()).isFalse();
    assertThat(o.empty()).isTrue();
    assertThat(o.journal()).isEqualTo(Path.of("j.jsonl"));
    assertThat(o.adminToken()).isEqualTo("t0k3n");
  }

  @Test
  void equalsForm_sameAsSeparateValue() throws Exception {
    StandaloneOptions o = parse("--port=9", "--host=::1", "--empty=false", "--ak=a", "--sk=s=x");

    assertThat(o.port()).isEqualTo(9);
    assertThat(o.host()).isEqualTo("::1");
    assertThat(o.empty()).isFalse();
    assertThat(o.keys()).containsExactly(Credentials.akSk("a", "s=x"));
  }

  @Test
  void everyVariable_read() throws Exception {
    StandaloneOptions o =
        parse(
            Map.of(
                "SMS_SIMULATOR_HOST", "0.0.0.0",
                "SMS_SIMULATOR_PORT", "8080",
                "SMS_SIMULATOR_AK", "ak1",
                "SMS_SIMULATOR_SK", "sk1",
                "SMS_SIMULATOR_DOMAIN_ID", "dom1",
                "SMS_SIMULATOR_EMPTY", "TRUE",
                "SMS_SIMULATOR_JOURNAL", "/tmp/j.jsonl",
                "SMS_SIMULATOR_ADMIN_TOKEN", "t0k3n"));

    assertThat(o.host()).isEqualTo("0.0.0.0");
    assertThat(o.hostSource()).isEqualTo("SMS_SIMULATOR_HOST");
    assertThat(o.port()).isEqualTo(8080);
    assertThat(o.keys()).containsExactly(Credentials.akSk("ak1", "sk1").withDomainId("dom1"));
    assertThat(o.empty()).isTrue();
    assertThat(o.journal()).isEqualTo(Path.of("/tmp/j.jsonl"));
    assertThat(o.journalSource()).isEqualTo("SMS_SIMULATOR_JOURNAL");
    assertThat(o.adminToken()).isEqualTo("t0k3n");
  }

  @Test
  void flag_winsOverVariable() throws Exception {
    StandaloneOptions o =
        parse(
            Map.of(
                "SMS_SIMULATOR_PORT", "8080",
                "SMS_SIMULATOR_HOST", "0.0.0.0",
                "SMS_SIMULATOR_EMPTY", "true"),
            "--port",
            "9090",
            "--empty=false");

    assertThat(o.port()).isEqualTo(9090);
    assertThat(o.host()).isEqualTo("0.0.0.0");
    assertThat(o.empty()).isFalse();
  }

  @Test
  void strictQuotas_onByDefault_offByFlagOrVariable() throws Exception {
    assertThat(parse().strictQuotas()).isTrue();
    assertThat(parse("--strict-quotas=false").strictQuotas()).isFalse();
    assertThat(parse(Map.of("SMS_SIMULATOR_STRICT_QUOTAS", "false")).strictQuotas()).isFalse();
    assertThatThrownBy(() -> parse("--strict-quotas=maybe"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--strict-quotas: not true or false: maybe");
  }

  @Test
  void blankVariable_countsAsUnset() throws Exception {
    assertThat(parse(Map.of("SMS_SIMULATOR_PORT", " ")).port()).isZero();
  }

  @Test
  void variableBadValue_namesTheVariable() {
    assertThat(failure(Map.of("SMS_SIMULATOR_PORT", "abc")))
        .isEqualTo("SMS_SIMULATOR_PORT: not a number: abc");
    assertThat(failure(Map.of("SMS_SIMULATOR_EMPTY", "yes")))
        .isEqualTo("SMS_SIMULATOR_EMPTY: not true or false: yes");
  }

  @Test
  void flagWithBadValue_winsOverAGoodVariable_andIsBlamed() {
    assertThat(failure(Map.of("SMS_SIMULATOR_PORT", "8080"), "--port", "x"))
        .isEqualTo("--port: not a number: x");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--prot 80           | unknown flag --prot (--help lists them)",
        "-p 80               | unknown flag -p (--help lists them)",
        "--port abc          | --port: not a number: abc",
        "--port 70000        | --port: 70000 out of range 0-65535",
        "--port 99999999999  | --port: 99999999999 out of range 0-65535",
        "--port -1           | --port: -1 out of range 0-65535",
        "--port              | --port: missing value",
        "--port --empty      | --port: missing value",
        "--port=             | --port: empty value",
        "--port 1 --port 2   | --port given twice",
        "8080                | unexpected argument 8080 (flags start with --)",
        "--empty=maybe       | --empty: not true or false: maybe",
        "--help=yes          | --help takes no value",
        "--ak a              | --ak given without --sk",
        "--sk s              | --sk given without --ak",
        "--domain-id d       | --domain-id given without --ak and --sk",
        "--key a             | --key: expected AK:SK or AK:SK:DOMAIN_ID, got 1 part",
        "--key a:b:c:d       | --key: expected AK:SK or AK:SK:DOMAIN_ID, got 4 parts",
        "--key a::d          | --key: expected AK:SK or AK:SK:DOMAIN_ID, got 3 parts with an empty one",
        "--key a:b --key a:c | access key a given twice",
        "--ak a --sk b --key a:c | access key a given twice",
      })
  void badFlag_oneLineNamingIt(String args, String message) {
    assertThat(failure(args.trim().split(" +"))).isEqualTo(message);
  }

  @Test
  void secretValues_neverInTheMessage() {
    assertThat(failure("--key", "ak:very-secret:dom:x")).doesNotContain("very-secret");
    assertThat(failure("--admin-token", "secret token"))
        .isEqualTo("--admin-token: must be printable ASCII without spaces");
    assertThat(failure(Map.of("SMS_SIMULATOR_KEYS", "ak:very-secret,broken")))
        .isEqualTo("SMS_SIMULATOR_KEYS: expected AK:SK or AK:SK:DOMAIN_ID, got 1 part");
  }

  @Test
  void variablePartner_namedAsAVariable() {
    assertThat(failure(Map.of("SMS_SIMULATOR_AK", "a")))
        .isEqualTo("SMS_SIMULATOR_AK given without SMS_SIMULATOR_SK");
  }

  @Test
  void akFlag_secretFromVariable_onePair() throws Exception {
    // keeps the secret out of the process list
    StandaloneOptions o = parse(Map.of("SMS_SIMULATOR_SK", "sk1"), "--ak", "ak1");

    assertThat(o.keys()).containsExactly(Credentials.akSk("ak1", "sk1"));
  }

  @Test
  void severalKeyPairs_fromFlags() throws Exception {
    StandaloneOptions o = parse("--ak", "a1", "--sk", "s1", "--key", "a2:s2", "--key", "a3:s3:d3");

    assertThat(o.keys())
        .containsExactly(
            Credentials.akSk("a1", "s1"),
            Credentials.akSk("a2", "s2"),
            Credentials.akSk("a3", "s3").withDomainId("d3"));
    assertThat(o.defaultKeys()).isFalse();
  }

  @Test
  void severalKeyPairs_fromTheKeysVariable() throws Exception {
    StandaloneOptions o = parse(Map.of("SMS_SIMULATOR_KEYS", "a2:s2, a3:s3:d3"));

    assertThat(o.keys())
        .containsExactly(
            Credentials.akSk("a2", "s2"), Credentials.akSk("a3", "s3").withDomainId("d3"));
  }

  @Test
  void keyFlags_replaceTheKeysVariable() throws Exception {
    StandaloneOptions o = parse(Map.of("SMS_SIMULATOR_KEYS", "a2:s2"), "--key", "a9:s9");

    assertThat(o.keys()).containsExactly(Credentials.akSk("a9", "s9"));
  }

  @Test
  void help_wins_evenWithBadVariables() throws Exception {
    assertThat(parse(Map.of("SMS_SIMULATOR_PORT", "x"), "--port", "1", "--help").action())
        .isEqualTo(Action.HELP);
    assertThat(parse("-h").action()).isEqualTo(Action.HELP);
    assertThat(parse("--version").action()).isEqualTo(Action.VERSION);
  }

  @Test
  void usage_namesEveryFlagAndVariable() {
    for (String name :
        List.of(
            "--host",
            "--port",
            "--ak",
            "--sk",
            "--domain-id",
            "--key",
            "--empty",
            "--journal",
            "--admin-token",
            "--help",
            "--version",
            "SMS_SIMULATOR_HOST",
            "SMS_SIMULATOR_PORT",
            "SMS_SIMULATOR_AK",
            "SMS_SIMULATOR_SK",
            "SMS_SIMULATOR_DOMAIN_ID",
            "SMS_SIMULATOR_KEYS",
            "SMS_SIMULATOR_EMPTY",
            "SMS_SIMULATOR_JOURNAL",
            "SMS_SIMULATOR_ADMIN_TOKEN")) {
      assertThat(StandaloneOptions.USAGE).contains(name);
    }
  }
}
