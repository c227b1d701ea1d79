package org.migrationkit.sms.internal.json;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The codec of each model type, registered by the model class itself.
 *
 * <p>The codecs are package-private in {@code org.migrationkit.sms.model}, so that this package
 * knows no model by name (the model depends on it, never the reverse). Each model class hands its
 * codec over in its static initializer, as the JDK's {@code SharedSecrets} are filled; {@link
 * #of(Class)} initializes the class first, so a codec is there whichever class a program touches
 * first. Look a codec up once, when a table is built (operation descriptors, a Jackson module),
 * never per call: the lookup initializes a class by reflection.
 *
 * <pre>{@code
 * static final JsonCodec<ShowTaskResponse> TASK = JsonCodecs.of(ShowTaskResponse.class);
 * ShowTaskResponse task = JsonValues.readObjectDocument(in, TASK);
 * }</pre>
 */
public final class JsonCodecs {
  private static final ConcurrentMap<Class<?>, JsonCodec<?>> CODECS = new ConcurrentHashMap<>();

  private JsonCodecs() {}

  /**
   * Registers the codec of a model type; called by the model's static initializer only.
   *
   * @throws IllegalStateException when the type already has a codec
   */
  public static <T> void register(Class<T> type, JsonCodec<T> codec) {
    Objects.requireNonNull(codec, "codec");
    if (CODECS.putIfAbsent(Objects.requireNonNull(type, "type"), codec) != null) {
      throw new IllegalStateException("JSON codec registered twice for " + type.getName());
    }
  }

  /**
   * Returns the codec of a model type, initializing the type's class when it is not yet.
   *
   * @throws IllegalArgumentException when the type has no codec (it is no model)
   */
  @SuppressWarnings("unchecked") // register() keys each codec by its own type
  public static <T> JsonCodec<T> of(Class<T> type) {
    JsonCodec<?> codec = CODECS.get(Objects.requireNonNull(type, "type"));
    if (codec == null) {
      initialize(type);
      codec = CODECS.get(type);
      if (codec == null) {
        throw new IllegalArgumentException("No JSON codec for " + type.getName() + ": not a model");
      }
    }
    return (JsonCodec<T>) codec;
  }

  private static void initialize(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("No JSON codec for " + type.getName() + ": " + e, e);
    }
  }
}
