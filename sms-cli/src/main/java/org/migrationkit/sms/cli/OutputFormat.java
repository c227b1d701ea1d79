package org.migrationkit.sms.cli;

/** {@code --output}: for people ({@code table}, the default) or for programs ({@code json}). */
enum OutputFormat {
  /** Aligned columns or a readable summary. */
  TABLE,
  /** The service's JSON, as the API reference documents it. */
  JSON
}
