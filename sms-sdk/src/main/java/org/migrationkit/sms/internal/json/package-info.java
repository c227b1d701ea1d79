/**
 * Model-free JSON reading and writing: the lenient readers and null-skipping writers of {@link
 * org.migrationkit.sms.internal.json.JsonValues}, the {@link
 * org.migrationkit.sms.internal.json.JsonCodec} interface, and the registry {@link
 * org.migrationkit.sms.internal.json.JsonCodecs}. Not API: may change in any release.
 *
 * <p>This package uses no other package of the client. The model uses it (each model's generated
 * codec, package-private beside the model, calls {@code JsonValues} member by member), so naming a
 * model here, or a package that uses the model, would make a package cycle through the model;
 * {@code ModelPackageCycleTest} checks both with jdeps. Code outside the model package gets a
 * model's codec from {@link org.migrationkit.sms.internal.json.JsonCodecs#of(Class)}, which the
 * model class fills from its static initializer (the JDK's {@code SharedSecrets} pattern), once
 * when it builds its tables; the exception a model's {@code fromJson} throws comes from the client
 * through the {@link org.migrationkit.sms.internal.json.DocumentFailure} service.
 */
@NullMarked
package org.migrationkit.sms.internal.json;

import org.jspecify.annotations.NullMarked;
