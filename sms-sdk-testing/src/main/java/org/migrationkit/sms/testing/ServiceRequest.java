package org.migrationkit.sms.testing;

import java.nio.charset.StandardCharsets;

/**
 * One signed request for an operation the simulator answers from memory: the route it matched (path
 * parameters decoded), its query, its body and the request id its answer carries.
 */
record ServiceRequest(Route.Match match, Query query, byte[] body, String requestId) {
  String operation() {
    return match.route().operation();
  }

  /** Returns the path parameter at {@code index}, in template order. */
  String param(int index) {
    return match.param(index);
  }

  /** Returns the body as text, refusing a request that has none. */
  String text() {
    if (body.length == 0) {
      throw new BadRequest(operation() + ": the request body is missing");
    }
    return new String(body, StandardCharsets.UTF_8);
  }
}
